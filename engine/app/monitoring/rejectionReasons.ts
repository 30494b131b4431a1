import type { Knex } from 'knex';
import type { MonitoringScope } from './monitoringScope.ts';
import { sopCondition } from '../../storage/monitoring/sopCondition.ts';
import { sopName, stepActivity, type MonitoringContext } from './monitoringContext.ts';
import { sqlRows } from '../../storage/sqlRows.ts';
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

const ENDED = `SELECT e.case_id, e.seq, c.sop_id, e.payload->>'outcome' AS outcome, NULLIF(btrim(regexp_replace(e.payload->>'reason', '\\s+', ' ', 'g')), '') AS manual_reason
  FROM case_events e JOIN cases c ON c.id = e.case_id AND c.regency_id = e.regency_id
  WHERE e.regency_id = ? AND e.type = 'case.ended' AND e.at >= ? AND e.at < ?`;

/** Rejection reasons: case.ended with outcome ditolak, explained by its written reason or by the last decision before it. */
export async function rejectionReasons(
  db: Knex,
  context: MonitoringContext,
  scope: MonitoringScope,
): Promise<RejectionReport> {
  const sop = sopCondition(scope);
  const bindings = [scope.regencyId, scope.from, scope.to, ...sop.bindings];
  const rates = await sqlRows<{ sop_id: string; decided: number; rejected: number }>(
    db,
    `WITH ended AS (${ENDED}${sop.sql})
     SELECT sop_id, count(*) FILTER (WHERE outcome <> 'cancelled')::int AS decided, count(*) FILTER (WHERE outcome = 'ditolak')::int AS rejected
     FROM ended GROUP BY sop_id`,
    bindings,
  );
  const reasons = await sqlRows<{
    sop_id: string;
    source: RejectionReason['source'];
    step_id: string | null;
    reason: string | null;
    cases: number;
  }>(
    db,
    `WITH ended AS (${ENDED} AND e.payload->>'outcome' = 'ditolak'${sop.sql})
     SELECT ended.sop_id,
       CASE WHEN ended.manual_reason IS NOT NULL THEN 'manual' WHEN d.label IS NOT NULL THEN 'decision' ELSE 'flow' END AS source,
       d.step_id, COALESCE(ended.manual_reason, d.label) AS reason, count(*)::int AS cases
     FROM ended LEFT JOIN LATERAL (
       SELECT x.step_id, COALESCE(x.payload->>'chosen', x.payload->>'label') AS label
       FROM case_events x
       WHERE x.case_id = ended.case_id AND x.seq < ended.seq AND x.type IN ('decision.evaluated', 'decision.taken')
       ORDER BY x.seq DESC LIMIT 1
     ) d ON ended.manual_reason IS NULL
     GROUP BY 1, 2, 3, 4
     ORDER BY cases DESC, reason`,
    bindings,
  );
  const criteria = await sqlRows<{ sop_id: string; criterion_id: string; text: string; cases: number }>(
    db,
    `WITH ended AS (${ENDED} AND e.payload->>'outcome' = 'ditolak'${sop.sql})
     SELECT ended.sop_id, crit->>'id' AS criterion_id, crit->>'text' AS text, count(*)::int AS cases
     FROM ended
     JOIN LATERAL (
       SELECT x.payload FROM case_events x
       WHERE x.case_id = ended.case_id AND x.seq < ended.seq AND x.type = 'eligibility.evaluated'
       ORDER BY x.seq DESC LIMIT 1
     ) el ON true
     CROSS JOIN LATERAL jsonb_array_elements(el.payload->'criteria') AS crit
     WHERE crit->>'passed' = 'false'
     GROUP BY 1, 2, 3
     ORDER BY cases DESC, criterion_id`,
    bindings,
  );
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
