import { Type, type Static } from '@sinclair/typebox';
import type { Knex } from 'knex';
import { sopCondition, type PeriodScope } from './sopCondition.ts';
import { sqlRows } from '../sqlRows.ts';
import { Nullable } from '../rowColumns.ts';
import { rowDecoder } from '../rowDecoder.ts';

const RejectionRateRowSchema = Type.Object({
  sop_id: Type.String(),
  decided: Type.Number(),
  rejected: Type.Number(),
});

/** One row of rejectionRateRows. */
export type RejectionRateRow = Static<typeof RejectionRateRowSchema>;

// Compiled once, at module load.
const rejectionRateRowDecoder = rowDecoder('rejectionRateRows', RejectionRateRowSchema);

const RejectionReasonRowSchema = Type.Object({
  sop_id: Type.String(),
  source: Type.Union([Type.Literal('manual'), Type.Literal('decision'), Type.Literal('flow')]),
  step_id: Nullable(Type.String()),
  reason: Nullable(Type.String()),
  cases: Type.Number(),
});

/** One row of rejectionReasonRows: where a reason came from (a written one, a decision, or the flow itself). */
export type RejectionReasonRow = Static<typeof RejectionReasonRowSchema>;

// Compiled once, at module load.
const rejectionReasonRowDecoder = rowDecoder('rejectionReasonRows', RejectionReasonRowSchema);

const FailedCriterionRowSchema = Type.Object({
  sop_id: Type.String(),
  criterion_id: Type.String(),
  text: Type.String(),
  cases: Type.Number(),
});

/** One row of failedCriterionRows. */
export type FailedCriterionRow = Static<typeof FailedCriterionRowSchema>;

// Compiled once, at module load.
const failedCriterionRowDecoder = rowDecoder('failedCriterionRows', FailedCriterionRowSchema);

const ENDED = `SELECT e.case_id, e.seq, c.sop_id, e.payload->>'outcome' AS outcome, NULLIF(btrim(regexp_replace(e.payload->>'reason', '\\s+', ' ', 'g')), '') AS manual_reason
  FROM case_events e JOIN cases c ON c.id = e.case_id AND c.regency_id = e.regency_id
  WHERE e.regency_id = ? AND e.type = 'case.ended' AND e.at >= ? AND e.at < ?`;

function ended(scope: PeriodScope, rejectedOnly: boolean): { sql: string; bindings: Knex.RawBinding[] } {
  const sop = sopCondition(scope);
  return {
    sql: `${ENDED}${rejectedOnly ? ` AND e.payload->>'outcome' = 'ditolak'` : ''}${sop.sql}`,
    bindings: [scope.regencyId, scope.from, scope.to, ...sop.bindings],
  };
}

/** Cases ended in the period per SOP: decided (not cancelled) and rejected (ditolak). */
export async function rejectionRateRows(db: Knex, scope: PeriodScope): Promise<RejectionRateRow[]> {
  const cte = ended(scope, false);
  return sqlRows(
    db,
    `WITH ended AS (${cte.sql})
     SELECT sop_id, count(*) FILTER (WHERE outcome <> 'cancelled')::int AS decided, count(*) FILTER (WHERE outcome = 'ditolak')::int AS rejected
     FROM ended GROUP BY sop_id`,
    cte.bindings,
    rejectionRateRowDecoder,
  );
}

/** Rejected cases of the period per reason: the written reason, else the last decision before the end. */
export async function rejectionReasonRows(db: Knex, scope: PeriodScope): Promise<RejectionReasonRow[]> {
  const cte = ended(scope, true);
  return sqlRows(
    db,
    `WITH ended AS (${cte.sql})
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
    cte.bindings,
    rejectionReasonRowDecoder,
  );
}

/** Kriteria Sasaran that rejected cases of the period failed in their last eligibility evaluation. */
export async function failedCriterionRows(db: Knex, scope: PeriodScope): Promise<FailedCriterionRow[]> {
  const cte = ended(scope, true);
  return sqlRows(
    db,
    `WITH ended AS (${cte.sql})
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
    cte.bindings,
    failedCriterionRowDecoder,
  );
}
