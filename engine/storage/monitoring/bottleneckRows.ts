import type { Knex } from 'knex';
import { sopCondition, type SopScope } from './sopCondition.ts';
import { sqlRows } from '../sqlRows.ts';

/** One row of bottleneckRows. */
export type BottleneckRow = {
  sop_id: string;
  step_id: string;
  open_tasks: number;
  overdue: number;
  median_age: number | null;
  max_age: number | null;
  waiting: number;
};

/** Open step visits per SOP and step at `now`, for the bottleneck figure. */
export async function bottleneckRows(
  db: Knex,
  scope: SopScope & { regencyId: string },
  now: Date,
): Promise<BottleneckRow[]> {
  const sop = sopCondition(scope);
  return sqlRows<BottleneckRow>(
    db,
    `SELECT c.sop_id, t.step_id,
       count(*) FILTER (WHERE c.status = 'open')::int AS open_tasks,
       count(*) FILTER (WHERE c.status = 'open' AND t.due_at < ?)::int AS overdue,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM ?::timestamptz - t.created_at) / 60) FILTER (WHERE c.status = 'open') AS median_age,
       (max(extract(epoch FROM ?::timestamptz - t.created_at) / 60) FILTER (WHERE c.status = 'open'))::float8 AS max_age,
       count(*) FILTER (WHERE c.status = 'waiting')::int AS waiting
     FROM tasks t JOIN cases c ON c.id = t.case_id AND c.regency_id = t.regency_id
     WHERE t.regency_id = ? AND t.status = 'open' AND c.status IN ('open', 'waiting')${sop.sql}
     GROUP BY c.sop_id, t.step_id`,
    [now, now, now, scope.regencyId, ...sop.bindings],
  );
}
