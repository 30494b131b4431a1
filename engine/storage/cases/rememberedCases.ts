import type { StoredCase } from '../caseRepository.ts';
import type { Sql, SqlValue } from '../sql.ts';
import { sessionFingerprintValues } from '../accounts/sessionRows.ts';
import { visibleCaseValues, type CaseScope } from './caseVisibility.ts';

/**
 * Case rows this process saved lately, by each of their open tasks, so that the next step command on
 * such a task can skip reading its case (the hot path: a case's next step is most often completed
 * through the process that saved the last one). Nothing remembered is trusted: a command on a
 * remembered row writes only if, when its save runs, the row is still the version this process's COMMIT
 * left (`xmin`, new with every update of the row, whoever makes it) and the case is still visible to the
 * user (the same rule as the read it replaces). Otherwise the save changes nothing, the transaction rolls
 * back and the request runs again reading the case (RememberedCaseRefused).
 */
interface Remembered {
  stored: StoredCase;
  /** The row's `xmin` after the COMMIT that saved it. */
  rowVersion: string;
  at: number;
}

// Bounded by count and age: the oldest entries go first (a Map iterates in insertion order).
const KEPT = 2_000;
const KEPT_MS = 10 * 60_000;
const byTask = new Map<string, Remembered>();

/** Remembers a case row this process has just committed, under each of its open tasks. */
export function rememberSavedCase(stored: StoredCase, rowVersion: string, now = Date.now()): void {
  for (const task of stored.state.tasks) {
    if (task.status !== 'open') continue;
    byTask.delete(task.id);
    byTask.set(task.id, { stored, rowVersion, at: now });
  }
  while (byTask.size > KEPT) byTask.delete(byTask.keys().next().value!);
}

/** Forgets a case's remembered row (saved some other way: the remembered version is about to be outdated). */
export function forgetSavedCase(stored: StoredCase): void {
  for (const task of stored.state.tasks) if (byTask.get(task.id)?.stored.id === stored.id) byTask.delete(task.id);
}

/** What a transaction took from memory instead of reading: the conditions its case save must carry. */
export interface CaseGuard {
  caseId: string;
  rowVersion: string;
  /** VISIBLE_CASE_SQL's values for the user's scope. */
  visibility: SqlValue[];
  /** Set when the guarded save was queued; a transaction that used a remembered row without it may not commit. */
  saved: boolean;
  /** A remembered session the save must also find unchanged (SESSION_FINGERPRINT_SQL's bindings, then the fingerprint). */
  session?: SqlValue[];
}

const guards = new WeakMap<Sql, CaseGuard>();

/**
 * The remembered case row of a task, for a transaction that can send its save with COMMIT (the server's
 * direct request transaction; elsewhere undefined), at most one per transaction. An entry is used once:
 * if the save refuses it, the request's next run reads the case.
 */
export function takeRememberedCase(
  sql: Sql,
  regencyId: string,
  taskId: string,
  scope: CaseScope,
  now = Date.now(),
): StoredCase | undefined {
  if (!sql.atCommit || guards.has(sql)) return undefined;
  const hit = byTask.get(taskId);
  if (!hit) return undefined;
  byTask.delete(taskId);
  if (hit.stored.regencyId !== regencyId || now - hit.at > KEPT_MS) return undefined;
  guards.set(sql, {
    caseId: hit.stored.id,
    rowVersion: hit.rowVersion,
    visibility: visibleCaseValues(scope),
    saved: false,
  });
  return hit.stored;
}

/** True when a step command on this task could act on a remembered row (its session check can then wait for the save). */
export function isTaskRemembered(taskId: string | undefined): boolean {
  return taskId !== undefined && byTask.has(taskId);
}

/**
 * Makes the guarded save of this transaction also require that the session is still the one remembered
 * (its fingerprint now, computed by the database); false when the transaction took no remembered row.
 */
export function requireSessionAtSave(sql: Sql, tokenHash: string, now: Date, fingerprint: string): boolean {
  const guard = guards.get(sql);
  if (!guard || guard.saved) return false;
  guard.session = [...sessionFingerprintValues(tokenHash, now), fingerprint];
  return true;
}

/** The guard of a transaction that took a remembered case row, if it did. */
export function caseGuardOf(sql: Sql): CaseGuard | undefined {
  return guards.get(sql);
}

/**
 * A request that acted on a remembered case row did not end in that row's guarded save (its save found
 * the row changed or the case out of the user's scope, or the request failed or wrote nothing): nothing
 * was committed and the request runs again, reading the case, so every answer comes from the checked read.
 */
export class RememberedCaseRefused extends Error {
  constructor(readonly reason: unknown) {
    super('A remembered case row was refused; the request runs again reading the case.');
  }
}

/** The row remembered under a task, if any (tests). */
export function rememberedCaseOf(taskId: string): { stored: StoredCase; rowVersion: string } | undefined {
  const hit = byTask.get(taskId);
  return hit && { stored: hit.stored, rowVersion: hit.rowVersion };
}

/** Forgets every remembered row (tests). */
export function forgetRememberedCases(): void {
  byTask.clear();
}
