import { exportCaseFile } from '../../app/exports/caseFileExport.ts';
import { exportContracts } from '../../contracts/exportContracts.ts';
import { implement, type RouteSpec } from '../routeSpec.ts';

/** Export of one case file: always with a stated reason, always in the access log (register exports: /api/exports/register.csv). */
export const exportRoutes: RouteSpec[] = [
  implement(exportContracts.caseFile, {
    summary: 'Mengekspor berkas satu kasus (JSON) untuk keperluan yang sah; alasan wajib dan dicatat',
    tag: 'ekspor',
    access: 'user',
    policy: { action: 'case.export', log: 'export' },
    responses: {
      200: 'Berkas kasus',
      400: 'Alasan wajib',
      401: 'Belum masuk',
      403: 'Di luar lingkup',
      404: 'Tidak ada',
    },
    handler: async ({ db, user, access, params, body }) => {
      const file = await exportCaseFile(db, user, access, params.caseId, body.reason);
      return {
        ...(file.accessDetail ? { accessDetail: file.accessDetail } : {}),
        file: {
          content: file.content,
          mediaType: 'application/json; charset=utf-8',
          fileName: file.fileName,
          disposition: 'attachment',
        },
      };
    },
  }),
];
