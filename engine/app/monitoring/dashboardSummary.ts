import type { Knex } from 'knex';
import { complaintsPerService, type ComplaintReport } from './complaintsPerService.ts';
import type { MonitoringRequest } from './monitoringRequest.ts';
import { onTimeRate, type SopOnTime } from './onTimeRate.ts';
import { openCasesByStage, type StageCount } from './openCasesByStage.ts';
import { openedClosedPerPeriod, type OpenedClosedSeries } from './openedClosedPerPeriod.ts';
import { overdueTasks, type OverdueByUnit } from './overdueTasks.ts';
import { satisfactionByService, type SatisfactionFigure } from './satisfaction/satisfactionByService.ts';
import { stepDurations } from './stepDurations.ts';

/** The dashboard's first screen in one answer: tiles and the two main charts. */
export interface DashboardSummary {
  period: { from: string; to: string };
  sopId: string | null;
  openedClosed: OpenedClosedSeries;
  openByStage: StageCount[];
  onTime: SopOnTime[];
  overdue: { total: number; byUnit: OverdueByUnit[] };
  complaints: ComplaintReport;
  satisfaction: SatisfactionFigure | null;
}

/** Composes the summary from the per-figure modules (each one SQL query or two), in one transaction. */
export async function dashboardSummary(db: Knex, request: MonitoringRequest): Promise<DashboardSummary> {
  const { context, scope, bucket, now } = request;
  const openedClosed = await openedClosedPerPeriod(db, scope, bucket, context.calendar.offsetMinutes);
  const openByStage = await openCasesByStage(db, context, scope, now);
  const steps = await stepDurations(db, context, scope, now);
  const onTime = await onTimeRate(db, context, scope, steps);
  const overdue = await overdueTasks(db, context, scope, now, 1);
  const complaints = await complaintsPerService(db, context, scope);
  const satisfaction = await satisfactionByService(db, context, scope, 0);
  return {
    period: { from: scope.from.toISOString(), to: scope.to.toISOString() },
    sopId: scope.sopId ?? null,
    openedClosed,
    openByStage,
    onTime,
    overdue: { total: overdue.total, byUnit: overdue.byUnit },
    complaints,
    satisfaction: scope.sopId !== undefined ? (satisfaction.perService[0] ?? null) : satisfaction.overall,
  };
}
