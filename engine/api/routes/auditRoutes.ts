import { caseAccessReport, userAccessReport, type AccessPage } from '../../app/accessLog/accessReports.ts';
import { AppError } from '../../app/appErrors.ts';
import { auditContracts as c } from '../../contracts/auditContracts.ts';
import { staffExists } from '../../storage/staffDirectory.ts';
import { implement, type RouteSpec } from '../routeSpec.ts';

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
  implement(c.caseAccess, {
    summary:
      'Log akses satu kasus: siapa melihat, mengunduh, mencetak atau mengekspor, kapan dan mengapa (terbaru dahulu; kursor `before`)',
    tag: 'audit',
    access: 'user',
    policy: { action: 'audit.read', log: 'audit' },
    responses: { 200: 'Log akses', 401: 'Belum masuk', 403: 'Hanya auditor dan Kepala Dinas', 404: 'Kasus tidak ada' },
    handler: async ({ db, user, params, query }) => ({
      body: await caseAccessReport(db, user.regencyId, params.caseId, pageOf(query)),
    }),
  }),
  implement(c.userAccess, {
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
      if (!(await staffExists(db, user.regencyId, params.userId)))
        throw new AppError('NOT_FOUND', 'Pegawai tidak ditemukan di kabupaten ini.');
      return { body: await userAccessReport(db, user.regencyId, params.userId, pageOf(query)) };
    },
  }),
];
