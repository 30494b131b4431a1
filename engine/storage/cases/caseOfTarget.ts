import { Type } from '@sinclair/typebox';
import { CASE_SELECT, CaseColumns, rememberCaseOfTask, toStoredCase } from '../caseRepository.ts';
import { Nullable } from '../rowColumns.ts';
import { rowDecoder } from '../rowDecoder.ts';
import type { Sql } from '../sql.ts';
import { VISIBLE_CASE_SQL, visibleCaseValues, type CaseScope } from './caseVisibility.ts';
import { takeRememberedCase } from './rememberedCases.ts';

/** The case a row points at, and whether the scope admits that case. */
export interface TargetCase {
  caseId: string;
  visible: boolean;
}

/** Tables a path parameter may name, with the column that holds their case. */
const CASE_COLUMN: Readonly<Record<string, string>> = {
  cases: 'id',
  tasks: 'case_id',
  attachments: 'case_id',
  issued_documents: 'case_id',
  archive_requests: 'case_id',
  letter_drafts: 'case_id',
};

const caseOfTaskRow = rowDecoder(
  'tasks → cases (case of a task)',
  Type.Object({ ...CaseColumns, visible: Type.Boolean() }),
);
const caseOfRow = rowDecoder('case of a path target', Type.Object({ case_id: Type.String(), visible: Type.Boolean() }));
const unitRow = rowDecoder('definitions (unit of a case)', Type.Object({ unit: Nullable(Type.String()) }));

// The task's whole case row comes along: the command on that task in the same transaction reuses it (one read).
const CASE_OF_TASK_SQL = `SELECT ${CASE_SELECT}, ${VISIBLE_CASE_SQL} AS visible
  FROM tasks x JOIN cases c ON c.id = x.case_id
 WHERE x.id = ? AND x.regency_id = ? AND c.regency_id = ?`;

function caseOfRowSql(table: string, column: string): string {
  if (table === 'cases')
    return `SELECT c.id AS case_id, ${VISIBLE_CASE_SQL} AS visible FROM cases c WHERE c.id = ? AND c.regency_id = ?`;
  return `SELECT c.id AS case_id, ${VISIBLE_CASE_SQL} AS visible
  FROM ${table} x JOIN cases c ON c.id = x.${column}
 WHERE x.id = ? AND x.regency_id = ?`;
}

/**
 * The case of row `id` of `table` (the case itself, or a row with a `case_id`) in the regency, with
 * visibility decided in the same statement. A task's case row is kept for the command on that task
 * (the hot path: one read).
 */
export async function caseOfTarget(
  sql: Sql,
  table: string,
  id: string,
  regencyId: string,
  scope: CaseScope,
): Promise<TargetCase | undefined> {
  const column = CASE_COLUMN[table];
  if (column === undefined) throw new Error(`No case column known for table ${table}`);
  const visibility = visibleCaseValues(scope);
  if (table === 'tasks') {
    // A case row this process saved itself: its visibility is checked by the save (rememberedCases.ts).
    const remembered = takeRememberedCase(sql, regencyId, id, scope);
    if (remembered) {
      rememberCaseOfTask(sql, regencyId, id, remembered);
      return { caseId: remembered.id, visible: true };
    }
    const [row] = caseOfTaskRow.rows(
      await sql.rows<unknown>(CASE_OF_TASK_SQL, [...visibility, id, regencyId, regencyId]),
    );
    if (!row) return undefined;
    rememberCaseOfTask(sql, regencyId, id, toStoredCase(row));
    return { caseId: row.id, visible: row.visible };
  }
  const [row] = caseOfRow.rows(await sql.rows<unknown>(caseOfRowSql(table, column), [...visibility, id, regencyId]));
  return row && { caseId: row.case_id, visible: row.visible };
}

/** The unit of the SOP a case belongs to (null when the SOP names none). */
export async function unitOfCaseSop(sql: Sql, caseId: string): Promise<string | null> {
  const [row] = unitRow.rows(
    await sql.rows<unknown>(
      `SELECT d.unit FROM cases c LEFT JOIN definitions d ON d.regency_id = c.regency_id AND d.sop_id = c.sop_id WHERE c.id = ?`,
      [caseId],
    ),
  );
  return row?.unit ?? null;
}
