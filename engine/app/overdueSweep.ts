import type { Knex } from 'knex';
import { claimOverdueCases, claimOverdueTasks, releaseOverdueClaim } from '../storage/cases/overdueRows.ts';
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
    const tasks = await claimOverdueTasks(trx, now, batch);
    const cases = await claimOverdueCases(trx, now, batch);
    const byCase = new Map<string, { regencyId: string; taskIds: string[]; caseOverdue: boolean }>();
    for (const t of tasks) {
      const entry = byCase.get(t.case_id) ?? { regencyId: t.regency_id, taskIds: [], caseOverdue: false };
      entry.taskIds.push(t.id);
      byCase.set(t.case_id, entry);
    }
    for (const c of cases) {
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
        await releaseOverdueClaim(trx, { caseId, taskIds: entry.taskIds, caseOverdue: entry.caseOverdue });
      }
    }
    return { overdueTasks: tasks.length, overdueCases: cases.length, retried };
  });
}
