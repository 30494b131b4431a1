import type { Knex } from 'knex';
import type { MonitoringScope } from './monitoringScope.ts';
import { sopName, stepActivity, stepIndex, type MonitoringContext } from './monitoringContext.ts';
import { isoOrNull } from './sqlValues.ts';
import { openCasesByStageRows } from '../../storage/monitoring/openCasesByStageRows.ts';

/** Open cases standing at one step of one SOP. */
export interface StageCount {
  sopId: string;
  sopName: string;
  stepId: string | null;
  activity: string;
  /** Position of the step in the SOP (charts order stages as the flow goes). */
  stepIndex: number;
  cases: number;
  /** Of which waiting for the applicant (service clock paused after a send-back). */
  waiting: number;
  /** Of which past the service deadline (Jangka Waktu) at `now`; a waiting case's clock is stopped, so it is never counted. */
  overdue: number;
  oldestOpenedAt: string | null;
}

/** Snapshot at `now`: open and waiting cases per SOP and current step (the period does not apply). */
export async function openCasesByStage(
  db: Knex,
  context: MonitoringContext,
  scope: Pick<MonitoringScope, 'regencyId' | 'sopId'>,
  now: Date,
): Promise<StageCount[]> {
  const rows = await openCasesByStageRows(db, scope, now);
  return rows
    .map((r) => ({
      sopId: r.sop_id,
      sopName: sopName(context, r.sop_id),
      stepId: r.current_step,
      activity: stepActivity(context, r.sop_id, r.current_step),
      stepIndex: stepIndex(context, r.sop_id, r.current_step),
      cases: r.cases,
      waiting: r.waiting,
      overdue: r.overdue,
      oldestOpenedAt: isoOrNull(r.oldest),
    }))
    .sort((a, b) => a.sopId.localeCompare(b.sopId) || a.stepIndex - b.stepIndex);
}
