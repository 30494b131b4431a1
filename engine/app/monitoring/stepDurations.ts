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
import { rounded, share } from './sqlValues.ts';
import { stepDurationRows } from '../../storage/monitoring/stepDurationRows.ts';

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

/** Median and 90th-percentile step durations against the Baku Mutu, and on-time rate, per step (SQL over case_events). */
export async function stepDurations(
  db: Knex,
  context: MonitoringContext,
  scope: MonitoringScope,
  now: Date,
): Promise<StepFigure[]> {
  const rows = await stepDurationRows(db, scope, now);
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
