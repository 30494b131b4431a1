import type { ScheduledJob } from '../app/jobScheduler.ts';
import { purgeExpiredKeys } from '../app/idempotency.ts';
import { sweepOverdue } from '../app/overdueSweep.ts';
import { anonymiseExpiredCases } from '../app/retention/anonymiseExpiredCases.ts';
import { withSystemScope } from '../storage/regencyScope.ts';

/** Background jobs every server process offers to run; the database decides who runs each turn. */
export const backgroundJobs: readonly ScheduledJob[] = [
  // Both jobs run as the system role: the deliberate, documented bypass of regency row-level security.
  { name: 'overdue-sweep', everySeconds: 60, run: (db, now) => withSystemScope(db, (trx) => sweepOverdue(trx, now)) },
  { name: 'retention-anonymise', everySeconds: 6 * 3600, run: (db, now) => anonymiseExpiredCases(db, now) },
  // Stored first answers of Idempotency-Key requests hold personal data: they go after 24 hours.
  { name: 'idempotency-purge', everySeconds: 3600, run: (db) => withSystemScope(db, (trx) => purgeExpiredKeys(trx)) },
];
