import type { Knex } from 'knex';
import { AppError } from '../../app/appErrors.ts';
import { route, type RouteSpec } from '../routeSpec.ts';

/** Whether the user is the regency's admin or Kepala Dinas: they manage delegations on behalf of others. */
async function isRegencyHead(db: Knex, regencyId: string, roles: readonly string[]): Promise<boolean> {
  const row = (await db('regencies').where({ id: regencyId }).first('config')) as {
    config: { roles: Array<{ id: string; kind?: string }> };
  };
  return row.config.roles.some((r) => roles.includes(r.id) && (r.kind === 'admin' || r.kind === 'kadis'));
}

/** Delegations: Plt/Plh acting officials and out-of-office cover. */
export const delegationRoutes: RouteSpec[] = [
  route<{ fromUserId?: string; toUserId: string; kind: string; startsAt: string; endsAt: string }>({
    method: 'post',
    path: '/api/delegations',
    idempotent: true,
    summary: 'Melimpahkan tugas (Plt/Plh/cuti) kepada pegawai lain untuk suatu periode',
    tag: 'pelimpahan',
    access: 'user',
    policy: { action: 'delegation.create' },
    body: {
      type: 'object',
      required: ['toUserId', 'kind', 'startsAt', 'endsAt'],
      additionalProperties: false,
      properties: {
        fromUserId: { type: 'string', maxLength: 100 },
        toUserId: { type: 'string', maxLength: 100 },
        kind: { enum: ['plt', 'plh', 'cuti'] },
        startsAt: { type: 'string', format: 'date-time' },
        endsAt: { type: 'string', format: 'date-time' },
      },
    },
    responses: {
      201: 'Pelimpahan dibuat',
      400: 'Data tidak sah',
      401: 'Belum masuk',
      403: 'Hanya admin yang dapat melimpahkan atas nama orang lain',
      404: 'Pegawai tidak ada',
    },
    handler: async ({ db, user, body }) => {
      const fromUserId = body.fromUserId ?? user!.id;
      if (fromUserId !== user!.id) {
        if (!(await isRegencyHead(db, user!.regencyId, user!.roles)))
          throw new AppError('FORBIDDEN', 'Hanya admin atau kepala dinas yang dapat melimpahkan atas nama orang lain.');
      }
      if (new Date(body.endsAt) <= new Date(body.startsAt))
        throw new AppError('VALIDATION_FAILED', 'Tanggal selesai harus sesudah tanggal mulai.', '/endsAt');
      const users = (await db('users')
        .whereIn('id', [fromUserId, body.toUserId])
        .andWhere({ regency_id: user!.regencyId })
        .select('id')) as unknown[];
      if (users.length !== (fromUserId === body.toUserId ? 1 : 2))
        throw new AppError('NOT_FOUND', 'Pegawai tidak ditemukan di kabupaten ini.', '/toUserId');
      const [row] = (await db('delegations')
        .insert({
          regency_id: user!.regencyId,
          from_user_id: fromUserId,
          to_user_id: body.toUserId,
          kind: body.kind,
          starts_at: body.startsAt,
          ends_at: body.endsAt,
          created_by: user!.id,
        })
        .returning('id')) as Array<{ id: string | number }>;
      return { status: 201, body: { id: Number(row!.id) } };
    },
  }),
  route({
    method: 'get',
    path: '/api/delegations',
    summary: 'Pelimpahan di kabupaten saya, dengan nama pegawai dan siapa yang mengakhirinya',
    tag: 'pelimpahan',
    access: 'user',
    policy: { action: 'delegation.read' },
    responses: { 200: 'Daftar', 401: 'Belum masuk' },
    handler: async ({ db, user }) => ({
      body: {
        delegations: await db('delegations as d')
          .leftJoin('users as f', 'f.id', 'd.from_user_id')
          .leftJoin('users as t', 't.id', 'd.to_user_id')
          .where('d.regency_id', user!.regencyId)
          .orderBy('d.starts_at', 'desc')
          .limit(200)
          .select('d.*', 'f.display_name as from_name', 't.display_name as to_name'),
      },
    }),
  }),
  route<{ reason: string }>({
    method: 'post',
    path: '/api/delegations/{delegationId}/end',
    summary: 'Mengakhiri pelimpahan sekarang (pejabat definitif kembali); alasan dicatat',
    tag: 'pelimpahan',
    access: 'user',
    policy: { action: 'delegation.create' },
    body: {
      type: 'object',
      required: ['reason'],
      additionalProperties: false,
      properties: { reason: { type: 'string', minLength: 1, maxLength: 2000 } },
    },
    responses: {
      200: 'Diakhiri',
      400: 'Alasan wajib',
      401: 'Belum masuk',
      403: 'Bukan pelimpahan Anda',
      404: 'Tidak ada atau sudah berakhir',
    },
    handler: async ({ db, user, params, body }) => {
      const id = /^\d{1,18}$/.test(params.delegationId ?? '') ? params.delegationId! : '0';
      const now = new Date();
      const row = (await db('delegations')
        .where({ id, regency_id: user!.regencyId })
        .andWhere('ends_at', '>', now)
        .first('id', 'from_user_id', 'created_by')) as
        { id: string; from_user_id: string; created_by: string } | undefined;
      if (!row) throw new AppError('NOT_FOUND', 'Pelimpahan tidak ditemukan atau sudah berakhir.', '/delegationId');
      const own = row.from_user_id === user!.id || row.created_by === user!.id;
      if (!own && !(await isRegencyHead(db, user!.regencyId, user!.roles)))
        throw new AppError('FORBIDDEN', 'Hanya pemberi pelimpahan, admin atau kepala dinas yang dapat mengakhirinya.');
      await db('delegations')
        .where({ id: row.id })
        .update({
          ends_at: db.raw('GREATEST(starts_at, ?::timestamptz)', [now.toISOString()]),
          ended_by: user!.id,
          end_reason: body.reason,
        });
      return { body: { ok: true } };
    },
  }),
  route({
    method: 'get',
    path: '/api/users',
    summary: 'Pegawai di kabupaten saya (untuk penugasan)',
    tag: 'pelimpahan',
    access: 'user',
    policy: { action: 'users.read' },
    responses: { 200: 'Daftar', 401: 'Belum masuk' },
    handler: async ({ db, user }) => ({
      body: {
        users: await db('users')
          .where({ regency_id: user!.regencyId, active: true })
          .orderBy('display_name')
          .select('id', 'username', 'display_name as name', 'roles'),
      },
    }),
  }),
];
