import { AppError } from '../../app/appErrors.ts';
import { route, type RouteSpec } from '../routeSpec.ts';

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
        const row = (await db('regencies').where({ id: user!.regencyId }).first('config')) as {
          config: { roles: Array<{ id: string; kind?: string }> };
        };
        const isAdmin = row.config.roles.some(
          (r) => user!.roles.includes(r.id) && (r.kind === 'admin' || r.kind === 'kadis'),
        );
        if (!isAdmin)
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
    summary: 'Pelimpahan di kabupaten saya',
    tag: 'pelimpahan',
    access: 'user',
    policy: { action: 'delegation.read' },
    responses: { 200: 'Daftar', 401: 'Belum masuk' },
    handler: async ({ db, user }) => ({
      body: {
        delegations: await db('delegations')
          .where({ regency_id: user!.regencyId })
          .orderBy('starts_at', 'desc')
          .limit(200),
      },
    }),
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
