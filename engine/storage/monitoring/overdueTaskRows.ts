import { Type, type Static } from '@sinclair/typebox';
import type { Knex } from 'knex';
import { sopCondition, type SopScope } from './sopCondition.ts';
import { sqlRows } from '../sqlRows.ts';
import { Nullable, Timestamp } from '../rowColumns.ts';
import { rowDecoder } from '../rowDecoder.ts';

const OverdueByPersonRowSchema = Type.Object({
  role: Type.String(),
  assignee: Nullable(Type.String()),
  assignee_name: Nullable(Type.String()),
  tasks: Type.Number(),
  max_late: Nullable(Type.Number()),
});

/** One row of overdueByPersonRows: the overdue tasks of one assignee (or of a role nobody claimed). */
export type OverdueByPersonRow = Static<typeof OverdueByPersonRowSchema>;

// Compiled once, at module load.
const overdueByPersonRowDecoder = rowDecoder('overdueByPersonRows', OverdueByPersonRowSchema);

const OverdueTaskRowSchema = Type.Object({
  id: Type.String(),
  case_id: Type.String(),
  tracking_code: Type.String(),
  sop_id: Type.String(),
  step_id: Type.String(),
  role: Type.String(),
  assignee: Nullable(Type.String()),
  assignee_name: Nullable(Type.String()),
  created_at: Timestamp,
  due_at: Timestamp,
  overdue_at: Nullable(Timestamp),
  minutes_late: Type.Number(),
});

/** One row of overdueTaskRows. */
export type OverdueTaskRow = Static<typeof OverdueTaskRowSchema>;

// Compiled once, at module load.
const overdueTaskRowDecoder = rowDecoder('overdueTaskRows', OverdueTaskRowSchema);

type Scope = SopScope & { regencyId: string };

// Open tasks past due, of cases the office works on (a case waiting for the applicant has its clock stopped).
const FROM = `tasks t JOIN cases c ON c.id = t.case_id AND c.regency_id = t.regency_id LEFT JOIN users u ON u.id = t.assignee AND u.regency_id = t.regency_id`;

function overdueWhere(scope: Scope): { sql: string; bindings: string[] } {
  const sop = sopCondition(scope);
  return {
    sql: `t.regency_id = ? AND t.status = 'open' AND t.due_at < ? AND c.status = 'open'${sop.sql}`,
    bindings: sop.bindings,
  };
}

/** Overdue open tasks at `now` per role and assignee, with the most minutes late. */
export async function overdueByPersonRows(db: Knex, scope: Scope, now: Date): Promise<OverdueByPersonRow[]> {
  const where = overdueWhere(scope);
  return sqlRows(
    db,
    `SELECT t.role, t.assignee, u.display_name AS assignee_name, count(*)::int AS tasks, (max(extract(epoch FROM ?::timestamptz - t.due_at) / 60))::float8 AS max_late
     FROM ${FROM} WHERE ${where.sql} GROUP BY t.role, t.assignee, u.display_name`,
    [now, scope.regencyId, now, ...where.bindings],
    overdueByPersonRowDecoder,
  );
}

/** Overdue open tasks at `now`, the most overdue first, at most `limit`. */
export async function overdueTaskRows(db: Knex, scope: Scope, now: Date, limit: number): Promise<OverdueTaskRow[]> {
  const where = overdueWhere(scope);
  return sqlRows(
    db,
    `SELECT t.id, t.case_id, c.tracking_code, c.sop_id, t.step_id, t.role, t.assignee, u.display_name AS assignee_name, t.created_at, t.due_at, t.overdue_at,
       (extract(epoch FROM ?::timestamptz - t.due_at) / 60)::float8 AS minutes_late
     FROM ${FROM} WHERE ${where.sql} ORDER BY t.due_at, t.id LIMIT ?`,
    [now, scope.regencyId, now, ...where.bindings, limit],
    overdueTaskRowDecoder,
  );
}
