import type { Knex } from 'knex';
import { sopCondition, type MonitoringScope } from './monitoringScope.ts';
import { sopName, stepActivity, stepIndex, type MonitoringContext } from './monitoringContext.ts';
import { sqlRows } from '../../storage/sqlRows.ts';
import { isoOrNull } from './sqlValues.ts';

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
  const sop = sopCondition(scope);
  const rows = await sqlRows<{
    sop_id: string;
    current_step: string | null;
    cases: number;
    waiting: number;
    overdue: number;
    oldest: Date | string | null;
  }>(
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
