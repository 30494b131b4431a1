import { AppError } from '../../app/appErrors.ts';
import { regencySnapshot, versionHash } from '../../app/syncDefinitionFolder.ts';
import { loadSopSource } from '../../definition/loadDefinitionSource.ts';
import {
  getLatestVersion,
  getRegency,
  getVersion,
  listDefinitions,
  listVersions,
  publishVersion,
} from '../../storage/definitionRepository.ts';
import { integerValue } from '../queryValues.ts';
import { route, type RouteContext, type RouteSpec } from '../routeSpec.ts';

const sourceBody = {
  type: 'object',
  required: ['source'],
  additionalProperties: false,
  properties: {
    source: { type: 'string', minLength: 1, maxLength: 1_048_576 },
    fileName: { type: 'string', maxLength: 200 },
  },
};

async function validateInRegency({ db, user }: RouteContext, source: string, fileName: string) {
  const regency = await getRegency(db, user!.regencyId);
  if (!regency) throw new AppError('NOT_FOUND', 'Kabupaten tidak ditemukan.');
  const load = loadSopSource(new TextEncoder().encode(source), fileName, { regency, folderName: regency.id });
  return { regency, load };
}

/** SOP definitions: list, read, versions, validate a draft, publish. */
export const definitionRoutes: RouteSpec[] = [
  route({
    method: 'get',
    path: '/api/definitions',
    summary: 'SOP kabupaten pengguna dengan status dan versi terakhir',
    tag: 'definisi',
    access: 'user',
    policy: { action: 'definition.read' },
    responses: { 200: 'Daftar SOP', 401: 'Belum masuk' },
    handler: async ({ db, user }) => ({ body: { definitions: await listDefinitions(db, user!.regencyId) } }),
  }),
  route({
    method: 'get',
    path: '/api/definitions/{sopId}',
    summary: 'Versi terbit terakhir sebuah SOP (definisi ternormalisasi)',
    tag: 'definisi',
    access: 'user',
    policy: { action: 'definition.read' },
    responses: { 200: 'Definisi', 401: 'Belum masuk', 404: 'Tidak ada' },
    handler: async ({ db, user, params }) => {
      const version = await getLatestVersion(db, user!.regencyId, params.sopId!);
      if (!version) throw new AppError('NOT_FOUND', 'SOP tidak ditemukan atau belum diterbitkan.');
      return { body: { version: version.version, publishedAt: version.publishedAt, definition: version.definition } };
    },
  }),
  route({
    method: 'get',
    path: '/api/definitions/{sopId}/versions',
    summary: 'Riwayat versi sebuah SOP',
    tag: 'definisi',
    access: 'user',
    policy: { action: 'definition.read' },
    responses: { 200: 'Versi', 401: 'Belum masuk', 404: 'Tidak ada' },
    handler: async ({ db, user, params }) => {
      const versions = await listVersions(db, user!.regencyId, params.sopId!);
      if (versions.length === 0) throw new AppError('NOT_FOUND', 'SOP tidak ditemukan.');
      return { body: { versions } };
    },
  }),
  route({
    method: 'get',
    path: '/api/definitions/{sopId}/versions/{version}',
    summary: 'Satu versi terbit (tetap dapat dibaca selamanya), dengan sumber YAML',
    tag: 'definisi',
    access: 'user',
    policy: { action: 'definition.read' },
    responses: { 200: 'Versi', 401: 'Belum masuk', 404: 'Tidak ada' },
    handler: async ({ db, user, params }) => {
      const version = await getVersion(
        db,
        user!.regencyId,
        params.sopId!,
        integerValue(params.version!, '/path/version', 1),
      );
      if (!version) throw new AppError('NOT_FOUND', 'Versi tidak ditemukan.');
      return { body: version };
    },
  }),
  route<{ source: string; fileName?: string }>({
    method: 'post',
    path: '/api/definitions/validate',
    summary: 'Memeriksa draf YAML dengan pemeriksa yang sama seperti CLI',
    tag: 'definisi',
    access: 'user',
    policy: { action: 'definition.validate' },
    body: sourceBody,
    responses: {
      200: 'Hasil pemeriksaan (valid, errors dengan baris dan kolom)',
      400: 'Data tidak sah',
      401: 'Belum masuk',
    },
    handler: async (context) => {
      const { load } = await validateInRegency(context, context.body.source, context.body.fileName ?? 'draf.yaml');
      return { body: { valid: load.errors.length === 0, errors: load.errors, definition: load.definition ?? null } };
    },
  }),
  route<{ source: string }>({
    method: 'post',
    path: '/api/definitions/{sopId}/publish',
    summary: 'Menerbitkan versi baru (hanya pengesah); versi terbit tidak dapat diubah',
    tag: 'definisi',
    access: 'user',
    policy: { action: 'definition.publish' },
    body: sourceBody,
    responses: {
      201: 'Versi baru',
      200: 'Isi sama dengan versi terakhir; tidak ada versi baru',
      400: 'Data tidak sah',
      401: 'Belum masuk',
      403: 'Bukan pengesah',
      422: 'Definisi tidak lolos pemeriksaan',
    },
    handler: async (context) => {
      const { regency, load } = await validateInRegency(context, context.body.source, `${context.params.sopId}.yaml`);
      if (!load.definition)
        throw new AppError(
          'UNPROCESSABLE',
          'Definisi masih berisi kesalahan; perbaiki dahulu.',
          undefined,
          load.errors.map((e) => ({ path: e.path, message: `${e.line}:${e.column} ${e.message}` })),
        );
      if (load.definition.id !== context.params.sopId)
        throw new AppError(
          'VALIDATION_FAILED',
          `Pengenal di dalam definisi (${load.definition.id}) berbeda dengan alamat (${context.params.sopId}).`,
          '/source',
        );
      const definition = { ...load.definition, status: 'published' as const };
      const { version, created } = await publishVersion(context.db, {
        regencyId: regency.id,
        sopId: definition.id,
        source: context.body.source,
        definition,
        regencySnapshot: regencySnapshot(regency),
        contentHash: versionHash(definition, regency),
        publishedBy: context.user!.id,
      });
      return { status: created ? 201 : 200, body: { version: version.version, created } };
    },
  }),
];
