import type { Knex } from 'knex';
import type { MonitoringScope } from './monitoringScope.ts';
import { sopName, stepActivity, stepIndex, type MonitoringContext } from './monitoringContext.ts';
import { rounded } from './sqlValues.ts';
import type { StepFigure } from './stepDurations.ts';
import { bottleneckRows } from '../../storage/monitoring/bottleneckRows.ts';

/** A step where open work piles up now. */
export interface OpenAgeFigure {
  sopId: string;
  sopName: string;
  stepId: string;
  activity: string;
  stepIndex: number;
  /** Open tasks of cases being worked on (tasks waiting for the applicant are counted apart). */
  openTasks: number;
  overdueTasks: number;
  /** Age of the open tasks in wall-clock minutes. */
  medianAgeMinutes: number | null;
  maxAgeMinutes: number | null;
  waitingForApplicant: number;
}

/** The bottleneck steps, two ways: slow against the standard (history) and piled-up open work (now). */
export interface Bottlenecks {
  /** Steps with at least `minVisits` timed visits, slowest first by p90 elapsed ÷ allowance. */
  byDuration: StepFigure[];
  /** Steps with open tasks, oldest first. */
  byOpenAge: OpenAgeFigure[];
}

/** Ranks steps by p90/standard ratio (from step figures) and by open-task age (SQL over open tasks). */
export async function bottlenecks(
  db: Knex,
  context: MonitoringContext,
  scope: MonitoringScope,
  steps: readonly StepFigure[],
  now: Date,
  options: { minVisits?: number; limit?: number } = {},
): Promise<Bottlenecks> {
  const minVisits = options.minVisits ?? 1;
  const limit = options.limit ?? 10;
  const byDuration = steps
    .filter((s) => s.p90Ratio !== null && s.timed >= minVisits)
    .sort((a, b) => (b.p90Ratio ?? 0) - (a.p90Ratio ?? 0) || b.timed - a.timed)
    .slice(0, limit);
  const rows = await bottleneckRows(db, scope, now);
  const byOpenAge = rows
    .map((r) => ({
      sopId: r.sop_id,
      sopName: sopName(context, r.sop_id),
      stepId: r.step_id,
      activity: stepActivity(context, r.sop_id, r.step_id),
      stepIndex: stepIndex(context, r.sop_id, r.step_id),
      openTasks: r.open_tasks,
      overdueTasks: r.overdue,
      medianAgeMinutes: rounded(r.median_age),
      maxAgeMinutes: rounded(r.max_age),
      waitingForApplicant: r.waiting,
    }))
    .sort((a, b) => (b.maxAgeMinutes ?? -1) - (a.maxAgeMinutes ?? -1) || b.openTasks - a.openTasks)
    .slice(0, limit);
  return { byDuration, byOpenAge };
}
