import type { Knex } from 'knex';
import { AppError } from '../../app/appErrors.ts';
import { delegationContracts as c } from '../../contracts/delegationContracts.ts';
import {
  endDelegation,
  insertDelegation,
  listDelegations,
  regencyRoleKinds,
  runningDelegation,
} from '../../storage/delegationRepository.ts';
import { activeStaff, countStaffOf } from '../../storage/staffDirectory.ts';
import { implement, type RouteSpec } from '../routeSpec.ts';

/** Whether the user is the regency's admin or Kepala Dinas: they manage delegations on behalf of others. */
async function isRegencyHead(db: Knex, regencyId: string, roles: readonly string[]): Promise<boolean> {
  const kinds = await regencyRoleKinds(db, regencyId);
  return kinds.some((r) => roles.includes(r.id) && (r.kind === 'admin' || r.kind === 'kadis'));
}

/** Delegations: Plt/Plh acting officials and out-of-office cover. */
export const delegationRoutes: RouteSpec[] = [
  implement(c.create, {
    idempotent: true,
    summary: 'Melimpahkan tugas (Plt/Plh/cuti) kepada pegawai lain untuk suatu periode',
    tag: 'pelimpahan',
    access: 'user',
    policy: { action: 'delegation.create' },
    responses: {
      201: 'Pelimpahan dibuat',
      400: 'Data tidak sah',
      401: 'Belum masuk',
      403: 'Hanya admin yang dapat melimpahkan atas nama orang lain',
      404: 'Pegawai tidak ada',
    },
    handler: async ({ db, user, body }) => {
      const fromUserId = body.fromUserId ?? user.id;
      if (fromUserId !== user.id) {
        if (!(await isRegencyHead(db, user.regencyId, user.roles)))
          throw new AppError('FORBIDDEN', 'Hanya admin atau kepala dinas yang dapat melimpahkan atas nama orang lain.');
      }
      if (new Date(body.endsAt) <= new Date(body.startsAt))
        throw new AppError('VALIDATION_FAILED', 'Tanggal selesai harus sesudah tanggal mulai.', '/endsAt');
      const found = await countStaffOf(db, user.regencyId, [fromUserId, body.toUserId]);
      if (found !== (fromUserId === body.toUserId ? 1 : 2))
        throw new AppError('NOT_FOUND', 'Pegawai tidak ditemukan di kabupaten ini.', '/toUserId');
      const id = await insertDelegation(db, {
        regencyId: user.regencyId,
        fromUserId,
        toUserId: body.toUserId,
        kind: body.kind,
        startsAt: body.startsAt,
        endsAt: body.endsAt,
        createdBy: user.id,
      });
      return { status: 201, body: { id } };
    },
  }),
  implement(c.list, {
    summary: 'Pelimpahan di kabupaten saya, dengan nama pegawai dan siapa yang mengakhirinya',
    tag: 'pelimpahan',
    access: 'user',
    policy: { action: 'delegation.read' },
    responses: { 200: 'Daftar', 401: 'Belum masuk' },
    handler: async ({ db, user }) => ({ body: { delegations: await listDelegations(db, user.regencyId) } }),
  }),
  implement(c.end, {
    summary: 'Mengakhiri pelimpahan sekarang (pejabat definitif kembali); alasan dicatat',
    tag: 'pelimpahan',
    access: 'user',
    policy: { action: 'delegation.create' },
    responses: {
      200: 'Diakhiri',
      400: 'Alasan wajib',
      401: 'Belum masuk',
      403: 'Bukan pelimpahan Anda',
      404: 'Tidak ada atau sudah berakhir',
    },
    handler: async ({ db, user, params, body }) => {
      const id = /^\d{1,18}$/.test(params.delegationId) ? params.delegationId : '0';
      const now = new Date();
      const running = await runningDelegation(db, user.regencyId, id, now);
      if (!running) throw new AppError('NOT_FOUND', 'Pelimpahan tidak ditemukan atau sudah berakhir.', '/delegationId');
      const own = running.fromUserId === user.id || running.createdBy === user.id;
      if (!own && !(await isRegencyHead(db, user.regencyId, user.roles)))
        throw new AppError('FORBIDDEN', 'Hanya pemberi pelimpahan, admin atau kepala dinas yang dapat mengakhirinya.');
      await endDelegation(db, running.id, user.id, body.reason, now);
      return { body: { ok: true as const } };
    },
  }),
  implement(c.users, {
    summary: 'Pegawai di kabupaten saya (untuk penugasan)',
    tag: 'pelimpahan',
    access: 'user',
    policy: { action: 'users.read' },
    responses: { 200: 'Daftar', 401: 'Belum masuk' },
    handler: async ({ db, user }) => ({ body: { users: await activeStaff(db, user.regencyId) } }),
  }),
];
