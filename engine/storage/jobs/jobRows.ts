import type { Knex } from 'knex';

/**
 * Claims a job whose time has come (creating its row on first sight): with several processes polling,
 * exactly one wins each turn. A crashed runner's lock expires at `lockUntil` of its claim.
 */
export async function claimDueJob(
  db: Knex,
  name: string,
  runnerId: string,
  now: Date,
  lockUntil: Date,
): Promise<boolean> {
  await db('jobs').insert({ name, next_run_at: now }).onConflict('name').ignore();
  const claimed = (await db('jobs')
    .where({ name })
    .andWhere('next_run_at', '<=', now)
    .andWhere((q) => void q.whereNull('locked_until').orWhere('locked_until', '<', now))
    .update({ locked_until: lockUntil, locked_by: runnerId })
    .returning('name')) as unknown[];
  return claimed.length > 0;
}

/** Releases a job this runner claimed, recording the run and its next time. */
export async function finishJob(
  db: Knex,
  job: { name: string; runnerId: string; ranAt: Date; nextRunAt: Date; result: unknown },
): Promise<void> {
  await db('jobs')
    .where({ name: job.name, locked_by: job.runnerId })
    .update({
      locked_until: null,
      locked_by: null,
      last_run_at: job.ranAt,
      next_run_at: job.nextRunAt,
      last_result: JSON.stringify(job.result ?? null),
    });
}
