import { AppError } from '../../app/appErrors.ts';
import { confirmMigration, planMigration } from '../../app/designer/caseMigration.ts';
import { listDesignerSops } from '../../app/designer/designerList.ts';
import { saveRevision } from '../../app/designer/draftService.ts';
import { diffBetween, sopHistory } from '../../app/designer/history.ts';
import {
  approveAndPublish,
  returnToDrafter,
  revertToVersion,
  submitForApproval,
} from '../../app/designer/lifecycle.ts';
import { waitingForApprover } from '../../app/designer/fourEyes.ts';
import { createSop, sopLibrary, type NewSopSource } from '../../app/designer/newSop.ts';
import { publishForm } from '../../app/designer/publishForm.ts';
import type { PublishHeader } from '../../app/designer/publishHeader.ts';
import { exportPack } from '../../app/designer/packExport.ts';
import { unzipPack } from '../../app/designer/inflatePack.ts';
import type { PackFile } from '../../app/designer/packFiles.ts';
import { importPack, previewImport, type PackOptions } from '../../app/designer/packImport.ts';
import type { AccessProfile } from '../../app/permissions/accessProfile.ts';
import { simulateSource } from '../../app/designer/simulateSource.ts';
import { loadWorkingCopy } from '../../app/designer/workingCopy.ts';
import type { Scenario } from '../../simulation/planScenarios.ts';
import { getLatestVersion } from '../../storage/definitionRepository.ts';
import { MAX_INT4 } from '../queryValues.ts';
import { route, type RouteSpec } from '../routeSpec.ts';
import { noteSchema, revisionSchema, savedOrConflict, sourceSchema } from './draftRouteParts.ts';

const TAG = 'perancang';
// The upload itself; what it unpacks to is limited in inflatePack.ts.
const MAX_PACK_BYTES = 5 * 1024 * 1024;
const idSchema = { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,79}$' };
/** Published version numbers are PostgreSQL integers: a larger number can name no version. */
const versionSchema = { type: 'integer', minimum: 1, maximum: MAX_INT4 };

function revisionParam(value: string | undefined): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new AppError('VALIDATION_FAILED', 'Nomor revisi tidak sah.', '/revision');
  return n;
}

/** `sopA:3,sopB:0` → { sopA: 3, sopB: 0 }: the revisions an import report was made against. */
function basesParam(value: string | undefined): Record<string, number> {
  const bases: Record<string, number> = {};
  for (const part of (value ?? '').split(',').filter((p) => p.length > 0)) {
    const match = /^([a-z0-9][a-z0-9-]{0,79}):([0-9]{1,7})$/.exec(part);
    if (!match) throw new AppError('VALIDATION_FAILED', `Bagian "${part}" dari bases tidak sah.`, '/query/bases');
    bases[match[1]!] = Number(match[2]);
  }
  return bases;
}

/** Regency admins import a pack's regency.yaml too (as a settings draft); drafters only its SOPs. */
function withSettings(access: AccessProfile | undefined): PackOptions {
  return { withSettings: access?.kinds.has('admin') === true };
}

/** Unpacks an uploaded pack in a worker thread, before the request's transaction. */
function unpackBody(body: Buffer): Promise<PackFile[]> {
  if (!Buffer.isBuffer(body) || body.length === 0)
    throw new AppError('VALIDATION_FAILED', 'Kirim paket sebagai arsip zip.', '/body');
  return unzipPack(new Uint8Array(body));
}

/** The SOP designer: list, create, save drafts, review and publish, history and diff, case moves, packs. */
export const designerRoutes: RouteSpec[] = [
  route({
    method: 'get',
    path: '/api/designer/sops',
    summary: 'SOP kabupaten untuk perancang: status, versi, tanggal berlaku, revisi terakhir dan pengubahnya',
    tag: TAG,
    access: 'user',
    policy: { action: 'definition.validate' },
    responses: { 200: 'Daftar SOP', 401: 'Belum masuk', 403: 'Bukan penyusun atau pengesah' },
    handler: async ({ db, user }) => ({ body: { sops: await listDesignerSops(db, user!.regencyId) } }),
  }),
  route({
    method: 'get',
    path: '/api/designer/library',
    summary: 'SOP terbit semua kabupaten yang dapat disalin',
    tag: TAG,
    access: 'user',
    policy: { action: 'definition.validate' },
    responses: { 200: 'Pustaka SOP', 401: 'Belum masuk', 403: 'Bukan penyusun atau pengesah' },
    handler: async ({ db }) => ({ body: { regencies: await sopLibrary(db) } }),
  }),
  route<{ sopId: string; name: string; from: NewSopSource }>({
    method: 'post',
    path: '/api/designer/sops',
    summary: 'SOP baru dari templat atau salinan SOP kabupaten lain (revisi draf 1)',
    tag: TAG,
    access: 'user',
    policy: { action: 'definition.validate' },
    body: {
      type: 'object',
      required: ['sopId', 'name', 'from'],
      additionalProperties: false,
      properties: {
        sopId: idSchema,
        name: { type: 'string', minLength: 1, maxLength: 300 },
        from: {
          oneOf: [
            {
              type: 'object',
              required: ['template'],
              additionalProperties: false,
              properties: { template: { const: true }, unit: idSchema },
            },
            {
              type: 'object',
              required: ['copy'],
              additionalProperties: false,
              properties: {
                copy: {
                  type: 'object',
                  required: ['regencyId', 'sopId'],
                  additionalProperties: false,
                  properties: { regencyId: idSchema, sopId: idSchema },
                },
              },
            },
          ],
        },
      },
    },
    responses: {
      201: 'Draf baru',
      400: 'Data tidak sah',
      401: 'Belum masuk',
      403: 'Bukan penyusun',
      404: 'SOP sumber tidak ada',
      409: 'Pengenal sudah dipakai',
    },
    handler: async ({ db, user, body }) => ({
      status: 201,
      body: { revision: await createSop(db, user!, body.sopId, body.name, body.from) },
    }),
  }),
  route({
    method: 'get',
    path: '/api/designer/sops/{sopId}',
    summary: 'Naskah terbaru sebuah SOP untuk disunting, dengan status dan riwayat pengesahan',
    tag: TAG,
    access: 'user',
    policy: { action: 'definition.validate' },
    responses: { 200: 'Naskah kerja', 401: 'Belum masuk', 403: 'Bukan penyusun atau pengesah', 404: 'Tidak ada' },
    handler: async ({ db, user, params }) => {
      const copy = await loadWorkingCopy(db, user!.regencyId, params.sopId!);
      if (!copy) throw new AppError('NOT_FOUND', 'SOP tidak ditemukan.');
      return { body: copy };
    },
  }),
  route<{ source: string; baseRevision: number; note?: string }>({
    method: 'post',
    path: '/api/designer/sops/{sopId}/drafts',
    summary: 'Menyimpan revisi draf (setiap simpanan disimpan); 409 bila orang lain menyimpan setelah revisi dasar',
    tag: TAG,
    access: 'user',
    policy: { action: 'definition.validate' },
    body: {
      type: 'object',
      required: ['source', 'baseRevision'],
      additionalProperties: false,
      properties: { source: sourceSchema, baseRevision: revisionSchema, note: noteSchema },
    },
    responses: {
      201: 'Revisi baru',
      400: 'Data tidak sah',
      401: 'Belum masuk',
      403: 'Bukan penyusun',
      409: 'Revisi lain disimpan lebih dahulu (kedua revisi disertakan)',
    },
    handler: async ({ db, user, params, body }) =>
      savedOrConflict(
        await saveRevision(db, user!, {
          sopId: params.sopId!,
          source: body.source,
          baseRevision: body.baseRevision,
          ...(body.note !== undefined ? { note: body.note } : {}),
        }),
      ),
  }),
  route({
    method: 'get',
    path: '/api/designer/sops/{sopId}/history',
    summary: 'Versi terbit, revisi draf dan langkah pengesahan sebuah SOP',
    tag: TAG,
    access: 'user',
    policy: { action: 'definition.validate' },
    responses: { 200: 'Riwayat', 401: 'Belum masuk', 403: 'Bukan penyusun atau pengesah' },
    handler: async ({ db, user, params }) => ({ body: await sopHistory(db, user!.regencyId, params.sopId!) }),
  }),
  route({
    method: 'get',
    path: '/api/designer/sops/{sopId}/diff',
    summary:
      'Perbedaan baris antara dua versi (v<N>) atau revisi (r<N>); bawaan: versi terbit terakhir → naskah terbaru',
    tag: TAG,
    access: 'user',
    policy: { action: 'definition.validate' },
    responses: {
      200: 'Perbedaan',
      400: 'Rujukan tidak sah',
      401: 'Belum masuk',
      403: 'Bukan penyusun atau pengesah',
      404: 'Tidak ada',
    },
    handler: async ({ db, user, params, query }) => ({
      body: await diffBetween(db, user!.regencyId, params.sopId!, query.from, query.to),
    }),
  }),
  route<{ revision: number; note?: string }>({
    method: 'post',
    path: '/api/designer/sops/{sopId}/submit',
    summary: 'Mengajukan revisi terbaru untuk disahkan (harus lolos pemeriksaan)',
    tag: TAG,
    access: 'user',
    policy: { action: 'definition.validate' },
    body: {
      type: 'object',
      required: ['revision'],
      additionalProperties: false,
      properties: { revision: revisionSchema, note: noteSchema },
    },
    responses: {
      200: 'Diajukan',
      400: 'Data tidak sah',
      401: 'Belum masuk',
      403: 'Bukan penyusun',
      409: 'Bukan revisi terbaru',
      422: 'Draf masih berisi kesalahan',
    },
    handler: async ({ db, user, params, body }) => {
      await submitForApproval(db, user!, params.sopId!, body.revision, body.note);
      return { body: { submitted: body.revision } };
    },
  }),
  route<{ revision: number; note: string }>({
    method: 'post',
    path: '/api/designer/sops/{sopId}/return',
    summary: 'Pengesah mengembalikan revisi yang diajukan kepada penyusun dengan catatan',
    tag: TAG,
    access: 'user',
    policy: { action: 'definition.publish' },
    body: {
      type: 'object',
      required: ['revision', 'note'],
      additionalProperties: false,
      properties: { revision: revisionSchema, note: { ...noteSchema, minLength: 1 } },
    },
    responses: {
      200: 'Dikembalikan',
      400: 'Data tidak sah',
      401: 'Belum masuk',
      403: 'Bukan pengesah',
      409: 'Belum diajukan atau bukan revisi terbaru',
    },
    handler: async ({ db, user, params, body }) => {
      await returnToDrafter(db, user!, params.sopId!, body.revision, body.note);
      return { body: { returned: body.revision } };
    },
  }),
  route({
    method: 'get',
    path: '/api/designer/waiting',
    summary: 'SOP yang menunggu pengesahan (daftar "menunggu saya" pengesah), dengan catatan pengaju',
    tag: TAG,
    access: 'user',
    policy: { action: 'definition.publish' },
    responses: { 200: 'Daftar tunggu', 401: 'Belum masuk', 403: 'Bukan pengesah' },
    handler: async ({ db, user }) => ({ body: { sops: await waitingForApprover(db, user!) } }),
  }),
  route({
    method: 'get',
    path: '/api/designer/sops/{sopId}/publish-form',
    summary: 'Isian awal penerbitan: Nomor SOP dan Tanggal Efektif dari naskah, penanda tangan dari akun pengesah',
    tag: TAG,
    access: 'user',
    policy: { action: 'definition.publish' },
    responses: { 200: 'Isian awal', 401: 'Belum masuk', 403: 'Bukan pengesah', 404: 'Tidak ada' },
    handler: async ({ db, user, params }) => {
      const copy = await loadWorkingCopy(db, user!.regencyId, params.sopId!);
      if (!copy) throw new AppError('NOT_FOUND', 'SOP tidak ditemukan.');
      const published = await getLatestVersion(db, user!.regencyId, params.sopId!);
      return { body: await publishForm(db, user!, copy.source, published?.source) };
    },
  }),
  route<{ revision: number } & PublishHeader>({
    method: 'post',
    path: '/api/designer/sops/{sopId}/publish',
    summary:
      'Pengesah menyetujui dan menerbitkan revisi yang diajukan sebagai versi baru (tidak dapat diubah), dengan Nomor SOP, Tanggal Efektif dan penanda tangan; ditolak bila pengesah ikut mengubahnya',
    tag: TAG,
    access: 'user',
    policy: { action: 'definition.publish' },
    body: {
      type: 'object',
      required: ['revision', 'number', 'effectiveDate', 'signer'],
      additionalProperties: false,
      properties: {
        revision: revisionSchema,
        number: { type: 'string', minLength: 1, maxLength: 200 },
        effectiveDate: { type: 'string', format: 'date' },
        signer: {
          type: 'object',
          required: ['name', 'title'],
          additionalProperties: false,
          properties: {
            name: { type: 'string', minLength: 1, maxLength: 200 },
            nip: { type: 'string', maxLength: 30 },
            title: { type: 'string', minLength: 1, maxLength: 200 },
          },
        },
      },
    },
    responses: {
      201: 'Versi baru terbit',
      200: 'Isi sama dengan versi terakhir',
      400: 'Data tidak sah',
      401: 'Belum masuk',
      403: 'Bukan pengesah, atau pengesah ikut mengubah naskahnya',
      409: 'Belum diajukan atau bukan revisi terbaru',
      422: 'Definisi tidak lolos pemeriksaan',
    },
    handler: async ({ db, user, params, body }) => {
      const { revision, ...header } = body;
      const published = await approveAndPublish(db, user!, params.sopId!, revision, header);
      return { status: published.created ? 201 : 200, body: published };
    },
  }),
  route<{ version: number; baseRevision: number }>({
    method: 'post',
    path: '/api/designer/sops/{sopId}/revert',
    summary: 'Membuat revisi draf baru dari versi terbit lama (versi itu sendiri tidak berubah)',
    tag: TAG,
    access: 'user',
    policy: { action: 'definition.validate' },
    body: {
      type: 'object',
      required: ['version', 'baseRevision'],
      additionalProperties: false,
      properties: { version: versionSchema, baseRevision: revisionSchema },
    },
    responses: {
      201: 'Revisi baru',
      400: 'Data tidak sah',
      401: 'Belum masuk',
      403: 'Bukan penyusun',
      404: 'Versi tidak ada',
      409: 'Revisi lain disimpan lebih dahulu',
    },
    handler: async ({ db, user, params, body }) =>
      savedOrConflict(await revertToVersion(db, user!, params.sopId!, body.version, body.baseRevision)),
  }),
  route({
    method: 'get',
    path: '/api/designer/sops/{sopId}/migration',
    summary: 'Uji coba pemindahan kasus berjalan ke versi baru: langkah tujuan dan data yang kurang per kasus',
    tag: TAG,
    access: 'user',
    policy: { action: 'definition.publish' },
    responses: { 200: 'Rencana pemindahan', 401: 'Belum masuk', 403: 'Bukan pengesah', 404: 'Versi tidak ada' },
    handler: async ({ db, user, params, query }) => ({
      body: await planMigration(
        db,
        user!.regencyId,
        params.sopId!,
        query.to !== undefined ? revisionParam(query.to) : undefined,
      ),
    }),
  }),
  route<{ toVersion: number; caseIds: string[]; note?: string }>({
    method: 'post',
    path: '/api/designer/sops/{sopId}/migration',
    summary:
      'Memindahkan kasus yang dikonfirmasi ke versi baru (semua atau tidak sama sekali; tercatat di linimasa kasus)',
    tag: TAG,
    access: 'user',
    policy: { action: 'definition.publish' },
    body: {
      type: 'object',
      required: ['toVersion', 'caseIds'],
      additionalProperties: false,
      properties: {
        toVersion: versionSchema,
        caseIds: { type: 'array', minItems: 1, maxItems: 500, items: { type: 'string', minLength: 1, maxLength: 80 } },
        note: noteSchema,
      },
    },
    responses: {
      200: 'Kasus dipindahkan',
      400: 'Data tidak sah',
      401: 'Belum masuk',
      403: 'Bukan pengesah',
      404: 'Kasus atau versi tidak ada',
      409: 'Kasus berubah atau sudah di versi itu',
      422: 'Langkah kasus tidak ada di versi baru',
    },
    handler: async ({ db, user, params, body }) => ({
      body: { moved: await confirmMigration(db, user!, params.sopId!, body.toVersion, body.caseIds, body.note) },
    }),
  }),
  route<{ source: string; caseData: Record<string, unknown>; scenario?: Scenario; start?: string }>({
    method: 'post',
    path: '/api/designer/simulate',
    summary:
      'Simulasi draf dengan data kasus contoh: cabang tiap aturan beserta alasannya dan batas waktu pada kalender kabupaten',
    tag: TAG,
    access: 'user',
    policy: { action: 'definition.validate' },
    body: {
      type: 'object',
      required: ['source', 'caseData'],
      additionalProperties: false,
      properties: {
        source: sourceSchema,
        caseData: { type: 'object' },
        scenario: {
          type: 'object',
          required: ['name', 'visits', 'ending'],
          properties: {
            name: { type: 'string' },
            ending: { type: 'string' },
            visits: {
              type: 'array',
              maxItems: 500,
              items: {
                type: 'object',
                required: ['stepId'],
                properties: { stepId: { type: 'string' }, branch: { type: 'string' } },
              },
            },
          },
        },
        start: { type: 'string', format: 'date-time' },
      },
    },
    responses: {
      200: 'Hasil simulasi',
      400: 'Data tidak sah',
      401: 'Belum masuk',
      403: 'Bukan penyusun atau pengesah',
      422: 'Draf masih berisi kesalahan',
    },
    handler: async ({ db, user, body }) => ({ body: await simulateSource(db, user!.regencyId, body.source, body) }),
  }),
  route<PackFile[]>({
    method: 'post',
    path: '/api/designer/import/check',
    summary: 'Memeriksa paket kabupaten (zip berisi berkas YAML) tanpa menyimpan apa pun',
    tag: TAG,
    access: 'user',
    policy: { action: 'definition.validate' },
    rawBody: { maxBytes: MAX_PACK_BYTES, prepare: unpackBody },
    responses: {
      200: 'Laporan pemeriksaan',
      400: 'Bukan zip',
      401: 'Belum masuk',
      403: 'Bukan penyusun',
      413: 'Terlalu besar (ukuran setelah dibuka, jumlah entri, waktu)',
      422: 'Arsip bertumpuk terlalu dalam',
      429: 'Paket lain sedang dibuka',
    },
    handler: async ({ db, user, access, body }) => ({
      body: await previewImport(db, user!, body, withSettings(access)),
    }),
  }),
  route<PackFile[]>({
    method: 'post',
    path: '/api/designer/import',
    summary:
      'Mengimpor paket sebagai revisi draf, semua atau tidak sama sekali (query bases=sop:revisi,… dari laporan; keepInvalid=1 menyimpan juga berkas yang masih salah sebagai draf)',
    tag: TAG,
    access: 'user',
    policy: { action: 'definition.validate' },
    rawBody: { maxBytes: MAX_PACK_BYTES, prepare: unpackBody },
    responses: {
      201: 'Tersimpan',
      400: 'Bukan zip',
      401: 'Belum masuk',
      403: 'Bukan penyusun',
      409: 'SOP berubah sejak laporan',
      413: 'Terlalu besar (ukuran setelah dibuka, jumlah entri, waktu)',
      422: 'Paket berisi kesalahan atau arsip bertumpuk terlalu dalam; tidak ada yang disimpan',
      429: 'Paket lain sedang dibuka',
    },
    handler: async ({ db, user, access, body, query }) => {
      const result = await importPack(db, user!, body, basesParam(query.bases), {
        ...withSettings(access),
        keepInvalid: query.keepInvalid === '1',
      });
      if (result.saved.length === 0)
        return {
          status: 422,
          body: {
            error: {
              code: 'UNPROCESSABLE',
              reason: 'PACK_INVALID',
              message: 'Paket berisi kesalahan; tidak ada yang disimpan.',
            },
            report: result.report,
          },
        };
      return { status: 201, body: result };
    },
  }),
  route({
    method: 'get',
    path: '/api/designer/export',
    summary: 'Mengunduh paket kabupaten (regency.yaml dan SOP) sebagai zip',
    tag: TAG,
    access: 'user',
    policy: { action: 'definition.validate' },
    responses: { 200: 'Arsip zip', 401: 'Belum masuk', 403: 'Bukan penyusun atau pengesah' },
    handler: async ({ db, user }) => {
      const pack = await exportPack(db, user!.regencyId);
      return {
        file: { content: pack.zip, mediaType: 'application/zip', fileName: pack.fileName, disposition: 'attachment' },
      };
    },
  }),
];
