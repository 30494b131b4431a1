import { backupStatus, scheduleBackupNow } from '../../backup/backupStatus.ts';
import { backupContracts as c } from '../../contracts/backupContracts.ts';
import { BACKUP_JOB } from '../../server/jobs.ts';
import { implement, type RouteSpec } from '../routeSpec.ts';

/** Backups for the office's admins: the daily job's last result, and "back up now" (the job runs soon after). */
export const backupRoutes: RouteSpec[] = [
  implement(c.status, {
    summary: 'Status cadangan harian: terkonfigurasi atau tidak, hasil terakhir, berkas yang disimpan',
    tag: 'sistem',
    access: 'user',
    kinds: ['admin'],
    policy: { action: 'system.backup' },
    responses: { 200: 'Status cadangan', 401: 'Belum masuk', 403: 'Hanya admin' },
    handler: async ({ db }) => ({ body: await backupStatus(db, BACKUP_JOB) }),
  }),
  implement(c.now, {
    summary: 'Cadangkan sekarang: tugas cadangan dijadwalkan segera dan dijalankan oleh server dalam satu putaran',
    tag: 'sistem',
    access: 'user',
    kinds: ['admin'],
    policy: { action: 'system.backup' },
    responses: { 202: 'Dijadwalkan', 401: 'Belum masuk', 403: 'Hanya admin' },
    handler: async ({ db }) => {
      await scheduleBackupNow(db, BACKUP_JOB);
      return { status: 202, body: await backupStatus(db, BACKUP_JOB) };
    },
  }),
];
