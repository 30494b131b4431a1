import { Type, type Static } from '@sinclair/typebox';
import type { Knex } from 'knex';
import { sopCondition, type SopScope } from './sopCondition.ts';
import { sqlRows } from '../sqlRows.ts';
import { Nullable } from '../rowColumns.ts';
import { rowDecoder } from '../rowDecoder.ts';

const OnTimeRateRowSchema = Type.Object({
  sop_id: Type.String(),
  decided: Type.Number(),
  timed: Type.Number(),
  on_time: Type.Number(),
  median_minutes: Nullable(Type.Number()),
  p90_minutes: Nullable(Type.Number()),
});

/** One row of onTimeRateRows. */
export type OnTimeRateRow = Static<typeof OnTimeRateRowSchema>;

// Compiled once, at module load.
const onTimeRateRowDecoder = rowDecoder('onTimeRateRows', OnTimeRateRowSchema);

/** Cases decided in the period per SOP: how many had a deadline, how many met it, and the median and p90 minutes. */
export async function onTimeRateRows(
  db: Knex,
  scope: SopScope & { regencyId: string; from: Date; to: Date },
): Promise<OnTimeRateRow[]> {
  const sop = sopCondition(scope);
  return sqlRows(
    db,
    `SELECT c.sop_id, count(*)::int AS decided,
       count(*) FILTER (WHERE c.due_at IS NOT NULL)::int AS timed,
       count(*) FILTER (WHERE c.closed_at <= c.due_at)::int AS on_time,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM c.closed_at - c.opened_at) / 60) AS median_minutes,
       percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM c.closed_at - c.opened_at) / 60) AS p90_minutes
     FROM cases c
     WHERE c.regency_id = ? AND c.closed_at >= ? AND c.closed_at < ? AND c.status IN ('completed', 'rejected', 'referred')${sop.sql}
     GROUP BY c.sop_id`,
    [scope.regencyId, scope.from, scope.to, ...sop.bindings],
    onTimeRateRowDecoder,
  );
}
