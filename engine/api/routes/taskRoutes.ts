import { AppError } from '../../app/appErrors.ts';
import { inbox } from '../../app/caseQueries.ts';
import { runTaskCommand } from '../../app/caseService.ts';
import { taskContracts as c } from '../../contracts/taskContracts.ts';
import { activeStaffMember } from '../../storage/staffDirectory.ts';
import { implement, implementDirect, type RouteSpec } from '../routeSpec.ts';
import { caseProgress } from './caseProgress.ts';
import { inboxQuery } from './inboxQuery.ts';

/** The inbox and the commands on tasks. */
export const taskRoutes: RouteSpec[] = [
  implement(c.inbox, {
    summary:
      'Tugas terbuka untuk peran saya (termasuk pelimpahan), yang paling mendesak dahulu; halaman dengan kursor `after`. Saringan: sopId, overdue=true, assigned=true (hanya yang ditugaskan kepada saya), dueBy=TTTT-BB-HH (batas waktu paling lambat tanggal itu), q= (kode lacak, akhir NIK 4–16 angka, atau nama pemohon)',
    tag: 'tugas',
    access: 'user',
    // The inbox lists applicants' names: each page shown is an access to personal data.
    policy: { action: 'task.inbox', log: 'search' },
    responses: { 200: 'Tugas', 401: 'Belum masuk' },
    handler: async ({ db, access, query }) => {
      const page = await inbox(db, access, inboxQuery(query));
      return { body: page, accessDetail: { list: 'inbox', items: page.items.length } };
    },
  }),
  implementDirect(c.complete, {
    summary: 'Menyelesaikan tugas: isian formulir, daftar kelengkapan, lampiran, keputusan',
    tag: 'tugas',
    access: 'user',
    // The reply says where the case stands, without personal data: nothing to record as a read.
    policy: { action: 'task.act' },
    responses: {
      200: 'Kasus sesudah langkah',
      400: 'Isian tidak sah (per isian)',
      401: 'Belum masuk',
      403: 'Bukan tugas Anda',
      404: 'Tidak ada',
      409: 'Sudah diselesaikan orang lain',
      422: 'Kelengkapan kurang atau keputusan belum dipilih',
    },
    handler: async ({ sql, user, access, params, body }) => {
      const command = { type: 'complete' as const, taskId: params.taskId, ...body };
      // The session already brought the user's delegations: acting on behalf of someone needs no second query.
      return caseProgress(await runTaskCommand(sql, user, params.taskId, command, new Date(), access.delegations));
    },
  }),
  implementDirect(c.sendBack, {
    summary: 'Mengembalikan berkas untuk dilengkapi; jam layanan berhenti',
    tag: 'tugas',
    access: 'user',
    // The reply says where the case stands, without personal data: nothing to record as a read.
    policy: { action: 'task.act' },
    responses: {
      200: 'Kasus menunggu kelengkapan',
      400: 'Alasan wajib',
      401: 'Belum masuk',
      403: 'Bukan tugas Anda',
      404: 'Tidak ada',
      409: 'Sudah berubah',
      422: 'Langkah ini tidak dapat mengembalikan berkas',
    },
    handler: async ({ sql, user, access, params, body }) =>
      caseProgress(
        await runTaskCommand(
          sql,
          user,
          params.taskId,
          {
            type: 'sendBack',
            taskId: params.taskId,
            reason: body.reason,
            ...(body.missing ? { missing: body.missing } : {}),
          },
          new Date(),
          access.delegations,
        ),
      ),
  }),
  implement(c.reassign, {
    summary: 'Menugaskan tugas kepada pegawai tertentu di kabupaten yang sama',
    tag: 'tugas',
    access: 'user',
    // The reply says where the case stands, without personal data: nothing to record as a read.
    policy: { action: 'task.act' },
    responses: {
      200: 'Ditugaskan',
      400: 'Data tidak sah',
      401: 'Belum masuk',
      403: 'Bukan tugas Anda',
      404: 'Tidak ada',
      409: 'Sudah berubah',
    },
    handler: async ({ db, sql, user, params, body }) => {
      const target = await activeStaffMember(db, user.regencyId, body.toUserId);
      if (!target) throw new AppError('NOT_FOUND', 'Pegawai tujuan tidak ditemukan di kabupaten ini.', '/toUserId');
      return caseProgress(
        await runTaskCommand(sql, user, params.taskId, {
          type: 'reassign',
          taskId: params.taskId,
          toUserId: target.id,
          toName: target.name,
          ...(body.reason ? { reason: body.reason } : {}),
        }),
      );
    },
  }),
  implementDirect(c.claim, {
    summary: 'Mengambil tugas peran saya untuk dikerjakan sendiri',
    tag: 'tugas',
    access: 'user',
    // The reply says where the case stands, without personal data: nothing to record as a read.
    policy: { action: 'task.act' },
    responses: {
      200: 'Diambil',
      401: 'Belum masuk',
      403: 'Bukan tugas Anda',
      404: 'Tidak ada',
      409: 'Sudah diambil atau berubah',
    },
    handler: async ({ sql, user, params }) =>
      caseProgress(
        await runTaskCommand(sql, user, params.taskId, {
          type: 'reassign',
          taskId: params.taskId,
          toUserId: user.id,
          toName: user.name,
          reason: 'diambil sendiri',
        }),
      ),
  }),
  implementDirect(c.unclaim, {
    summary: 'Melepas tugas yang sudah saya ambil, kembali ke antrean peran',
    tag: 'tugas',
    access: 'user',
    // The reply says where the case stands, without personal data: nothing to record as a read.
    policy: { action: 'task.act' },
    responses: {
      200: 'Dilepas',
      401: 'Belum masuk',
      403: 'Bukan tugas Anda',
      404: 'Tidak ada',
      409: 'Belum diambil atau berubah',
    },
    handler: async ({ sql, user, params, body }) =>
      caseProgress(
        await runTaskCommand(sql, user, params.taskId, {
          type: 'release',
          taskId: params.taskId,
          ...(body.reason ? { reason: body.reason } : {}),
        }),
      ),
  }),
];
