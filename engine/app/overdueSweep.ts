import type { Knex } from 'knex';
import { AppError } from './appErrors.ts';
import { runSystemCommand } from './caseService.ts';

/** What one sweep did. */
export interface SweepResult {
  overdueTasks: number;
  overdueCases: number;
  retried: number;
}

/**
 * Writes escalation events for tasks and cases past their due time. Rows are claimed with
 * UPDATE … RETURNING under SKIP LOCKED, so with several server processes each overdue event
 * is written exactly once; a case changed concurrently is released and retried next sweep.
 */
export async function sweepOverdue(db: Knex, now = new Date(), batch = 500): Promise<SweepResult> {
  return db.transaction(async (trx) => {
    const tasks = (await trx.raw(
      `UPDATE tasks SET overdue_at = ? WHERE id IN (
         SELECT id FROM tasks WHERE status = 'open' AND overdue_at IS NULL AND due_at < ? ORDER BY due_at LIMIT ? FOR UPDATE SKIP LOCKED)
       RETURNING id, case_id, regency_id`,
      [now, now, batch],
    )) as { rows: Array<{ id: string; case_id: string; regency_id: string }> };
    const cases = (await trx.raw(
      `UPDATE cases SET overdue_at = ? WHERE id IN (
         SELECT id FROM cases WHERE status = 'open' AND overdue_at IS NULL AND due_at < ? ORDER BY due_at LIMIT ? FOR UPDATE SKIP LOCKED)
       RETURNING id, regency_id`,
      [now, now, batch],
    )) as { rows: Array<{ id: string; regency_id: string }> };
    const byCase = new Map<string, { regencyId: string; taskIds: string[]; caseOverdue: boolean }>();
    for (const t of tasks.rows) {
      const entry = byCase.get(t.case_id) ?? { regencyId: t.regency_id, taskIds: [], caseOverdue: false };
      entry.taskIds.push(t.id);
      byCase.set(t.case_id, entry);
    }
    for (const c of cases.rows) {
      const entry = byCase.get(c.id) ?? { regencyId: c.regency_id, taskIds: [], caseOverdue: false };
      entry.caseOverdue = true;
      byCase.set(c.id, entry);
    }
    let retried = 0;
    for (const [caseId, entry] of byCase) {
      try {
        await runSystemCommand(
          trx,
          entry.regencyId,
          caseId,
          { type: 'markOverdue', taskIds: entry.taskIds, caseOverdue: entry.caseOverdue },
          now,
        );
      } catch (error) {
        if (!(error instanceof AppError && error.code === 'CONFLICT')) throw error;
        retried += 1;
        if (entry.taskIds.length > 0) await trx('tasks').whereIn('id', entry.taskIds).update({ overdue_at: null });
        if (entry.caseOverdue) await trx('cases').where({ id: caseId }).update({ overdue_at: null });
      }
    }
    return { overdueTasks: tasks.rows.length, overdueCases: cases.rows.length, retried };
  });
}
