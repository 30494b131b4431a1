import { Type, type Static } from '@sinclair/typebox';
import type { Knex } from 'knex';
import { sopCondition, type SopScope } from './sopCondition.ts';
import { sqlRows } from '../sqlRows.ts';
import { Nullable } from '../rowColumns.ts';
import { rowDecoder } from '../rowDecoder.ts';

const BottleneckRowSchema = Type.Object({
  sop_id: Type.String(),
  step_id: Type.String(),
  open_tasks: Type.Number(),
  overdue: Type.Number(),
  median_age: Nullable(Type.Number()),
  max_age: Nullable(Type.Number()),
  waiting: Type.Number(),
});

/** One row of bottleneckRows. */
export type BottleneckRow = Static<typeof BottleneckRowSchema>;

// Compiled once, at module load.
const bottleneckRowDecoder = rowDecoder('bottleneckRows', BottleneckRowSchema);

/** Open step visits per SOP and step at `now`, for the bottleneck figure. */
export async function bottleneckRows(
  db: Knex,
  scope: SopScope & { regencyId: string },
  now: Date,
): Promise<BottleneckRow[]> {
  const sop = sopCondition(scope);
  return sqlRows(
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
    bottleneckRowDecoder,
  );
}
