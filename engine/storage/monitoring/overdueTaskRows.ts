import type { Knex } from 'knex';
import { sopCondition, type SopScope } from './sopCondition.ts';
import { sqlRows } from '../sqlRows.ts';

/** One row of overdueByPersonRows: the overdue tasks of one assignee (or of a role nobody claimed). */
export type OverdueByPersonRow = {
  role: string;
  assignee: string | null;
  assignee_name: string | null;
  tasks: number;
  max_late: number | null;
};

/** One row of overdueTaskRows. */
export type OverdueTaskRow = {
  id: string;
  case_id: string;
  tracking_code: string;
  sop_id: string;
  step_id: string;
  role: string;
  assignee: string | null;
  assignee_name: string | null;
  created_at: Date | string;
  due_at: Date | string;
  overdue_at: Date | string | null;
  minutes_late: number;
};

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
  return sqlRows<OverdueByPersonRow>(
    db,
    `SELECT t.role, t.assignee, u.display_name AS assignee_name, count(*)::int AS tasks, (max(extract(epoch FROM ?::timestamptz - t.due_at) / 60))::float8 AS max_late
     FROM ${FROM} WHERE ${where.sql} GROUP BY t.role, t.assignee, u.display_name`,
    [now, scope.regencyId, now, ...where.bindings],
  );
}

/** Overdue open tasks at `now`, the most overdue first, at most `limit`. */
export async function overdueTaskRows(db: Knex, scope: Scope, now: Date, limit: number): Promise<OverdueTaskRow[]> {
  const where = overdueWhere(scope);
  return sqlRows<OverdueTaskRow>(
    db,
    `SELECT t.id, t.case_id, c.tracking_code, c.sop_id, t.step_id, t.role, t.assignee, u.display_name AS assignee_name, t.created_at, t.due_at, t.overdue_at,
       (extract(epoch FROM ?::timestamptz - t.due_at) / 60)::float8 AS minutes_late
     FROM ${FROM} WHERE ${where.sql} ORDER BY t.due_at, t.id LIMIT ?`,
    [now, scope.regencyId, now, ...where.bindings, limit],
  );
}
