import type { Knex } from 'knex';
import type { MonitoringScope } from './monitoringScope.ts';
import {
  findStep,
  sopName,
  standardTime,
  stepActivity,
  stepIndex,
  type MonitoringContext,
  type StandardTime,
} from './monitoringContext.ts';
import { sqlRows } from '../../storage/sqlRows.ts';
import { rounded, share } from './sqlValues.ts';
import { stepVisitsCte } from './stepVisits.ts';

/** Timeliness of one step of one SOP over the visits that entered it in the period. */
export interface StepFigure {
  sopId: string;
  sopName: string;
  stepId: string;
  activity: string;
  stepIndex: number;
  /** The step's Baku Mutu Waktu from the latest definition, in office (or calendar) minutes. */
  standard: StandardTime | null;
  visits: number;
  completed: number;
  /** Visits cut short by a send-back or a manual end. */
  interrupted: number;
  /** Visits still at this step now. */
  openNow: number;
  /** Of those, already past their due time at `now`. */
  openOverdue: number;
  /** Wall-clock minutes from step.entered to step.completed (completed visits). */
  medianMinutes: number | null;
  p90Minutes: number | null;
  maxMinutes: number | null;
  /** Median wall-clock allowance (due − entered) of completed visits: the standard in the unit of the durations. */
  allowedMedianMinutes: number | null;
  /** 90th percentile of elapsed ÷ allowance per visit: 1.0 = at the standard, 2.0 = twice as long. */
  p90Ratio: number | null;
  /** Completed visits that had a due time. */
  timed: number;
  /** Of those, completed no later than their due time. */
  onTime: number;
  onTimeRate: number | null;
  /** 1 − onTimeRate: the share of visits over the standard (revision rules read this). */
  exceededShare: number | null;
}

type Row = {
  sop_id: string;
  step_id: string;
  visits: number;
  completed: number;
  interrupted: number;
  open_now: number;
  open_overdue: number;
  median_minutes: number | null;
  p90_minutes: number | null;
  max_minutes: number | string | null;
  allowed_minutes: number | null;
  p90_ratio: number | null;
  timed: number;
  on_time: number;
};

/** Median and 90th-percentile step durations against the Baku Mutu, and on-time rate, per step (SQL over case_events). */
export async function stepDurations(
  db: Knex,
  context: MonitoringContext,
  scope: MonitoringScope,
  now: Date,
): Promise<StepFigure[]> {
  const cte = stepVisitsCte(scope);
  const rows = await sqlRows<Row>(
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
  );
  return rows
    .map((r) => ({
      sopId: r.sop_id,
      sopName: sopName(context, r.sop_id),
      stepId: r.step_id,
      activity: stepActivity(context, r.sop_id, r.step_id),
      stepIndex: stepIndex(context, r.sop_id, r.step_id),
      standard: standardTime(
        context.calendar,
        findStep(context, r.sop_id, r.step_id)?.time,
        findStep(context, r.sop_id, r.step_id)?.clock,
      ),
      visits: r.visits,
      completed: r.completed,
      interrupted: r.interrupted,
      openNow: r.open_now,
      openOverdue: r.open_overdue,
      medianMinutes: rounded(r.median_minutes),
      p90Minutes: rounded(r.p90_minutes),
      maxMinutes: rounded(r.max_minutes),
      allowedMedianMinutes: rounded(r.allowed_minutes),
      p90Ratio: rounded(r.p90_ratio, 3),
      timed: r.timed,
      onTime: r.on_time,
      onTimeRate: share(r.on_time, r.timed),
      exceededShare: share(r.timed - r.on_time, r.timed),
    }))
    .sort((a, b) => a.sopId.localeCompare(b.sopId) || a.stepIndex - b.stepIndex);
}
