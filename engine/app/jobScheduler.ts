import type { Knex } from 'knex';
import { pino, type Logger } from 'pino';
import { claimDueJob, finishJob } from '../storage/jobs/jobRows.ts';
import { reportError } from './reportError.ts';

/** A background job: its schedule lives in the `jobs` table, so any process may run it, one at a time. */
export interface ScheduledJob {
  name: string;
  everySeconds: number;
  run: (db: Knex, now: Date) => Promise<unknown>;
}

let fallback: Logger | undefined;
/** Callers without a logger of their own (tools, tests) still get failures on standard output. */
function fallbackLogger(): Logger {
  fallback ??= pino();
  return fallback;
}

/**
 * Runs every job whose time has come, claiming it in the database first: with several processes
 * polling, exactly one wins each turn. A crashed runner's lock expires after `leaseSeconds`.
 * A failing job is logged like a failing request (kind and correlation id, no personal data) and
 * `jobs.last_result` keeps only that kind and id, so an admin can find the log line.
 */
export async function runDueJobs(
  db: Knex,
  jobs: readonly ScheduledJob[],
  runnerId: string,
  now = new Date(),
  leaseSeconds = 300,
  logger: Logger = fallbackLogger(),
): Promise<string[]> {
  const ran: string[] = [];
  for (const job of jobs) {
    const lockUntil = new Date(now.getTime() + leaseSeconds * 1000);
    if (!(await claimDueJob(db, job.name, runnerId, now, lockUntil))) continue;
    let result: unknown;
    try {
      result = await job.run(db, now);
    } catch (error) {
      const report = reportError(logger, error, { job: job.name, runner: runnerId });
      result = { error: { kind: report.kind, correlationId: report.correlationId } };
    }
    await finishJob(db, {
      name: job.name,
      runnerId,
      ranAt: now,
      nextRunAt: new Date(now.getTime() + job.everySeconds * 1000),
      result,
    });
    ran.push(job.name);
  }
  return ran;
}
