import { Type, type Static } from '@sinclair/typebox';
import type { Knex } from 'knex';
import { sopCondition, type PeriodScope } from './sopCondition.ts';
import { sqlRows } from '../sqlRows.ts';
import { Nullable, Timestamp } from '../rowColumns.ts';
import { rowDecoder } from '../rowDecoder.ts';

/** One row of satisfactionRows: per service, or the whole office when `overall` is 1 (ROLLUP). */
export type SatisfactionRow<Element extends string> = Record<Element, number | null> & {
  sop_id: string | null;
  overall: number;
  responses: number;
  // Null over no responses (the ROLLUP total of an empty period), as are the element averages.
  ikm: number | null;
};

const SatisfactionCommentRowSchema = Type.Object({
  sop_id: Type.String(),
  comment: Type.String(),
  submitted_at: Timestamp,
});

// The element columns vary with the regency's survey, so they are checked as "every other column is a number"
// (or null: one compiled check for every survey) and typed for any element name.
const satisfactionRowDecoder = rowDecoder(
  'satisfactionRows',
  Type.Unsafe<SatisfactionRow<string>>(
    Type.Object(
      {
        sop_id: Nullable(Type.String()),
        overall: Type.Number(),
        responses: Type.Number(),
        ikm: Nullable(Type.Number()),
      },
      { additionalProperties: Nullable(Type.Number()) },
    ),
  ),
);

/** One row of satisfactionCommentRows. */
export type SatisfactionCommentRow = Static<typeof SatisfactionCommentRowSchema>;

// Compiled once, at module load.
const satisfactionCommentRowDecoder = rowDecoder('satisfactionCommentRows', SatisfactionCommentRowSchema);

function submittedIn(scope: PeriodScope): { sql: string; bindings: Knex.RawBinding[] } {
  const sop = sopCondition(scope, 's');
  return {
    sql: `s.regency_id = ? AND s.submitted_at >= ? AND s.submitted_at < ?${sop.sql}`,
    bindings: [scope.regencyId, scope.from, scope.to, ...sop.bindings],
  };
}

/**
 * Survey answers submitted in the period per service and for the office (ROLLUP): element averages and
 * the IKM, their mean × 25 (PermenPANRB 14/2017, equal weights). `elements` are column names.
 */
export async function satisfactionRows<Element extends string>(
  db: Knex,
  scope: PeriodScope,
  elements: readonly Element[],
): Promise<Array<SatisfactionRow<Element>>> {
  const where = submittedIn(scope);
  const averages = elements.map((e) => `avg(s.${e})::float8 AS ${e}`).join(', ');
  const index = `((${elements.map((e) => `avg(s.${e})`).join(' + ')}) / ${elements.length} * 25)::float8 AS ikm`;
  return sqlRows(
    db,
    `SELECT s.sop_id, GROUPING(s.sop_id) AS overall, count(*)::int AS responses, ${averages}, ${index} FROM survey_responses s WHERE ${where.sql} GROUP BY ROLLUP (s.sop_id)`,
    where.bindings,
    satisfactionRowDecoder,
  );
}

/** The newest written comments of the period, at most `limit`. */
export async function satisfactionCommentRows(
  db: Knex,
  scope: PeriodScope,
  limit: number,
): Promise<SatisfactionCommentRow[]> {
  const where = submittedIn(scope);
  return sqlRows(
    db,
    `SELECT s.sop_id, s.comment, s.submitted_at FROM survey_responses s WHERE ${where.sql} AND s.comment IS NOT NULL ORDER BY s.submitted_at DESC, s.id DESC LIMIT ?`,
    [...where.bindings, limit],
    satisfactionCommentRowDecoder,
  );
}
