import { randomBytes, randomUUID } from 'node:crypto';
import { prepareRejectionLetter } from './letters/rejectionLetter.ts';
import type { Knex } from 'knex';
import { applyCommand } from '../core/applyCommand.ts';
import type { CaseCommand, CaseState, EngineError, EngineErrorCode } from '../core/caseTypes.ts';
import type { CaseEvent } from '../core/events.ts';
import type { SopDefinition } from '../definition/sopTypes.ts';
import {
  ConcurrentChangeError,
  insertCase,
  isCaseMovedAtCommit,
  loadCase,
  loadCaseOfTask,
  saveTransition,
  type StoredCase,
} from '../storage/caseRepository.ts';
import { getLatestVersion } from '../storage/definitionRepository.ts';
import { planNotifications } from '../notifications/planNotifications.ts';
import { AppError, type AppErrorCode } from './appErrors.ts';
import type { AuthUser } from './authUser.ts';
import { executableOf, executableOfVersionId } from './executableCache.ts';
import type { ActiveDelegation } from './permissions/accessProfile.ts';
import { resolveActor } from './resolveActor.ts';
import { regionsOf } from '../regions/regionData.ts';
import { sqlOf, type Sql } from '../storage/sql.ts';

/** What a command returns to the API. */
export interface CaseCommandOutcome {
  caseId: string;
  trackingCode: string;
  state: CaseState;
  events: CaseEvent[];
  /** The definition the case runs (its own version): replies decide from it what a reader gets. */
  definition: SopDefinition;
}

const ENGINE_STATUS: Record<EngineErrorCode, AppErrorCode> = {
  TASK_NOT_FOUND: 'NOT_FOUND',
  TASK_NOT_OPEN: 'CONFLICT',
  NOT_YOUR_TASK: 'FORBIDDEN',
  TASK_NOT_ASSIGNED: 'CONFLICT',
  CASE_NOT_OPEN: 'CONFLICT',
  CASE_ALREADY_STARTED: 'CONFLICT',
  FORM_INVALID: 'VALIDATION_FAILED',
  REQUIREMENTS_INCOMPLETE: 'UNPROCESSABLE',
  CHOICE_REQUIRED: 'UNPROCESSABLE',
  UNKNOWN_CHOICE: 'VALIDATION_FAILED',
  SEND_BACK_NOT_ALLOWED: 'UNPROCESSABLE',
  REASON_REQUIRED: 'VALIDATION_FAILED',
};

function engineFailure(error: EngineError): AppError {
  return new AppError(ENGINE_STATUS[error.code], error.message, error.path, error.details, error.code);
}

const TRACKING_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A short code the applicant can type on the public status page (no personal data in it). */
export function newTrackingCode(): string {
  const bytes = randomBytes(10);
  return `ALR-${Array.from(bytes, (b) => TRACKING_ALPHABET[b % TRACKING_ALPHABET.length]).join('')}`;
}

/** Opens a case of the latest published version of an SOP in the user's regency. */
export async function openCase(
  db: Knex,
  user: AuthUser,
  sopId: string,
  data: Record<string, unknown>,
  now = new Date(),
): Promise<CaseCommandOutcome> {
  const version = await getLatestVersion(db, user.regencyId, sopId);
  if (!version) throw new AppError('NOT_FOUND', `Layanan "${sopId}" tidak ditemukan atau belum diterbitkan.`, '/sopId');
  const { exe, calendar } = executableOf(version);
  const first = exe.definition.steps[0];
  const firstRole = first ? exe.definition.actors.find((a) => a.id === first.actors[0])?.performerRole : undefined;
  const by = await resolveActor(sqlOf(db), user, now, firstRole !== undefined ? { role: firstRole } : undefined);
  const caseId = randomUUID();
  const regions = regionsOf(user.regencyId);
  const result = await applyCommand(
    exe,
    undefined,
    { type: 'start', caseId, data },
    { now, calendar, by, ...(regions ? { regions } : {}) },
  );
  if (!result.ok) throw engineFailure(result.error);
  const trackingCode = newTrackingCode();
  const notifications = planNotifications({ definition: exe.definition, ...result, trackingCode });
  await db.transaction((trx) =>
    insertCase(trx, { versionId: version.id, trackingCode, state: result.state, events: result.events, notifications }),
  );
  return { caseId, trackingCode, state: result.state, events: result.events, definition: exe.definition };
}

type CaseLoader = () => Promise<StoredCase | undefined>;

/** How often a command is re-run on a fresher state before the request gives up with 409. */
const MAX_ATTEMPTS = 5;

/**
 * Runs a request whose case save goes with its transaction's COMMIT (the server's direct routes) again,
 * from the start, when that save found the case changed by someone else's command: the whole transaction
 * then rolled back, so the next attempt reads the fresh case, as runOnCase's own retry does in a
 * transaction that can still answer. After MAX_ATTEMPTS the request gives up with 409.
 */
export async function retryWhenCaseMoved<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (!isCaseMovedAtCommit(error)) throw error;
      if (attempt >= MAX_ATTEMPTS) throw new AppError('CONFLICT', new ConcurrentChangeError().message);
    }
  }
}

/**
 * Loads the case, runs the pure transition and saves it if the revision did not move. When it moved
 * (someone else's command landed first, e.g. the other participant of a joint step finished their own
 * task), the case is read again and the same command re-run on the fresh state: if it is still valid
 * there it is saved, and only a command the new state refuses (the same task already done) is a 409.
 * Each statement of the request's transaction sees the latest commit (READ COMMITTED), and a revision
 * miss writes nothing and raises no database error, so the retry runs in the same transaction.
 */
async function runOnCase(
  sql: Sql,
  user: AuthUser,
  load: CaseLoader,
  build: (stored: StoredCase) => { command: CaseCommand; task?: { role: string; assignee?: string } },
  now: Date,
  delegations?: readonly ActiveDelegation[],
): Promise<CaseCommandOutcome> {
  for (let attempt = 1; ; attempt++) {
    const stored = await load();
    if (!stored) throw new AppError('NOT_FOUND', 'Kasus tidak ditemukan.');
    const compiled = await executableOfVersionId(sql, user.regencyId, stored.versionId);
    if (!compiled) throw new AppError('INTERNAL', 'Versi SOP kasus ini tidak ditemukan.');
    const { exe, calendar } = compiled;
    const { command, task } = build(stored);
    const by = await resolveActor(sql, user, now, task, delegations);
    const regions = regionsOf(user.regencyId);
    const result = await applyCommand(exe, stored.state, command, {
      now,
      calendar,
      by,
      ...(regions ? { regions } : {}),
    });
    if (!result.ok) throw engineFailure(result.error);
    const notifications = planNotifications({
      definition: exe.definition,
      ...result,
      trackingCode: stored.trackingCode,
    });
    try {
      await saveTransition(sql, stored, result.state, result.events, notifications);
    } catch (error) {
      if (error instanceof ConcurrentChangeError) {
        if (attempt < MAX_ATTEMPTS) continue;
        throw new AppError('CONFLICT', error.message);
      }
      // A unique-key clash on (case_id, seq) is the same race seen from the events table.
      if (error instanceof Error && 'code' in error && (error as { code: unknown }).code === '23505')
        throw new AppError('CONFLICT', new ConcurrentChangeError().message);
      throw error;
    }
    return {
      caseId: stored.id,
      trackingCode: stored.trackingCode,
      state: result.state,
      events: result.events,
      definition: exe.definition,
    };
  }
}

/** Runs a task command (complete, send back, reassign) in the user's regency, in the request's transaction. */
export async function runTaskCommand(
  sql: Sql,
  user: AuthUser,
  taskId: string,
  command: Extract<CaseCommand, { type: 'complete' | 'sendBack' | 'reassign' | 'release' }>,
  now = new Date(),
  /** The user's active delegations when the caller already has them (the session's access profile). */
  delegations?: readonly ActiveDelegation[],
): Promise<CaseCommandOutcome> {
  const found = await loadCaseOfTask(sql, user.regencyId, taskId);
  if (!found) throw new AppError('NOT_FOUND', 'Tugas tidak ditemukan.');
  // The first attempt uses the case just read; a retry after a concurrent change reads it again.
  let first: StoredCase | undefined = found;
  return runOnCase(
    sql,
    user,
    async () => {
      const stored = first ?? (await loadCaseOfTask(sql, user.regencyId, taskId));
      first = undefined;
      return stored;
    },
    (stored) => {
      const task = stored.state.tasks.find((t) => t.id === taskId);
      return {
        command,
        ...(task
          ? { task: task.assignee !== undefined ? { role: task.role, assignee: task.assignee } : { role: task.role } }
          : {}),
      };
    },
    now,
    delegations,
  );
}

/** Runs a case command (cancel, reject, close) in the user's regency. */
export async function runCaseCommand(
  db: Knex,
  user: AuthUser,
  caseId: string,
  command: Extract<CaseCommand, { type: 'cancel' | 'reject' | 'close' }>,
  now = new Date(),
): Promise<CaseCommandOutcome> {
  const outcome = await runOnCase(
    sqlOf(db),
    user,
    () => loadCase(db, user.regencyId, caseId),
    () => ({ command }),
    now,
  );
  // A rejection issues the SOP's rejection letter, when it declares one: prepared now, signed by its signer.
  if (command.type === 'reject') await prepareRejectionLetter(db, user, caseId, now);
  return outcome;
}

/** Records an issued (or revoked) document on the case timeline, as the issuing (or revoking) user. */
export async function recordIssuedOutput(
  db: Knex,
  user: AuthUser,
  caseId: string,
  command: Extract<CaseCommand, { type: 'recordOutput' | 'recordRevocation' }>,
  now = new Date(),
): Promise<CaseCommandOutcome> {
  return runOnCase(
    sqlOf(db),
    user,
    () => loadCase(db, user.regencyId, caseId),
    () => ({ command }),
    now,
  );
}

/** Records a step of the archive control register on the case timeline, as the acting user. */
export async function recordArchiveOnCase(
  db: Knex,
  user: AuthUser,
  caseId: string,
  command: Extract<CaseCommand, { type: 'recordArchive' }>,
  now = new Date(),
): Promise<CaseCommandOutcome> {
  return runOnCase(
    sqlOf(db),
    user,
    () => loadCase(db, user.regencyId, caseId),
    () => ({ command }),
    now,
  );
}

/** Runs a system command (the overdue sweep, retention anonymisation) on a case, without a user. */
export async function runSystemCommand(
  db: Knex,
  regencyId: string,
  caseId: string,
  command: Extract<CaseCommand, { type: 'markOverdue' | 'anonymise' | 'recomputeDeadlines' }>,
  now = new Date(),
): Promise<CaseCommandOutcome> {
  const system: AuthUser = { id: 'sistem', regencyId, username: 'sistem', name: 'Sistem Alur', roles: [] };
  return runOnCase(
    sqlOf(db),
    system,
    () => loadCase(db, regencyId, caseId),
    () => ({ command }),
    now,
  );
}

/**
 * Completes a service step's task with what its connector answered, as the system acting in the task's
 * role. The engine marks the completion `via: connector`; staff completing it instead must give a reason.
 */
export async function completeByConnector(
  db: Knex,
  regencyId: string,
  caseId: string,
  taskId: string,
  connectorName: string,
  formData: Record<string, unknown>,
  now = new Date(),
): Promise<CaseCommandOutcome> {
  const stored = await loadCase(db, regencyId, caseId);
  const role = stored?.state.tasks.find((t) => t.id === taskId)?.role;
  const system: AuthUser = {
    id: 'sistem',
    regencyId,
    username: 'sistem',
    name: `Sistem Alur (${connectorName})`,
    roles: role !== undefined ? [role] : [],
  };
  return runOnCase(
    sqlOf(db),
    system,
    () => Promise.resolve(stored),
    () => ({ command: { type: 'complete', taskId, formData, via: 'connector' } }),
    now,
  );
}
