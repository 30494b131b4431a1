import type { Knex } from 'knex';
import { pino, type Logger } from 'pino';
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
    await db('jobs').insert({ name: job.name, next_run_at: now }).onConflict('name').ignore();
    const claimed = (await db('jobs')
      .where({ name: job.name })
      .andWhere('next_run_at', '<=', now)
      .andWhere((q) => void q.whereNull('locked_until').orWhere('locked_until', '<', now))
      .update({ locked_until: new Date(now.getTime() + leaseSeconds * 1000), locked_by: runnerId })
      .returning('name')) as unknown[];
    if (claimed.length === 0) continue;
    let result: unknown;
    try {
      result = await job.run(db, now);
    } catch (error) {
      const report = reportError(logger, error, { job: job.name, runner: runnerId });
      result = { error: { kind: report.kind, correlationId: report.correlationId } };
    }
    await db('jobs')
      .where({ name: job.name, locked_by: runnerId })
      .update({
        locked_until: null,
        locked_by: null,
        last_run_at: now,
        next_run_at: new Date(now.getTime() + job.everySeconds * 1000),
        last_result: JSON.stringify(result ?? null),
      });
    ran.push(job.name);
  }
  return ran;
}
