import { AppError } from '../../app/appErrors.ts';
import { checkRegencyText } from '../../app/regencySettings/applyRegencySettings.ts';
import { createRegency, type NewRegencyInput } from '../../app/regencySettings/newRegency.ts';
import { regencyDiff, regencyHistory } from '../../app/regencySettings/regencyHistory.ts';
import {
  approveRegencySettings,
  returnRegencySettings,
  saveRegencyRevision,
  submitRegencySettings,
} from '../../app/regencySettings/regencyLifecycle.ts';
import { regencyWorkingCopy } from '../../app/regencySettings/regencyWorkingCopy.ts';
import { allKabupaten } from '../../regions/kabupatenList.ts';
import { route, type RouteSpec } from '../routeSpec.ts';
import { noteSchema, revisionSchema, savedOrConflict, sourceSchema } from './draftRouteParts.ts';

const TAG = 'pengaturan-kabupaten';
const BASE = '/api/designer/regency';
const text = (max: number): Record<string, unknown> => ({ type: 'string', maxLength: max });
const READ_ERRORS = { 401: 'Belum masuk', 403: 'Bukan admin atau pengesah' };

const revisionBody = (withNote: boolean, noteRequired = false): Record<string, unknown> => ({
  type: 'object',
  required: noteRequired ? ['revision', 'note'] : ['revision'],
  additionalProperties: false,
  properties: withNote ? { revision: revisionSchema, note: noteSchema } : { revision: revisionSchema },
});

/**
 * Regency settings (regency.yaml: office and letterhead, units, roles, calendar, documents, fragments,
 * letter templates) edited in the designer like an SOP, and the new-regency wizard of platform admins.
 */
export const regencySettingsRoutes: RouteSpec[] = [
  route({
    method: 'get',
    path: BASE,
    summary: 'Naskah regency.yaml terbaru untuk disunting, dengan status dan riwayat pengesahan',
    tag: TAG,
    access: 'user',
    policy: { action: 'regency.settings.read' },
    responses: { 200: 'Naskah kerja', ...READ_ERRORS },
    handler: async ({ db, user }) => ({ body: await regencyWorkingCopy(db, user!.regencyId) }),
  }),
  route<{ source: string }>({
    method: 'post',
    path: `${BASE}/validate`,
    summary: 'Memeriksa naskah regency.yaml (kesalahan dengan baris dan kolom), tanpa menyimpan',
    tag: TAG,
    access: 'user',
    policy: { action: 'regency.settings.read' },
    body: { type: 'object', required: ['source'], additionalProperties: false, properties: { source: sourceSchema } },
    responses: { 200: 'Hasil pemeriksaan', 400: 'Data tidak sah', ...READ_ERRORS },
    handler: ({ user, body }) => {
      const load = checkRegencyText(body.source, user!.regencyId);
      return Promise.resolve({ body: { valid: load.regency !== undefined, errors: load.errors } });
    },
  }),
  route<{ source: string; baseRevision: number; note?: string }>({
    method: 'post',
    path: `${BASE}/drafts`,
    summary: 'Menyimpan revisi draf pengaturan kabupaten; 409 bila orang lain menyimpan setelah revisi dasar',
    tag: TAG,
    access: 'user',
    policy: { action: 'regency.settings.edit' },
    body: {
      type: 'object',
      required: ['source', 'baseRevision'],
      additionalProperties: false,
      properties: { source: sourceSchema, baseRevision: revisionSchema, note: noteSchema },
    },
    responses: { 201: 'Revisi baru', 400: 'Data tidak sah', 409: 'Revisi lain disimpan lebih dahulu', ...READ_ERRORS },
    handler: async ({ db, user, body }) =>
      savedOrConflict(
        await saveRegencyRevision(db, user!, {
          source: body.source,
          baseRevision: body.baseRevision,
          ...(body.note !== undefined ? { note: body.note } : {}),
        }),
      ),
  }),
  route({
    method: 'get',
    path: `${BASE}/history`,
    summary: 'Versi yang disahkan, revisi draf dan langkah pengesahan pengaturan kabupaten',
    tag: TAG,
    access: 'user',
    policy: { action: 'regency.settings.read' },
    responses: { 200: 'Riwayat', ...READ_ERRORS },
    handler: async ({ db, user }) => ({ body: await regencyHistory(db, user!.regencyId) }),
  }),
  route({
    method: 'get',
    path: `${BASE}/diff`,
    summary: 'Perbedaan baris antara berlaku, versi (v<N>) atau revisi (r<N>); bawaan: berlaku → draf terbaru',
    tag: TAG,
    access: 'user',
    policy: { action: 'regency.settings.read' },
    responses: { 200: 'Perbedaan', 400: 'Rujukan tidak sah', 404: 'Tidak ada', ...READ_ERRORS },
    handler: async ({ db, user, query }) => ({ body: await regencyDiff(db, user!.regencyId, query.from, query.to) }),
  }),
  route<{ revision: number; note?: string }>({
    method: 'post',
    path: `${BASE}/submit`,
    summary: 'Mengajukan revisi terbaru pengaturan kabupaten untuk disahkan (harus lolos pemeriksaan)',
    tag: TAG,
    access: 'user',
    policy: { action: 'regency.settings.edit' },
    body: revisionBody(true),
    responses: {
      200: 'Diajukan',
      400: 'Data tidak sah',
      404: 'Belum ada draf',
      409: 'Bukan revisi terbaru',
      422: 'Masih ada kesalahan',
      ...READ_ERRORS,
    },
    handler: async ({ db, user, body }) => {
      await submitRegencySettings(db, user!, body.revision, body.note);
      return { body: { ok: true } };
    },
  }),
  route<{ revision: number; note: string }>({
    method: 'post',
    path: `${BASE}/return`,
    summary: 'Mengembalikan revisi yang diajukan kepada admin dengan catatan',
    tag: TAG,
    access: 'user',
    policy: { action: 'regency.settings.approve' },
    body: revisionBody(true, true),
    responses: { 200: 'Dikembalikan', 400: 'Data tidak sah', 409: 'Belum diajukan', ...READ_ERRORS },
    handler: async ({ db, user, body }) => {
      await returnRegencySettings(db, user!, body.revision, body.note);
      return { body: { ok: true } };
    },
  }),
  route<{ revision: number }>({
    method: 'post',
    path: `${BASE}/publish`,
    summary:
      'Mengesahkan revisi yang diajukan: langsung berlaku tanpa mulai ulang; SOP terbit yang berubah menjadi versi baru',
    tag: TAG,
    access: 'user',
    policy: { action: 'regency.settings.approve' },
    body: revisionBody(false),
    responses: {
      200: 'Berlaku',
      400: 'Data tidak sah',
      409: 'Belum diajukan atau bukan revisi terbaru',
      422: 'Pengaturan atau SOP terbit yang terdampak berisi kesalahan',
      ...READ_ERRORS,
    },
    handler: async ({ db, user, body }) => ({ body: await approveRegencySettings(db, user!, body.revision) }),
  }),
  route({
    method: 'get',
    path: '/api/admin/regencies/codes',
    summary: 'Daftar kabupaten/kota Kemendagri (kode wilayah, nama, provinsi) untuk panduan kabupaten baru',
    tag: TAG,
    access: 'user',
    policy: { action: 'regency.create' },
    responses: { 200: 'Daftar kode', 401: 'Belum masuk', 403: 'Bukan admin' },
    handler: () => Promise.resolve({ body: { regencies: allKabupaten() } }),
  }),
  route<NewRegencyInput>({
    method: 'post',
    path: '/api/admin/regencies',
    summary: 'Panduan kabupaten baru (admin platform): nama, kode wilayah, zona waktu, kop surat, admin pertama',
    tag: TAG,
    access: 'user',
    policy: { action: 'regency.create' },
    body: {
      type: 'object',
      required: ['id', 'name', 'regionCode', 'timezone', 'office', 'admin'],
      additionalProperties: false,
      properties: {
        id: text(80),
        name: { type: 'string', minLength: 1, maxLength: 200 },
        regionCode: text(10),
        timezone: { enum: ['WIB', 'WITA', 'WIT'] },
        office: {
          type: 'object',
          required: ['name'],
          additionalProperties: false,
          properties: {
            name: { type: 'string', minLength: 1, maxLength: 300 },
            parent: text(300),
            address: text(500),
            postalCode: text(10),
            phone: text(40),
            email: text(200),
            website: text(200),
            head: {
              type: 'object',
              required: ['name', 'title'],
              additionalProperties: false,
              properties: {
                name: { type: 'string', minLength: 1, maxLength: 200 },
                title: { type: 'string', minLength: 1, maxLength: 300 },
                nip: text(40),
                rank: text(100),
              },
            },
          },
        },
        admin: {
          type: 'object',
          required: ['username', 'name', 'credential'],
          additionalProperties: false,
          properties: {
            username: { type: 'string', minLength: 1, maxLength: 64 },
            name: { type: 'string', minLength: 1, maxLength: 200 },
            credential: { enum: ['activation', 'temporary'] },
            email: text(200),
          },
        },
      },
    },
    responses: {
      201: 'Kabupaten dibuat; tautan aktivasi atau kata sandi sementara admin pertama ditampilkan sekali',
      400: 'Data tidak sah',
      401: 'Belum masuk',
      403: 'Bukan admin platform',
      409: 'Sudah terdaftar',
    },
    handler: async ({ db, user, account, body }) => {
      if (account?.platformAdmin !== true)
        throw new AppError('FORBIDDEN', 'Hanya admin platform yang dapat membuat kabupaten baru.');
      const created = await createRegency(db, body, { id: user!.id, name: user!.name });
      return { status: 201, body: created };
    },
  }),
];
