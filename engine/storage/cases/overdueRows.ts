import type { Knex } from 'knex';

/**
 * Marks up to `batch` open tasks past their due time as overdue and returns them. Rows are claimed with
 * UPDATE … RETURNING under SKIP LOCKED, so several processes never claim the same task.
 */
export async function claimOverdueTasks(
  trx: Knex.Transaction,
  now: Date,
  batch: number,
): Promise<Array<{ id: string; case_id: string; regency_id: string }>> {
  const result = (await trx.raw(
    `UPDATE tasks SET overdue_at = ? WHERE id IN (
       SELECT id FROM tasks WHERE status = 'open' AND overdue_at IS NULL AND due_at < ? ORDER BY due_at LIMIT ? FOR UPDATE SKIP LOCKED)
     RETURNING id, case_id, regency_id`,
    [now, now, batch],
  )) as { rows: Array<{ id: string; case_id: string; regency_id: string }> };
  return result.rows;
}

/** The same for open cases past their service deadline. */
export async function claimOverdueCases(
  trx: Knex.Transaction,
  now: Date,
  batch: number,
): Promise<Array<{ id: string; regency_id: string }>> {
  const result = (await trx.raw(
    `UPDATE cases SET overdue_at = ? WHERE id IN (
       SELECT id FROM cases WHERE status = 'open' AND overdue_at IS NULL AND due_at < ? ORDER BY due_at LIMIT ? FOR UPDATE SKIP LOCKED)
     RETURNING id, regency_id`,
    [now, now, batch],
  )) as { rows: Array<{ id: string; regency_id: string }> };
  return result.rows;
}

/** Gives a claim back (the case changed concurrently): the next sweep tries again. */
export async function releaseOverdueClaim(
  trx: Knex.Transaction,
  claim: { caseId: string; taskIds: readonly string[]; caseOverdue: boolean },
): Promise<void> {
  if (claim.taskIds.length > 0) await trx('tasks').whereIn('id', claim.taskIds).update({ overdue_at: null });
  if (claim.caseOverdue) await trx('cases').where({ id: claim.caseId }).update({ overdue_at: null });
}
