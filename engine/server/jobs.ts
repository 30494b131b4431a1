import type { ScheduledJob } from '../app/jobScheduler.ts';
import { runNotifier } from '../app/notifications/notificationJob.ts';
import { writeScheduledNotifications } from '../app/notifications/scheduledNotifications.ts';
import { purgeExpiredKeys } from '../app/idempotency.ts';
import { sweepOverdue } from '../app/overdueSweep.ts';
import { openScheduledCases } from '../app/scheduledStarts.ts';
import { anonymiseExpiredCases } from '../app/retention/anonymiseExpiredCases.ts';
import { backupScheduleFromEnv, runScheduledBackup } from '../backup/scheduledBackup.ts';
import { withSystemScope } from '../storage/regencyScope.ts';

/** Name of the daily backup job in the `jobs` table. */
export const BACKUP_JOB = 'backup';

/** Background jobs every server process offers to run; the database decides who runs each turn. */
export const backgroundJobs: readonly ScheduledJob[] = [
  // Both jobs run as the system role: the deliberate, documented bypass of regency row-level security.
  { name: 'overdue-sweep', everySeconds: 60, run: (db, now) => withSystemScope(db, (trx) => sweepOverdue(trx, now)) },
  // The outbox: fan out new notifications and deliver due ones (several processes share the rows).
  { name: 'notifications', everySeconds: 15, run: (db, now) => runNotifier(db, now) },
  {
    name: 'notification-schedule',
    everySeconds: 300,
    run: (db, now) => withSystemScope(db, (trx) => writeScheduledNotifications(trx, now)),
  },
  // SOPs with `schedule:` (monthly reports, stock opname) open their cycle's case at office opening.
  {
    name: 'scheduled-starts',
    everySeconds: 300,
    run: (db, now) => withSystemScope(db, (trx) => openScheduledCases(trx, now)),
  },
  { name: 'retention-anonymise', everySeconds: 6 * 3600, run: (db, now) => anonymiseExpiredCases(db, now) },
  // Stored first answers of Idempotency-Key requests hold personal data: they go after 24 hours.
  { name: 'idempotency-purge', everySeconds: 3600, run: (db) => withSystemScope(db, (trx) => purgeExpiredKeys(trx)) },
  // Daily, into ALUR_BACKUP_DIR keeping ALUR_BACKUP_KEEP files; its last result is shown to admins.
  { name: BACKUP_JOB, everySeconds: 24 * 3600, run: (db, now) => runScheduledBackup(db, backupScheduleFromEnv(), now) },
];
