import { AppError } from '../../app/appErrors.ts';
import { listDesignerSops } from '../../app/designer/designerList.ts';
import { saveRevision } from '../../app/designer/draftService.ts';
import { diffBetween, sopHistory } from '../../app/designer/history.ts';
import { createSop, sopLibrary } from '../../app/designer/newSop.ts';
import { loadWorkingCopy } from '../../app/designer/workingCopy.ts';
import { designerSopContracts as c } from '../../contracts/designerContracts.ts';
import { implement, type RouteSpec } from '../routeSpec.ts';
import { savedOrConflict } from './draftRouteParts.ts';

const TAG = 'perancang';
const READ = { 401: 'Belum masuk', 403: 'Bukan penyusun atau pengesah' };
const DRAFTER = { tag: TAG, access: 'user', policy: { action: 'definition.validate' } } as const;

/** The SOP designer's own SOPs: list, library to copy from, create, open, save drafts, history and diff. */
export const designerSopRoutes: RouteSpec[] = [
  implement(c.list, {
    ...DRAFTER,
    summary: 'SOP kabupaten untuk perancang: status, versi, tanggal berlaku, revisi terakhir dan pengubahnya',
    responses: { 200: 'Daftar SOP', ...READ },
    handler: async ({ db, user }) => ({ body: { sops: await listDesignerSops(db, user.regencyId) } }),
  }),
  implement(c.library, {
    ...DRAFTER,
    summary: 'SOP terbit semua kabupaten yang dapat disalin',
    responses: { 200: 'Pustaka SOP', ...READ },
    handler: async ({ db }) => ({ body: { regencies: await sopLibrary(db) } }),
  }),
  implement(c.create, {
    ...DRAFTER,
    summary: 'SOP baru dari templat atau salinan SOP kabupaten lain (revisi draf 1)',
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
      body: { revision: await createSop(db, user, body.sopId, body.name, body.from) },
    }),
  }),
  implement(c.workingCopy, {
    ...DRAFTER,
    summary: 'Naskah terbaru sebuah SOP untuk disunting, dengan status dan riwayat pengesahan',
    responses: { 200: 'Naskah kerja', ...READ, 404: 'Tidak ada' },
    handler: async ({ db, user, params }) => {
      const copy = await loadWorkingCopy(db, user.regencyId, params.sopId);
      if (!copy) throw new AppError('NOT_FOUND', 'SOP tidak ditemukan.');
      return { body: copy };
    },
  }),
  implement(c.saveDraft, {
    ...DRAFTER,
    summary: 'Menyimpan revisi draf (setiap simpanan disimpan); 409 bila orang lain menyimpan setelah revisi dasar',
    responses: {
      201: 'Revisi baru',
      400: 'Data tidak sah',
      401: 'Belum masuk',
      403: 'Bukan penyusun',
      409: 'Revisi lain disimpan lebih dahulu (kedua revisi disertakan)',
    },
    handler: async ({ db, user, params, body }) =>
      savedOrConflict(
        await saveRevision(db, user, {
          sopId: params.sopId,
          source: body.source,
          baseRevision: body.baseRevision,
          ...(body.note !== undefined ? { note: body.note } : {}),
        }),
      ),
  }),
  implement(c.history, {
    ...DRAFTER,
    summary: 'Versi terbit, revisi draf dan langkah pengesahan sebuah SOP',
    responses: { 200: 'Riwayat', ...READ },
    handler: async ({ db, user, params }) => ({ body: await sopHistory(db, user.regencyId, params.sopId) }),
  }),
  implement(c.diff, {
    ...DRAFTER,
    summary:
      'Perbedaan baris antara dua versi (v<N>) atau revisi (r<N>); bawaan: versi terbit terakhir → naskah terbaru',
    responses: { 200: 'Perbedaan', 400: 'Rujukan tidak sah', ...READ, 404: 'Tidak ada' },
    handler: async ({ db, user, params, query }) => ({
      body: await diffBetween(db, user.regencyId, params.sopId, query.from, query.to),
    }),
  }),
];
