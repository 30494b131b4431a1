import { AppError } from '../../app/appErrors.ts';
import { checkRegencyText } from '../../app/regencySettings/applyRegencySettings.ts';
import { createRegency } from '../../app/regencySettings/newRegency.ts';
import { regencyDiff, regencyHistory } from '../../app/regencySettings/regencyHistory.ts';
import {
  approveRegencySettings,
  returnRegencySettings,
  saveRegencyRevision,
  submitRegencySettings,
} from '../../app/regencySettings/regencyLifecycle.ts';
import { regencyWorkingCopy } from '../../app/regencySettings/regencyWorkingCopy.ts';
import { regencySettingsContracts as c } from '../../contracts/regencySettingsContracts.ts';
import { allKabupaten } from '../../regions/kabupatenList.ts';
import { implement, type RouteSpec } from '../routeSpec.ts';
import { savedOrConflict } from './draftRouteParts.ts';

const TAG = 'pengaturan-kabupaten';
const READ_ERRORS = { 401: 'Belum masuk', 403: 'Bukan admin atau pengesah' };

/**
 * Regency settings (regency.yaml: office and letterhead, units, roles, calendar, documents, fragments,
 * letter templates) edited in the designer like an SOP, and the new-regency wizard of platform admins.
 */
export const regencySettingsRoutes: RouteSpec[] = [
  implement(c.workingCopy, {
    summary: 'Naskah regency.yaml terbaru untuk disunting, dengan status dan riwayat pengesahan',
    tag: TAG,
    access: 'user',
    policy: { action: 'regency.settings.read' },
    responses: { 200: 'Naskah kerja', ...READ_ERRORS },
    handler: async ({ db, user }) => ({ body: await regencyWorkingCopy(db, user.regencyId) }),
  }),
  implement(c.validate, {
    summary: 'Memeriksa naskah regency.yaml (kesalahan dengan baris dan kolom), tanpa menyimpan',
    tag: TAG,
    access: 'user',
    policy: { action: 'regency.settings.read' },
    responses: { 200: 'Hasil pemeriksaan', 400: 'Data tidak sah', ...READ_ERRORS },
    handler: ({ user, body }) => {
      const load = checkRegencyText(body.source, user.regencyId);
      return Promise.resolve({ body: { valid: load.regency !== undefined, errors: load.errors } });
    },
  }),
  implement(c.saveDraft, {
    summary: 'Menyimpan revisi draf pengaturan kabupaten; 409 bila orang lain menyimpan setelah revisi dasar',
    tag: TAG,
    access: 'user',
    policy: { action: 'regency.settings.edit' },
    responses: { 201: 'Revisi baru', 400: 'Data tidak sah', 409: 'Revisi lain disimpan lebih dahulu', ...READ_ERRORS },
    handler: async ({ db, user, body }) =>
      savedOrConflict(
        await saveRegencyRevision(db, user, {
          source: body.source,
          baseRevision: body.baseRevision,
          ...(body.note !== undefined ? { note: body.note } : {}),
        }),
      ),
  }),
  implement(c.history, {
    summary: 'Versi yang disahkan, revisi draf dan langkah pengesahan pengaturan kabupaten',
    tag: TAG,
    access: 'user',
    policy: { action: 'regency.settings.read' },
    responses: { 200: 'Riwayat', ...READ_ERRORS },
    handler: async ({ db, user }) => ({ body: await regencyHistory(db, user.regencyId) }),
  }),
  implement(c.diff, {
    summary: 'Perbedaan baris antara berlaku, versi (v<N>) atau revisi (r<N>); bawaan: berlaku → draf terbaru',
    tag: TAG,
    access: 'user',
    policy: { action: 'regency.settings.read' },
    responses: { 200: 'Perbedaan', 400: 'Rujukan tidak sah', 404: 'Tidak ada', ...READ_ERRORS },
    handler: async ({ db, user, query }) => ({ body: await regencyDiff(db, user.regencyId, query.from, query.to) }),
  }),
  implement(c.submit, {
    summary: 'Mengajukan revisi terbaru pengaturan kabupaten untuk disahkan (harus lolos pemeriksaan)',
    tag: TAG,
    access: 'user',
    policy: { action: 'regency.settings.edit' },
    responses: {
      200: 'Diajukan',
      400: 'Data tidak sah',
      404: 'Belum ada draf',
      409: 'Bukan revisi terbaru',
      422: 'Masih ada kesalahan',
      ...READ_ERRORS,
    },
    handler: async ({ db, user, body }) => {
      await submitRegencySettings(db, user, body.revision, body.note);
      return { body: { ok: true } };
    },
  }),
  implement(c.return, {
    summary: 'Mengembalikan revisi yang diajukan kepada admin dengan catatan',
    tag: TAG,
    access: 'user',
    policy: { action: 'regency.settings.approve' },
    responses: { 200: 'Dikembalikan', 400: 'Data tidak sah', 409: 'Belum diajukan', ...READ_ERRORS },
    handler: async ({ db, user, body }) => {
      await returnRegencySettings(db, user, body.revision, body.note);
      return { body: { ok: true } };
    },
  }),
  implement(c.publish, {
    summary:
      'Mengesahkan revisi yang diajukan: langsung berlaku tanpa mulai ulang; SOP terbit yang berubah menjadi versi baru',
    tag: TAG,
    access: 'user',
    policy: { action: 'regency.settings.approve' },
    responses: {
      200: 'Berlaku',
      400: 'Data tidak sah',
      409: 'Belum diajukan atau bukan revisi terbaru',
      422: 'Pengaturan atau SOP terbit yang terdampak berisi kesalahan',
      ...READ_ERRORS,
    },
    handler: async ({ db, user, body }) => ({ body: await approveRegencySettings(db, user, body.revision) }),
  }),
  implement(c.codes, {
    summary: 'Daftar kabupaten/kota Kemendagri (kode wilayah, nama, provinsi) untuk panduan kabupaten baru',
    tag: TAG,
    access: 'user',
    policy: { action: 'regency.create' },
    responses: { 200: 'Daftar kode', 401: 'Belum masuk', 403: 'Bukan admin' },
    handler: () => Promise.resolve({ body: { regencies: [...allKabupaten()] } }),
  }),
  implement(c.create, {
    summary: 'Panduan kabupaten baru (admin platform): nama, kode wilayah, zona waktu, kop surat, admin pertama',
    tag: TAG,
    access: 'user',
    policy: { action: 'regency.create' },
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
      const created = await createRegency(db, body, { id: user.id, name: user.name });
      return { status: 201, body: created };
    },
  }),
];
