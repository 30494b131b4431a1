import { Type, type Static } from '@sinclair/typebox';
import type { Knex } from 'knex';
import type { PeriodScope } from './sopCondition.ts';
import { sqlRows } from '../sqlRows.ts';
import { stepVisitsCte } from './stepVisitsCte.ts';
import { BigNumber, Nullable } from '../rowColumns.ts';
import { rowDecoder } from '../rowDecoder.ts';

const StepDurationRowSchema = Type.Object({
  sop_id: Type.String(),
  step_id: Type.String(),
  visits: Type.Number(),
  completed: Type.Number(),
  interrupted: Type.Number(),
  open_now: Type.Number(),
  open_overdue: Type.Number(),
  median_minutes: Nullable(Type.Number()),
  p90_minutes: Nullable(Type.Number()),
  max_minutes: Nullable(BigNumber),
  allowed_minutes: Nullable(Type.Number()),
  p90_ratio: Nullable(Type.Number()),
  timed: Type.Number(),
  on_time: Type.Number(),
});

/** One row of stepDurationRows: the visits of one step of one SOP and their durations in minutes. */
export type StepDurationRow = Static<typeof StepDurationRowSchema>;

// Compiled once, at module load.
const stepDurationRowDecoder = rowDecoder('stepDurationRows', StepDurationRowSchema);

/** Step visits entered in the period per SOP and step: counts, duration percentiles and on-time counts. */
export async function stepDurationRows(db: Knex, scope: PeriodScope, now: Date): Promise<StepDurationRow[]> {
  const cte = stepVisitsCte(scope);
  return sqlRows(
    db,
    `WITH ${cte.sql}
     SELECT sop_id, step_id,
       count(*)::int AS visits,
       count(completed_at)::int AS completed,
       count(*) FILTER (WHERE completed_at IS NULL AND NOT still_open)::int AS interrupted,
       count(*) FILTER (WHERE still_open)::int AS open_now,
       count(*) FILTER (WHERE still_open AND due_at < ?)::int AS open_overdue,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY minutes) AS median_minutes,
       percentile_cont(0.9) WITHIN GROUP (ORDER BY minutes) AS p90_minutes,
       max(minutes)::float8 AS max_minutes,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY allowed_minutes) FILTER (WHERE completed_at IS NOT NULL) AS allowed_minutes,
       percentile_cont(0.9) WITHIN GROUP (ORDER BY minutes / NULLIF(allowed_minutes, 0)) AS p90_ratio,
       count(*) FILTER (WHERE completed_at IS NOT NULL AND due_at IS NOT NULL)::int AS timed,
       count(*) FILTER (WHERE completed_at <= due_at)::int AS on_time
     FROM measured
     GROUP BY sop_id, step_id`,
    [...cte.bindings, now],
    stepDurationRowDecoder,
  );
}
