import { Type, type Static } from '@sinclair/typebox';
import type { Knex } from 'knex';
import { sopCondition, type PeriodScope } from './sopCondition.ts';
import { sqlRows } from '../sqlRows.ts';
import { Nullable } from '../rowColumns.ts';
import { rowDecoder } from '../rowDecoder.ts';

const SendBackCountRowSchema = Type.Object({
  sop_id: Type.String(),
  step_id: Type.String(),
  visits: Type.Number(),
  send_backs: Type.Number(),
  cases: Type.Number(),
});

/** One row of sendBackCountRows. */
export type SendBackCountRow = Static<typeof SendBackCountRowSchema>;

// Compiled once, at module load.
const sendBackCountRowDecoder = rowDecoder('sendBackCountRows', SendBackCountRowSchema);

const MissingDocumentRowSchema = Type.Object({
  sop_id: Type.String(),
  step_id: Nullable(Type.String()),
  per_sop: Type.Number(),
  doc: Type.String(),
  times: Type.Number(),
  cases: Type.Number(),
});

/** One row of missingDocumentRows: per step (per_sop 0) or per SOP over all its steps (per_sop 1). */
export type MissingDocumentRow = Static<typeof MissingDocumentRowSchema>;

// Compiled once, at module load.
const missingDocumentRowDecoder = rowDecoder('missingDocumentRows', MissingDocumentRowSchema);

const SendBackReasonRowSchema = Type.Object({
  sop_id: Type.String(),
  step_id: Type.String(),
  reason: Type.String(),
  times: Type.Number(),
});

/** One row of sendBackReasonRows. */
export type SendBackReasonRow = Static<typeof SendBackReasonRowSchema>;

// Compiled once, at module load.
const sendBackReasonRowDecoder = rowDecoder('sendBackReasonRows', SendBackReasonRowSchema);

const SENT_BACK = `SELECT e.case_id, e.step_id, e.payload, c.sop_id
  FROM case_events e JOIN cases c ON c.id = e.case_id AND c.regency_id = e.regency_id
  WHERE e.regency_id = ? AND e.type = 'case.sentBack' AND e.at >= ? AND e.at < ?`;

function periodBindings(scope: PeriodScope, sop: { bindings: string[] }): Knex.RawBinding[] {
  return [scope.regencyId, scope.from, scope.to, ...sop.bindings];
}

/** Visits and send-backs per SOP and step in the period, for steps that sent files back at least once. */
export async function sendBackCountRows(db: Knex, scope: PeriodScope): Promise<SendBackCountRow[]> {
  const sop = sopCondition(scope);
  return sqlRows(
    db,
    `SELECT c.sop_id, e.step_id,
       count(*) FILTER (WHERE e.type = 'step.entered')::int AS visits,
       count(*) FILTER (WHERE e.type = 'case.sentBack')::int AS send_backs,
       count(DISTINCT e.case_id) FILTER (WHERE e.type = 'case.sentBack')::int AS cases
     FROM case_events e JOIN cases c ON c.id = e.case_id AND c.regency_id = e.regency_id
     WHERE e.regency_id = ? AND e.type IN ('step.entered', 'case.sentBack') AND e.at >= ? AND e.at < ?${sop.sql}
     GROUP BY c.sop_id, e.step_id
     HAVING count(*) FILTER (WHERE e.type = 'case.sentBack') > 0`,
    periodBindings(scope, sop),
    sendBackCountRowDecoder,
  );
}

/** The requirements named missing in send-backs of the period, per step and per SOP, most often first. */
export async function missingDocumentRows(db: Knex, scope: PeriodScope): Promise<MissingDocumentRow[]> {
  const sop = sopCondition(scope);
  // Two groupings in one pass: per step, and per SOP over all its steps (per_sop = 1), cases counted distinct in each.
  return sqlRows(
    db,
    `WITH sb AS (${SENT_BACK}${sop.sql})
     SELECT sb.sop_id, sb.step_id, GROUPING(sb.step_id) AS per_sop, m.doc, count(*)::int AS times, count(DISTINCT sb.case_id)::int AS cases
     FROM sb CROSS JOIN LATERAL jsonb_array_elements_text(CASE WHEN jsonb_typeof(sb.payload->'missing') = 'array' THEN sb.payload->'missing' ELSE '[]'::jsonb END) AS m(doc)
     GROUP BY GROUPING SETS ((sb.sop_id, sb.step_id, m.doc), (sb.sop_id, m.doc))
     ORDER BY times DESC, doc`,
    periodBindings(scope, sop),
    missingDocumentRowDecoder,
  );
}

/** The five most frequent written send-back reasons per SOP and step in the period. */
export async function sendBackReasonRows(db: Knex, scope: PeriodScope): Promise<SendBackReasonRow[]> {
  const sop = sopCondition(scope);
  return sqlRows(
    db,
    `WITH sb AS (${SENT_BACK}${sop.sql}), counted AS (
       SELECT sop_id, step_id, btrim(regexp_replace(payload->>'reason', '\\s+', ' ', 'g')) AS reason, count(*)::int AS times
       FROM sb GROUP BY 1, 2, 3
     ), ranked AS (
       SELECT counted.*, row_number() OVER (PARTITION BY sop_id, step_id ORDER BY times DESC, reason) AS rank FROM counted
     )
     SELECT sop_id, step_id, reason, times FROM ranked WHERE rank <= 5 ORDER BY times DESC, reason`,
    periodBindings(scope, sop),
    sendBackReasonRowDecoder,
  );
}
