import { caseAccessReport, userAccessReport, type AccessPage } from '../../app/accessLog/accessReports.ts';
import { AppError } from '../../app/appErrors.ts';
import { route, type RouteSpec } from '../routeSpec.ts';

function pageOf(query: Record<string, string | undefined>): AccessPage {
  const page: AccessPage = {};
  if (query.before !== undefined) {
    if (!/^\d{1,15}$/.test(query.before))
      throw new AppError('VALIDATION_FAILED', 'Kursor `before` tidak sah.', '/before');
    page.before = Number(query.before);
  }
  if (query.limit !== undefined) page.limit = Number(query.limit) || 100;
  return page;
}

/** Access reports for auditors: who saw, downloaded, printed or exported what, and why. */
export const auditRoutes: RouteSpec[] = [
  route({
    method: 'get',
    path: '/api/audit/cases/{caseId}/access',
    summary:
      'Log akses satu kasus: siapa melihat, mengunduh, mencetak atau mengekspor, kapan dan mengapa (terbaru dahulu; kursor `before`)',
    tag: 'audit',
    access: 'user',
    policy: { action: 'audit.read', log: 'audit' },
    responses: { 200: 'Log akses', 401: 'Belum masuk', 403: 'Hanya auditor dan Kepala Dinas', 404: 'Kasus tidak ada' },
    handler: async ({ db, user, params, query }) => ({
      body: await caseAccessReport(db, user!.regencyId, params.caseId!, pageOf(query)),
    }),
  }),
  route({
    method: 'get',
    path: '/api/audit/users/{userId}/access',
    summary:
      'Log akses satu pegawai: kasus yang dilihat, diunduh, dicetak atau diekspor (terbaru dahulu; kursor `before`)',
    tag: 'audit',
    access: 'user',
    policy: { action: 'audit.read', log: 'audit' },
    responses: {
      200: 'Log akses',
      401: 'Belum masuk',
      403: 'Hanya auditor dan Kepala Dinas',
      404: 'Pegawai tidak ada',
    },
    handler: async ({ db, user, params, query }) => {
      const exists = (await db('users')
        .where({ id: params.userId, regency_id: user!.regencyId })
        .first('id')) as unknown;
      if (!exists) throw new AppError('NOT_FOUND', 'Pegawai tidak ditemukan di kabupaten ini.');
      return { body: await userAccessReport(db, user!.regencyId, params.userId!, pageOf(query)) };
    },
  }),
];
