import { Type, type Static } from '@sinclair/typebox';
import type { Knex } from 'knex';
import { sopCondition, type SopScope } from './sopCondition.ts';
import { sqlRows } from '../sqlRows.ts';
import { Nullable, Timestamp } from '../rowColumns.ts';
import { rowDecoder } from '../rowDecoder.ts';

const OpenCasesByStageRowSchema = Type.Object({
  sop_id: Type.String(),
  current_step: Nullable(Type.String()),
  cases: Type.Number(),
  waiting: Type.Number(),
  overdue: Type.Number(),
  oldest: Nullable(Timestamp),
});

/** One row of openCasesByStageRows. */
export type OpenCasesByStageRow = Static<typeof OpenCasesByStageRowSchema>;

// Compiled once, at module load.
const openCasesByStageRowDecoder = rowDecoder('openCasesByStageRows', OpenCasesByStageRowSchema);

/** Open and waiting cases per SOP and current step at `now`, with how many wait and how many are overdue. */
export async function openCasesByStageRows(
  db: Knex,
  scope: SopScope & { regencyId: string },
  now: Date,
): Promise<OpenCasesByStageRow[]> {
  const sop = sopCondition(scope);
  return sqlRows(
    db,
    `SELECT c.sop_id, c.current_step, count(*)::int AS cases,
       count(*) FILTER (WHERE c.status = 'waiting')::int AS waiting,
       count(*) FILTER (WHERE c.status = 'open' AND c.due_at < ?)::int AS overdue,
       min(c.opened_at) AS oldest
     FROM cases c
     WHERE c.regency_id = ? AND c.status IN ('open', 'waiting')${sop.sql}
     GROUP BY c.sop_id, c.current_step`,
    [now, scope.regencyId, ...sop.bindings],
    openCasesByStageRowDecoder,
  );
}
