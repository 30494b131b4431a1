import { AppError } from '../../app/appErrors.ts';
import { confirmMigration, planMigration } from '../../app/designer/caseMigration.ts';
import { simulateSource } from '../../app/designer/simulateSource.ts';
import { designerMigrationContracts as c } from '../../contracts/designerContracts.ts';
import { implement, type RouteSpec } from '../routeSpec.ts';

const TAG = 'perancang';

function revisionParam(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new AppError('VALIDATION_FAILED', 'Nomor revisi tidak sah.', '/revision');
  return n;
}

/** Moving running cases to a newer version (dry run, then confirmed), and simulating a draft. */
export const designerMigrationRoutes: RouteSpec[] = [
  implement(c.plan, {
    summary: 'Uji coba pemindahan kasus berjalan ke versi baru: langkah tujuan dan data yang kurang per kasus',
    tag: TAG,
    access: 'user',
    policy: { action: 'definition.publish' },
    responses: { 200: 'Rencana pemindahan', 401: 'Belum masuk', 403: 'Bukan pengesah', 404: 'Versi tidak ada' },
    handler: async ({ db, user, params, query }) => ({
      body: await planMigration(
        db,
        user.regencyId,
        params.sopId,
        query.to !== undefined ? revisionParam(query.to) : undefined,
      ),
    }),
  }),
  implement(c.confirm, {
    summary:
      'Memindahkan kasus yang dikonfirmasi ke versi baru (semua atau tidak sama sekali; tercatat di linimasa kasus)',
    tag: TAG,
    access: 'user',
    policy: { action: 'definition.publish' },
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
      body: { moved: await confirmMigration(db, user, params.sopId, body.toVersion, body.caseIds, body.note) },
    }),
  }),
  implement(c.simulate, {
    summary:
      'Simulasi draf dengan data kasus contoh: cabang tiap aturan beserta alasannya dan batas waktu pada kalender kabupaten',
    tag: TAG,
    access: 'user',
    policy: { action: 'definition.validate' },
    responses: {
      200: 'Hasil simulasi',
      400: 'Data tidak sah',
      401: 'Belum masuk',
      403: 'Bukan penyusun atau pengesah',
      422: 'Draf masih berisi kesalahan',
    },
    handler: async ({ db, user, body }) => ({ body: await simulateSource(db, user.regencyId, body.source, body) }),
  }),
];
