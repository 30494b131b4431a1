import type { Knex } from 'knex';
import { AppError } from '../../app/appErrors.ts';
import type { AuthUser } from '../../app/authUser.ts';
import { regencySnapshot, versionHash } from '../../app/syncDefinitionFolder.ts';
import { definitionContracts as c } from '../../contracts/definitionContracts.ts';
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
import { implement, type RouteSpec } from '../routeSpec.ts';

async function validateInRegency(db: Knex, user: AuthUser, source: string, fileName: string) {
  const regency = await getRegency(db, user.regencyId);
  if (!regency) throw new AppError('NOT_FOUND', 'Kabupaten tidak ditemukan.');
  const load = loadSopSource(new TextEncoder().encode(source), fileName, { regency, folderName: regency.id });
  return { regency, load };
}

const READER = { tag: 'definisi', access: 'user', policy: { action: 'definition.read' } } as const;

/** SOP definitions: list, read, versions, validate a draft, publish. */
export const definitionRoutes: RouteSpec[] = [
  implement(c.list, {
    ...READER,
    summary: 'SOP kabupaten pengguna dengan status dan versi terakhir',
    responses: { 200: 'Daftar SOP', 401: 'Belum masuk' },
    handler: async ({ db, user }) => ({ body: { definitions: await listDefinitions(db, user.regencyId) } }),
  }),
  implement(c.latest, {
    ...READER,
    summary: 'Versi terbit terakhir sebuah SOP (definisi ternormalisasi)',
    responses: { 200: 'Definisi', 401: 'Belum masuk', 404: 'Tidak ada' },
    handler: async ({ db, user, params }) => {
      const version = await getLatestVersion(db, user.regencyId, params.sopId);
      if (!version) throw new AppError('NOT_FOUND', 'SOP tidak ditemukan atau belum diterbitkan.');
      return { body: { version: version.version, publishedAt: version.publishedAt, definition: version.definition } };
    },
  }),
  implement(c.versions, {
    ...READER,
    summary: 'Riwayat versi sebuah SOP',
    responses: { 200: 'Versi', 401: 'Belum masuk', 404: 'Tidak ada' },
    handler: async ({ db, user, params }) => {
      const versions = await listVersions(db, user.regencyId, params.sopId);
      if (versions.length === 0) throw new AppError('NOT_FOUND', 'SOP tidak ditemukan.');
      return { body: { versions } };
    },
  }),
  implement(c.version, {
    ...READER,
    summary: 'Satu versi terbit (tetap dapat dibaca selamanya), dengan sumber YAML',
    responses: { 200: 'Versi', 401: 'Belum masuk', 404: 'Tidak ada' },
    handler: async ({ db, user, params }) => {
      const version = await getVersion(
        db,
        user.regencyId,
        params.sopId,
        integerValue(params.version, '/path/version', 1),
      );
      if (!version) throw new AppError('NOT_FOUND', 'Versi tidak ditemukan.');
      return { body: version };
    },
  }),
  implement(c.validate, {
    summary: 'Memeriksa draf YAML dengan pemeriksa yang sama seperti CLI',
    tag: 'definisi',
    access: 'user',
    policy: { action: 'definition.validate' },
    responses: {
      200: 'Hasil pemeriksaan (valid, errors dengan baris dan kolom)',
      400: 'Data tidak sah',
      401: 'Belum masuk',
    },
    handler: async ({ db, user, body }) => {
      const { load } = await validateInRegency(db, user, body.source, body.fileName ?? 'draf.yaml');
      return { body: { valid: load.errors.length === 0, errors: load.errors, definition: load.definition ?? null } };
    },
  }),
  implement(c.publish, {
    summary: 'Menerbitkan versi baru (hanya pengesah); versi terbit tidak dapat diubah',
    tag: 'definisi',
    access: 'user',
    policy: { action: 'definition.publish' },
    responses: {
      201: 'Versi baru',
      200: 'Isi sama dengan versi terakhir; tidak ada versi baru',
      400: 'Data tidak sah',
      401: 'Belum masuk',
      403: 'Bukan pengesah',
      422: 'Definisi tidak lolos pemeriksaan',
    },
    handler: async ({ db, user, params, body }) => {
      const { regency, load } = await validateInRegency(db, user, body.source, `${params.sopId}.yaml`);
      if (!load.definition)
        throw new AppError(
          'UNPROCESSABLE',
          'Definisi masih berisi kesalahan; perbaiki dahulu.',
          undefined,
          load.errors.map((e) => ({ path: e.path, message: `${e.line}:${e.column} ${e.message}` })),
        );
      if (load.definition.id !== params.sopId)
        throw new AppError(
          'VALIDATION_FAILED',
          `Pengenal di dalam definisi (${load.definition.id}) berbeda dengan alamat (${params.sopId}).`,
          '/source',
        );
      const definition = { ...load.definition, status: 'published' as const };
      const { version, created } = await publishVersion(db, {
        regencyId: regency.id,
        sopId: definition.id,
        source: body.source,
        definition,
        regencySnapshot: regencySnapshot(regency),
        contentHash: versionHash(definition, regency),
        publishedBy: user.id,
      });
      return { status: created ? 201 : 200, body: { version: version.version, created } };
    },
  }),
];
