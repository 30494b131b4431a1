import type { Knex } from 'knex';
import { sopCondition, type SopScope } from './sopCondition.ts';
import { sqlRows } from '../sqlRows.ts';

/** One row of openCasesByStageRows. */
export type OpenCasesByStageRow = {
  sop_id: string;
  current_step: string | null;
  cases: number;
  waiting: number;
  overdue: number;
  oldest: Date | string | null;
};

/** Open and waiting cases per SOP and current step at `now`, with how many wait and how many are overdue. */
export async function openCasesByStageRows(
  db: Knex,
  scope: SopScope & { regencyId: string },
  now: Date,
): Promise<OpenCasesByStageRow[]> {
  const sop = sopCondition(scope);
  return sqlRows<OpenCasesByStageRow>(
    db,
    `SELECT c.sop_id, c.current_step, count(*)::int AS cases,
       count(*) FILTER (WHERE c.status = 'waiting')::int AS waiting,
       count(*) FILTER (WHERE c.status = 'open' AND c.due_at < ?)::int AS overdue,
       min(c.opened_at) AS oldest
     FROM cases c
     WHERE c.regency_id = ? AND c.status IN ('open', 'waiting')${sop.sql}
     GROUP BY c.sop_id, c.current_step`,
    [now, scope.regencyId, ...sop.bindings],
  );
}
