import { AppError } from '../../app/appErrors.ts';
import { waitingForApprover } from '../../app/designer/fourEyes.ts';
import {
  approveAndPublish,
  returnToDrafter,
  revertToVersion,
  submitForApproval,
} from '../../app/designer/lifecycle.ts';
import { publishForm } from '../../app/designer/publishForm.ts';
import { loadWorkingCopy } from '../../app/designer/workingCopy.ts';
import { designerReviewContracts as c } from '../../contracts/designerContracts.ts';
import { getLatestVersion } from '../../storage/definitionRepository.ts';
import { implement, type RouteSpec } from '../routeSpec.ts';
import { savedOrConflict } from './draftRouteParts.ts';

const TAG = 'perancang';
const DRAFTER = { tag: TAG, access: 'user', policy: { action: 'definition.validate' } } as const;
const APPROVER = { tag: TAG, access: 'user', policy: { action: 'definition.publish' } } as const;

/** Review and publication of SOP drafts: submit, return, the approver's list, publish (four eyes), revert. */
export const designerReviewRoutes: RouteSpec[] = [
  implement(c.submit, {
    ...DRAFTER,
    summary: 'Mengajukan revisi terbaru untuk disahkan (harus lolos pemeriksaan)',
    responses: {
      200: 'Diajukan',
      400: 'Data tidak sah',
      401: 'Belum masuk',
      403: 'Bukan penyusun',
      409: 'Bukan revisi terbaru',
      422: 'Draf masih berisi kesalahan',
    },
    handler: async ({ db, user, params, body }) => {
      await submitForApproval(db, user, params.sopId, body.revision, body.note);
      return { body: { submitted: body.revision } };
    },
  }),
  implement(c.return, {
    ...APPROVER,
    summary: 'Pengesah mengembalikan revisi yang diajukan kepada penyusun dengan catatan',
    responses: {
      200: 'Dikembalikan',
      400: 'Data tidak sah',
      401: 'Belum masuk',
      403: 'Bukan pengesah',
      409: 'Belum diajukan atau bukan revisi terbaru',
    },
    handler: async ({ db, user, params, body }) => {
      await returnToDrafter(db, user, params.sopId, body.revision, body.note);
      return { body: { returned: body.revision } };
    },
  }),
  implement(c.waiting, {
    ...APPROVER,
    summary: 'SOP yang menunggu pengesahan (daftar "menunggu saya" pengesah), dengan catatan pengaju',
    responses: { 200: 'Daftar tunggu', 401: 'Belum masuk', 403: 'Bukan pengesah' },
    handler: async ({ db, user }) => ({ body: { sops: await waitingForApprover(db, user) } }),
  }),
  implement(c.publishForm, {
    ...APPROVER,
    summary: 'Isian awal penerbitan: Nomor SOP dan Tanggal Efektif dari naskah, penanda tangan dari akun pengesah',
    responses: { 200: 'Isian awal', 401: 'Belum masuk', 403: 'Bukan pengesah', 404: 'Tidak ada' },
    handler: async ({ db, user, params }) => {
      const copy = await loadWorkingCopy(db, user.regencyId, params.sopId);
      if (!copy) throw new AppError('NOT_FOUND', 'SOP tidak ditemukan.');
      const published = await getLatestVersion(db, user.regencyId, params.sopId);
      return { body: await publishForm(db, user, copy.source, published?.source) };
    },
  }),
  implement(c.publish, {
    ...APPROVER,
    summary:
      'Pengesah menyetujui dan menerbitkan revisi yang diajukan sebagai versi baru (tidak dapat diubah), dengan Nomor SOP, Tanggal Efektif dan penanda tangan; ditolak bila pengesah ikut mengubahnya',
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
      const published = await approveAndPublish(db, user, params.sopId, revision, header);
      return { status: published.created ? 201 : 200, body: published };
    },
  }),
  implement(c.revert, {
    ...DRAFTER,
    summary: 'Membuat revisi draf baru dari versi terbit lama (versi itu sendiri tidak berubah)',
    responses: {
      201: 'Revisi baru',
      400: 'Data tidak sah',
      401: 'Belum masuk',
      403: 'Bukan penyusun',
      404: 'Versi tidak ada',
      409: 'Revisi lain disimpan lebih dahulu',
    },
    handler: async ({ db, user, params, body }) =>
      savedOrConflict(await revertToVersion(db, user, params.sopId, body.version, body.baseRevision)),
  }),
];
