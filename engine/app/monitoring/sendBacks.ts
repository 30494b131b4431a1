import type { Knex } from 'knex';
import type { MonitoringScope } from './monitoringScope.ts';
import { sopCondition } from '../../storage/monitoring/sopCondition.ts';
import { documentLabel, sopName, stepActivity, stepIndex, type MonitoringContext } from './monitoringContext.ts';
import { sqlRows } from '../../storage/sqlRows.ts';
import { share } from './sqlValues.ts';

/** A requirement named as missing when files were sent back. */
export interface MissingDocument {
  doc: string;
  label: string;
  /** Send-backs naming it, and distinct cases. */
  times: number;
  cases: number;
}

/** Send-backs (berkas dikembalikan) from one step. */
export interface SendBackStep {
  sopId: string;
  sopName: string;
  stepId: string;
  activity: string;
  stepIndex: number;
  /** Visits of the step in the period (step.entered), the base of the rate. */
  visits: number;
  sendBacks: number;
  cases: number;
  sendBackRate: number | null;
  /** Most often missing first. */
  missing: MissingDocument[];
  /** The most frequent written reasons (at most five). */
  reasons: Array<{ reason: string; times: number }>;
}

/** Send-backs of a period per step, and the most often missing documents per SOP. */
export interface SendBackReport {
  steps: SendBackStep[];
  /** Per SOP, the documents most often missing over all its steps. */
  missingBySop: Array<{ sopId: string; sopName: string; missing: MissingDocument[] }>;
}

const SENT_BACK = `SELECT e.case_id, e.step_id, e.payload, c.sop_id
  FROM case_events e JOIN cases c ON c.id = e.case_id AND c.regency_id = e.regency_id
  WHERE e.regency_id = ? AND e.type = 'case.sentBack' AND e.at >= ? AND e.at < ?`;

/** Send-backs per step with their rate, the most often missing requirement ids and the top reasons (SQL over case_events). */
export async function sendBacks(db: Knex, context: MonitoringContext, scope: MonitoringScope): Promise<SendBackReport> {
  const sop = sopCondition(scope);
  const bindings = [scope.regencyId, scope.from, scope.to, ...sop.bindings];
  const counts = await sqlRows<{ sop_id: string; step_id: string; visits: number; send_backs: number; cases: number }>(
    db,
    `SELECT c.sop_id, e.step_id,
       count(*) FILTER (WHERE e.type = 'step.entered')::int AS visits,
       count(*) FILTER (WHERE e.type = 'case.sentBack')::int AS send_backs,
       count(DISTINCT e.case_id) FILTER (WHERE e.type = 'case.sentBack')::int AS cases
     FROM case_events e JOIN cases c ON c.id = e.case_id AND c.regency_id = e.regency_id
     WHERE e.regency_id = ? AND e.type IN ('step.entered', 'case.sentBack') AND e.at >= ? AND e.at < ?${sop.sql}
     GROUP BY c.sop_id, e.step_id
     HAVING count(*) FILTER (WHERE e.type = 'case.sentBack') > 0`,
    bindings,
  );
  // Two groupings in one pass: per step, and per SOP over all its steps (per_sop = 1), cases counted distinct in each.
  const missing = await sqlRows<{
    sop_id: string;
    step_id: string | null;
    per_sop: number;
    doc: string;
    times: number;
    cases: number;
  }>(
    db,
    `WITH sb AS (${SENT_BACK}${sop.sql})
     SELECT sb.sop_id, sb.step_id, GROUPING(sb.step_id) AS per_sop, m.doc, count(*)::int AS times, count(DISTINCT sb.case_id)::int AS cases
     FROM sb CROSS JOIN LATERAL jsonb_array_elements_text(CASE WHEN jsonb_typeof(sb.payload->'missing') = 'array' THEN sb.payload->'missing' ELSE '[]'::jsonb END) AS m(doc)
     GROUP BY GROUPING SETS ((sb.sop_id, sb.step_id, m.doc), (sb.sop_id, m.doc))
     ORDER BY times DESC, doc`,
    bindings,
  );
  const reasons = await sqlRows<{ sop_id: string; step_id: string; reason: string; times: number }>(
    db,
    `WITH sb AS (${SENT_BACK}${sop.sql}), counted AS (
       SELECT sop_id, step_id, btrim(regexp_replace(payload->>'reason', '\\s+', ' ', 'g')) AS reason, count(*)::int AS times
       FROM sb GROUP BY 1, 2, 3
     ), ranked AS (
       SELECT counted.*, row_number() OVER (PARTITION BY sop_id, step_id ORDER BY times DESC, reason) AS rank FROM counted
     )
     SELECT sop_id, step_id, reason, times FROM ranked WHERE rank <= 5 ORDER BY times DESC, reason`,
    bindings,
  );
  const toMissing = (sopId: string, r: { doc: string; times: number; cases: number }): MissingDocument => ({
    doc: r.doc,
    label: documentLabel(context, sopId, r.doc),
    times: r.times,
    cases: r.cases,
  });
  const steps = counts
    .map((c) => ({
      sopId: c.sop_id,
      sopName: sopName(context, c.sop_id),
      stepId: c.step_id,
      activity: stepActivity(context, c.sop_id, c.step_id),
      stepIndex: stepIndex(context, c.sop_id, c.step_id),
      visits: c.visits,
      sendBacks: c.send_backs,
      cases: c.cases,
      sendBackRate: share(c.send_backs, c.visits),
      missing: missing
        .filter((m) => m.per_sop === 0 && m.sop_id === c.sop_id && m.step_id === c.step_id)
        .map((m) => toMissing(c.sop_id, m)),
      reasons: reasons
        .filter((r) => r.sop_id === c.sop_id && r.step_id === c.step_id)
        .map((r) => ({ reason: r.reason, times: r.times })),
    }))
    .sort((a, b) => a.sopId.localeCompare(b.sopId) || a.stepIndex - b.stepIndex);
  const sopIds = [...new Set(missing.filter((m) => m.per_sop === 1).map((m) => m.sop_id))].sort();
  const missingBySop = sopIds.map((sopId) => ({
    sopId,
    sopName: sopName(context, sopId),
    missing: missing.filter((m) => m.per_sop === 1 && m.sop_id === sopId).map((m) => toMissing(sopId, m)),
  }));
  return { steps, missingBySop };
}
