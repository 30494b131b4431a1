import {
  decideArchive,
  listArchiveRequests,
  recordHandOver,
  recordReturn,
  requestArchive,
} from '../../app/archive/archiveRegister.ts';
import { AppError } from '../../app/appErrors.ts';
import { archiveContracts as c } from '../../contracts/archiveContracts.ts';
import { implement, type RouteSpec } from '../routeSpec.ts';

const decisionResponses = {
  200: 'Tercatat',
  400: 'Data tidak sah',
  401: 'Belum masuk',
  403: 'Bukan pejabat berwenang, atau permintaan sendiri',
  404: 'Tidak ada',
  409: 'Status permintaan tidak sesuai',
};

/** The archive control register (Bengkayang Lampiran II.D.3): borrowing, copying and sending case files. */
export const archiveRoutes: RouteSpec[] = [
  implement(c.request, {
    idempotent: true,
    summary:
      'Mengajukan peminjaman, penggandaan atau pengiriman berkas kasus, dengan alasan (dan tanggal kembali untuk peminjaman)',
    tag: 'arsip',
    access: 'user',
    policy: { action: 'archive.request' },
    responses: {
      201: 'Diajukan',
      400: 'Alasan, penerima atau tanggal kembali tidak sah',
      401: 'Belum masuk',
      403: 'Tidak berwenang',
      404: 'Kasus tidak ada',
    },
    handler: async ({ db, user, params, body }) => ({
      status: 201,
      body: { request: await requestArchive(db, user, params.caseId, body) },
    }),
  }),
  implement(c.ofCase, {
    summary: 'Riwayat peminjaman, penggandaan dan pengiriman berkas satu kasus',
    tag: 'arsip',
    access: 'user',
    policy: { action: 'archive.read', log: 'view' },
    responses: { 200: 'Daftar', 401: 'Belum masuk', 403: 'Di luar lingkup', 404: 'Kasus tidak ada' },
    handler: async ({ db, access, params }) => ({
      body: { requests: await listArchiveRequests(db, access, { caseId: params.caseId }) },
    }),
  }),
  implement(c.register, {
    summary:
      'Register pengendalian arsip; `overdue=true` untuk berkas pinjaman yang terlambat kembali, `status` untuk menyaring',
    tag: 'arsip',
    access: 'user',
    policy: { action: 'archive.read', log: 'search' },
    responses: { 200: 'Register', 400: 'Status tidak dikenal', 401: 'Belum masuk', 403: 'Tidak berwenang' },
    handler: async ({ db, access, query }) => {
      if (
        query.status &&
        !['requested', 'approved', 'refused', 'handed_over', 'completed', 'returned'].includes(query.status)
      )
        throw new AppError('VALIDATION_FAILED', 'Status tidak dikenal.', '/status');
      const requests = await listArchiveRequests(db, access, {
        ...(query.status ? { status: query.status } : {}),
        overdueOnly: query.overdue === 'true',
      });
      return { body: { requests }, accessDetail: { list: 'archive-requests', items: requests.length } };
    },
  }),
  implement(c.approve, {
    summary:
      'Menyetujui permintaan (Kepala Dinas, Sekretaris, Kepala Bidang unit layanan, atau peran archiveControl.approvers)',
    tag: 'arsip',
    access: 'user',
    policy: { action: 'archive.decide' },
    responses: decisionResponses,
    handler: async ({ db, user, params, body }) => ({
      body: { request: await decideArchive(db, user, params.requestId, 'approve', body.note) },
    }),
  }),
  implement(c.refuse, {
    summary: 'Menolak permintaan dengan alasan',
    tag: 'arsip',
    access: 'user',
    policy: { action: 'archive.decide' },
    responses: decisionResponses,
    handler: async ({ db, user, params, body }) => ({
      body: { request: await decideArchive(db, user, params.requestId, 'refuse', body.note) },
    }),
  }),
  implement(c.handOver, {
    summary: 'Mencatat penyerahan berkas (atau salinannya) kepada penerima',
    tag: 'arsip',
    access: 'user',
    policy: { action: 'archive.record' },
    responses: decisionResponses,
    handler: async ({ db, user, params }) => ({
      body: { request: await recordHandOver(db, user, params.requestId) },
    }),
  }),
  implement(c.return, {
    summary: 'Mencatat pengembalian berkas pinjaman',
    tag: 'arsip',
    access: 'user',
    policy: { action: 'archive.record' },
    responses: decisionResponses,
    handler: async ({ db, user, params, body }) => ({
      body: { request: await recordReturn(db, user, params.requestId, body.note) },
    }),
  }),
];
