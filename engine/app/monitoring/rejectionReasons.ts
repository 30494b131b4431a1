import type { Knex } from 'knex';
import type { MonitoringScope } from './monitoringScope.ts';
import { sopName, stepActivity, type MonitoringContext } from './monitoringContext.ts';
import { failedCriterionRows, rejectionRateRows, rejectionReasonRows } from '../../storage/monitoring/rejectionRows.ts';
import { share } from './sqlValues.ts';

/** How often one reason ended cases of an SOP with "ditolak". */
export interface RejectionReason {
  sopId: string;
  sopName: string;
  /** manual: a person rejected with a written reason; decision: a decision branch led to ditolak; flow: a step ending in ditolak without a decision. */
  source: 'manual' | 'decision' | 'flow';
  /** The decision's step (for decision reasons). */
  stepId: string | null;
  activity: string;
  reason: string;
  cases: number;
  /** Share of the SOP's rejected cases in the period. */
  share: number | null;
}

/** Rejections of one SOP against all its decided cases. */
export interface RejectionRate {
  sopId: string;
  sopName: string;
  decided: number;
  rejected: number;
  rejectionRate: number | null;
}

/** A Kriteria Sasaran that the rejected cases did not meet (from the last eligibility evaluation). */
export interface FailedCriterion {
  sopId: string;
  criterionId: string;
  text: string;
  cases: number;
}

/** Rejection figures of a period. */
export interface RejectionReport {
  perSop: RejectionRate[];
  reasons: RejectionReason[];
  failedCriteria: FailedCriterion[];
}

/** Rejection reasons: case.ended with outcome ditolak, explained by its written reason or by the last decision before it. */
export async function rejectionReasons(
  db: Knex,
  context: MonitoringContext,
  scope: MonitoringScope,
): Promise<RejectionReport> {
  const rates = await rejectionRateRows(db, scope);
  const reasons = await rejectionReasonRows(db, scope);
  const criteria = await failedCriterionRows(db, scope);
  const rejectedBySop = new Map(rates.map((r) => [r.sop_id, r.rejected]));
  return {
    perSop: rates
      .map((r) => ({
        sopId: r.sop_id,
        sopName: sopName(context, r.sop_id),
        decided: r.decided,
        rejected: r.rejected,
        rejectionRate: share(r.rejected, r.decided),
      }))
      .sort((a, b) => b.rejected - a.rejected || a.sopId.localeCompare(b.sopId)),
    reasons: reasons.map((r) => ({
      sopId: r.sop_id,
      sopName: sopName(context, r.sop_id),
      source: r.source,
      stepId: r.step_id,
      activity: stepActivity(context, r.sop_id, r.step_id),
      reason: r.reason ?? 'Tanpa keterangan',
      cases: r.cases,
      share: share(r.cases, rejectedBySop.get(r.sop_id) ?? 0),
    })),
    failedCriteria: criteria.map((c) => ({
      sopId: c.sop_id,
      criterionId: c.criterion_id,
      text: c.text,
      cases: c.cases,
    })),
  };
}
