import { Type } from '@sinclair/typebox';
import type { Knex } from 'knex';
import { rowDecoder } from '../rowDecoder.ts';
import { sqlRows } from '../sqlRows.ts';

// Compiled once, at module load.
const overdueTaskClaims = rowDecoder(
  'tasks (claimed overdue)',
  Type.Object({ id: Type.String(), case_id: Type.String(), regency_id: Type.String() }),
);
const overdueCaseClaims = rowDecoder(
  'cases (claimed overdue)',
  Type.Object({ id: Type.String(), regency_id: Type.String() }),
);

/**
 * Marks up to `batch` open tasks past their due time as overdue and returns them. Rows are claimed with
 * UPDATE … RETURNING under SKIP LOCKED, so several processes never claim the same task.
 */
export async function claimOverdueTasks(
  trx: Knex.Transaction,
  now: Date,
  batch: number,
): Promise<Array<{ id: string; case_id: string; regency_id: string }>> {
  const result = await sqlRows(
    trx,
    `UPDATE tasks SET overdue_at = ? WHERE id IN (
       SELECT id FROM tasks WHERE status = 'open' AND overdue_at IS NULL AND due_at < ? ORDER BY due_at LIMIT ? FOR UPDATE SKIP LOCKED)
     RETURNING id, case_id, regency_id`,
    [now, now, batch],
    overdueTaskClaims,
  );
  return result;
}

/** The same for open cases past their service deadline. */
export async function claimOverdueCases(
  trx: Knex.Transaction,
  now: Date,
  batch: number,
): Promise<Array<{ id: string; regency_id: string }>> {
  const result = await sqlRows(
    trx,
    `UPDATE cases SET overdue_at = ? WHERE id IN (
       SELECT id FROM cases WHERE status = 'open' AND overdue_at IS NULL AND due_at < ? ORDER BY due_at LIMIT ? FOR UPDATE SKIP LOCKED)
     RETURNING id, regency_id`,
    [now, now, batch],
    overdueCaseClaims,
  );
  return result;
}

/** Gives a claim back (the case changed concurrently): the next sweep tries again. */
export async function releaseOverdueClaim(
  trx: Knex.Transaction,
  claim: { caseId: string; taskIds: readonly string[]; caseOverdue: boolean },
): Promise<void> {
  if (claim.taskIds.length > 0) await trx('tasks').whereIn('id', claim.taskIds).update({ overdue_at: null });
  if (claim.caseOverdue) await trx('cases').where({ id: claim.caseId }).update({ overdue_at: null });
}
