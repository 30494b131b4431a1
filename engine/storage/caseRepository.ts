import { Type, type Static } from '@sinclair/typebox';
import type { Knex } from 'knex';
import type { CaseState, TaskState } from '../core/caseTypes.ts';
import type { CaseEvent } from '../core/events.ts';
import { caseEventRows, decodeCaseEvent } from './decodeCaseEvent.ts';
import { BigNumber, JsonObject } from './rowColumns.ts';
import { rowDecoder } from './rowDecoder.ts';
import type { PlannedNotification } from '../notifications/notificationTypes.ts';
import { insertOutboxRowsSql } from './notifications/outboxRows.ts';
import { SESSION_FINGERPRINT_SQL } from './accounts/sessionRows.ts';
import { VISIBLE_CASE_SQL } from './cases/caseVisibility.ts';
import { caseGuardOf, forgetSavedCase, rememberSavedCase } from './cases/rememberedCases.ts';
import type { Sql, SqlValue } from './sql.ts';
import { sqlRows } from './sqlRows.ts';

/** A case row as the service needs it. */
export interface StoredCase {
  id: string;
  regencyId: string;
  sopId: string;
  versionId: number;
  trackingCode: string;
  revision: number;
  state: CaseState;
}

/** Raised when another command changed the case first; the API answers 409. */
export class ConcurrentChangeError extends Error {
  readonly code = 'CONFLICT';
  constructor() {
    super('Kasus ini baru saja diubah oleh orang lain. Muat ulang halaman, lalu ulangi bila masih perlu.');
  }
}

/** The columns of a `cases` row the service reads. */
export const CaseColumns = {
  id: Type.String(),
  regency_id: Type.String(),
  sop_id: Type.String(),
  version_id: BigNumber,
  tracking_code: Type.String(),
  revision: Type.Number(),
  // The state's inside is the engine's own document, written only by saveTransition/insertCase.
  state: JsonObject<CaseState>(),
};
const CaseSchema = Type.Object(CaseColumns);

/** The select list of exactly those columns for a `cases` row aliased `c` (each column read is a column decoded per request). */
export const CASE_SELECT = Object.keys(CaseColumns)
  .map((column) => `c.${column}`)
  .join(', ');

/** A `cases` row as read. */
export type CaseRow = Static<typeof CaseSchema>;

const caseRow = rowDecoder('cases', CaseSchema);
const savedRow = rowDecoder('cases (save transition)', Type.Object({ updated: Type.Number() }));

/** A case row as the service needs it. */
export function toStoredCase(row: CaseRow): StoredCase {
  return {
    id: row.id,
    regencyId: row.regency_id,
    sopId: row.sop_id,
    versionId: Number(row.version_id),
    trackingCode: row.tracking_code,
    revision: row.revision,
    state: row.state,
  };
}

/** Loads a case, only within the given regency. */
export async function loadCase(db: Knex, regencyId: string, caseId: string): Promise<StoredCase | undefined> {
  const row = caseRow.first(await db('cases').where({ id: caseId, regency_id: regencyId }).first());
  return row ? toStoredCase(row) : undefined;
}

// Cases read while authorising a task path, kept for the command on that task in the same transaction
// (keyed by the transaction's Sql, so nothing outlives the request): one read instead of two.
const readForTask = new WeakMap<Sql, Map<string, StoredCase>>();

/** Keeps the case of a task found while authorising the request, for `loadCaseOfTask` in the same transaction. */
export function rememberCaseOfTask(sql: Sql, regencyId: string, taskId: string, stored: StoredCase): void {
  let reads = readForTask.get(sql);
  if (!reads) readForTask.set(sql, (reads = new Map<string, StoredCase>()));
  reads.set(`${regencyId}/${taskId}`, stored);
}

/** Loads the case a task belongs to in one query (or none, when this transaction's authorisation read it), only within the given regency. */
export async function loadCaseOfTask(sql: Sql, regencyId: string, taskId: string): Promise<StoredCase | undefined> {
  const key = `${regencyId}/${taskId}`;
  const read = readForTask.get(sql)?.get(key);
  if (read) {
    readForTask.get(sql)?.delete(key);
    return read;
  }
  const [row] = caseRow.rows(
    await sql.rows<unknown>(
      `SELECT ${CASE_SELECT} FROM tasks t JOIN cases c ON c.id = t.case_id WHERE t.id = ? AND t.regency_id = ? AND c.regency_id = ?`,
      [taskId, regencyId, regencyId],
    ),
  );
  return row ? toStoredCase(row) : undefined;
}

function applicantColumns(state: CaseState): { applicant_name: string | null; applicant_nik: string | null } {
  const name = state.data.fullName ?? state.data.name ?? state.data.applicantName;
  const nik = state.data.nik;
  return {
    applicant_name: typeof name === 'string' ? name : null,
    applicant_nik: typeof nik === 'string' ? nik : null,
  };
}

/** The columns of a case row that follow its state. */
interface CaseColumns {
  status: string;
  current_step: string | null;
  revision: number;
  state: string;
  due_at: string | null;
  closed_at: string | null;
  updated_at: Date;
  applicant_name: string | null;
  applicant_nik: string | null;
}

function caseColumns(state: CaseState): CaseColumns {
  return {
    status: state.status,
    current_step: state.currentStepId ?? null,
    revision: state.revision,
    state: JSON.stringify(state),
    due_at: state.dueAt ?? null,
    closed_at: state.closedAt ?? null,
    updated_at: new Date(),
    ...applicantColumns(state),
  };
}

function taskRow(state: CaseState, sopId: string, task: TaskState): Record<string, unknown> {
  return {
    id: task.id,
    case_id: state.id,
    regency_id: state.regency,
    sop_id: sopId,
    step_id: task.stepId,
    actor_id: task.actorId,
    role: task.role,
    status: task.status,
    assignee: task.assignee ?? null,
    created_at: task.createdAt,
    due_at: task.dueAt ?? null,
    completed_at: task.completedAt ?? null,
  };
}

function eventRows(state: CaseState, events: CaseEvent[]): Array<Record<string, unknown>> {
  return events.map((e) => ({
    case_id: state.id,
    regency_id: state.regency,
    seq: e.seq,
    type: e.type,
    at: e.at,
    user_id: e.by.userId,
    user_name: e.by.name,
    on_behalf_of_id: e.by.onBehalfOf?.userId ?? null,
    on_behalf_of_name: e.by.onBehalfOf?.name ?? null,
    step_id: e.stepId ?? null,
    task_id: e.taskId ?? null,
    payload: e.payload,
  }));
}

function notificationRows(state: CaseState, planned: readonly PlannedNotification[]): Array<Record<string, unknown>> {
  return planned.map((n) => ({
    regency_id: state.regency,
    case_id: state.id,
    event_seq: n.eventSeq ?? null,
    kind: n.kind,
    audience: n.audience,
    recipient_role: n.recipientRole ?? null,
    recipient_user: n.recipientUser ?? null,
    contact: n.contact ?? null,
    params: n.params,
  }));
}

async function insertEvents(trx: Knex.Transaction, state: CaseState, events: CaseEvent[]): Promise<void> {
  if (events.length === 0) return;
  await trx('case_events').insert(
    eventRows(state, events).map((row) => ({ ...row, payload: JSON.stringify(row.payload) })),
  );
}

/** Writes a new case with its first events and tasks. */
export async function insertCase(
  trx: Knex.Transaction,
  input: {
    versionId: number;
    trackingCode: string;
    state: CaseState;
    events: CaseEvent[];
    notifications?: readonly PlannedNotification[];
  },
): Promise<void> {
  const { state } = input;
  await trx('cases').insert({
    id: state.id,
    regency_id: state.regency,
    sop_id: state.sopId,
    version_id: input.versionId,
    tracking_code: input.trackingCode,
    opened_at: state.openedAt,
    ...caseColumns(state),
  });
  if (state.tasks.length > 0) await trx('tasks').insert(state.tasks.map((t) => taskRow(state, state.sopId, t)));
  await insertEvents(trx, state, input.events);
  const notifications = notificationRows(state, input.notifications ?? []);
  if (notifications.length > 0) await trx.raw(insertOutboxRowsSql(), [JSON.stringify(notifications)]);
}

// A transition's write as one statement: the case update with the revision check, then tasks, events and
// the notifications they cause (the transactional outbox) only if that update matched. One round trip, one prepared statement whatever the number of rows.
// \`caseCondition\` may add conditions on the case row \`c\` (a remembered row's guard) after its revision check.
const saveTransitionWrites = (caseCondition = ''): string => `
WITH updated AS (
  UPDATE cases c SET status = ?, current_step = ?, revision = ?, state = ?::jsonb, due_at = ?, closed_at = ?, updated_at = ?, applicant_name = ?, applicant_nik = ?
   WHERE c.id = ? AND c.regency_id = ? AND c.revision = ?${caseCondition}
  RETURNING c.id, c.xmin::text AS row_version
), written_tasks AS (
  INSERT INTO tasks (id, case_id, regency_id, sop_id, step_id, actor_id, role, status, assignee, created_at, due_at, completed_at)
  SELECT t.* FROM json_to_recordset(?::json) AS t(id text, case_id text, regency_id text, sop_id text, step_id text, actor_id text, role text, status text, assignee text, created_at timestamptz, due_at timestamptz, completed_at timestamptz)
   WHERE EXISTS (SELECT 1 FROM updated)
  ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, assignee = EXCLUDED.assignee, completed_at = EXCLUDED.completed_at,
    due_at = EXCLUDED.due_at,
    overdue_at = CASE WHEN EXCLUDED.due_at IS DISTINCT FROM tasks.due_at THEN NULL ELSE tasks.overdue_at END
  RETURNING 1
), written_events AS (
  INSERT INTO case_events (case_id, regency_id, seq, type, at, user_id, user_name, on_behalf_of_id, on_behalf_of_name, step_id, task_id, payload)
  SELECT e.* FROM json_to_recordset(?::json) AS e(case_id text, regency_id text, seq integer, type text, at timestamptz, user_id text, user_name text, on_behalf_of_id text, on_behalf_of_name text, step_id text, task_id text, payload jsonb)
   WHERE EXISTS (SELECT 1 FROM updated)
  RETURNING 1
), written_notifications AS (
  ${insertOutboxRowsSql('EXISTS (SELECT 1 FROM updated)')}
  RETURNING 1
)`;

// Answers how many case rows the update matched (0: the revision moved): the caller runs the command again.
const SAVE_TRANSITION_SQL = `${saveTransitionWrites()}
SELECT (SELECT count(*) FROM updated)::int AS updated`;

// Sent together with COMMIT, whose answer nobody waits for: a revision that moved raises 40001 (migration
// 032), the transaction is aborted, the COMMIT only rolls back and the request runs again. Its answer, read
// once committed, is the row's new version, under which this process remembers the saved case.
const atCommitSql = (caseCondition?: string): string => `${saveTransitionWrites(caseCondition)}
SELECT alur_case_saved((SELECT count(*) FROM updated)::int), (SELECT row_version FROM updated) AS row_version`;
const SAVE_TRANSITION_AT_COMMIT_SQL = atCommitSql();
// A save on a remembered case row (rememberedCases.ts): the row must still be the version remembered and
// the case visible to the user, exactly as the read this save replaces would have required.
const GUARDED_SAVE_AT_COMMIT_SQL = atCommitSql(` AND c.xmin = ?::xid AND ${VISIBLE_CASE_SQL}`);
// The same on a remembered session too: the session must still be the one remembered (nothing it decides changed).
const GUARDED_SESSION_SAVE_AT_COMMIT_SQL = atCommitSql(
  ` AND c.xmin = ?::xid AND ${VISIBLE_CASE_SQL} AND ${SESSION_FINGERPRINT_SQL} = ?`,
);

const committedRow = rowDecoder('cases (saved with COMMIT)', Type.Object({ row_version: Type.String() }));

/**
 * True for the error of a save sent with COMMIT that found the case changed (or, the same race seen from
 * the events table, a clash on a case's event number): the whole transaction rolled back and may run again.
 */
export function isCaseMovedAtCommit(error: unknown): boolean {
  if (!(error instanceof Error) || !('code' in error)) return false;
  if (error.code === '40001') return true;
  return error.code === '23505' && 'constraint' in error && error.constraint === 'case_events_case_id_seq_unique';
}

/**
 * Saves a transition if nobody changed the case since `previous.revision` was read: state, new and
 * changed tasks, events and their notifications are written by one statement, so they change together
 * or not at all.
 */
export async function saveTransition(
  sql: Sql,
  previous: StoredCase,
  state: CaseState,
  events: CaseEvent[],
  notifications: readonly PlannedNotification[] = [],
): Promise<void> {
  const before = new Map(previous.state.tasks.map((t) => [t.id, t]));
  // A task's identity columns never change, only status, assignee and completion.
  const written = state.tasks.filter((task) => {
    const old = before.get(task.id);
    return !old || old.status !== task.status || old.assignee !== task.assignee || old.dueAt !== task.dueAt;
  });
  const c = caseColumns(state);
  const values: SqlValue[] = [
    c.status,
    c.current_step,
    c.revision,
    c.state,
    c.due_at,
    c.closed_at,
    c.updated_at,
    c.applicant_name,
    c.applicant_nik,
    previous.id,
    previous.regencyId,
    previous.revision,
    JSON.stringify(written.map((t) => taskRow(state, previous.sopId, t))),
    JSON.stringify(eventRows(state, events)),
    JSON.stringify(notificationRows(state, notifications)),
  ];
  // In the server's direct request transaction the save goes with COMMIT (one round trip less); a
  // concurrent change then surfaces when the transaction ends (isCaseMovedAtCommit).
  if (sql.atCommit) {
    const saved: StoredCase = { ...previous, revision: state.revision, state };
    const remember = (rows: unknown[]): void => {
      const [row] = committedRow.rows(rows);
      if (row) rememberSavedCase(saved, row.row_version);
    };
    const guard = caseGuardOf(sql);
    if (guard?.caseId !== previous.id) return sql.atCommit(SAVE_TRANSITION_AT_COMMIT_SQL, values, remember);
    guard.saved = true;
    const conditions = [guard.rowVersion, ...guard.visibility, ...(guard.session ?? [])];
    const guarded = [...values.slice(0, 12), ...conditions, ...values.slice(12)];
    const text = guard.session ? GUARDED_SESSION_SAVE_AT_COMMIT_SQL : GUARDED_SAVE_AT_COMMIT_SQL;
    return sql.atCommit(text, guarded, remember);
  }
  // Saved outside a direct request (reassign, jobs, PGlite): a row this process remembers is outdated now.
  forgetSavedCase(previous);
  const [saved] = savedRow.rows(await sql.rows<unknown>(SAVE_TRANSITION_SQL, values));
  if (saved?.updated !== 1) throw new ConcurrentChangeError();
}

/** A case's events in order, only within the given regency. */
export async function loadEvents(
  db: Knex,
  regencyId: string,
  caseId: string,
): Promise<Array<CaseEvent & { id: number }>> {
  const rows = await sqlRows(
    db,
    'SELECT * FROM case_events WHERE case_id = ? AND regency_id = ? ORDER BY seq',
    [caseId, regencyId],
    caseEventRows,
  );
  return rows.map(decodeCaseEvent);
}
