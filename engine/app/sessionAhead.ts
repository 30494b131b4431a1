import { sessionOfHash, tokenHash, type SessionContext } from './authService.ts';
import { rememberedSession, rememberSession } from './sessionMemory.ts';
import { requireSessionAtSave } from '../storage/cases/rememberedCases.ts';
import type { Sql } from '../storage/sql.ts';

/** The session a request remembered turned out to have changed: the request runs again with the fresh one. */
export class SessionMovedError extends Error {
  constructor() {
    super('The session changed since this process last read it');
  }
}

/** A request's session, possibly still to be confirmed. */
export interface SessionAhead {
  session: SessionContext | undefined;
  /**
   * Resolves once the session is known to be the one the database holds now; throws SessionMovedError
   * when it is not. Must be awaited before the request uses anything it read or writes anything. Given
   * the request's transaction, it may instead leave the check to that transaction's save on a remembered
   * case row (engine/storage/cases/rememberedCases.ts), which then commits only for the same session.
   */
  confirm: (transaction?: Sql) => Promise<void>;
}

/** The confirmation of a session that was looked up before use (nothing left to check). */
export const confirmed = (): Promise<void> => Promise.resolve();

async function lookUpAndRemember(sql: Sql, hash: string, now: Date): Promise<SessionContext | undefined> {
  const fresh = await sessionOfHash(sql, hash, now);
  rememberSession(hash, fresh, now.getTime());
  return fresh;
}

/** Throws SessionMovedError unless a fresh lookup found the held session with nothing it decides changed. */
function assertUnchanged(held: SessionContext, fresh: SessionContext | undefined): void {
  if (fresh?.fingerprint !== held.fingerprint) throw new SessionMovedError();
}

// A remembered session not looked up ahead: the request's save on a remembered case row requires it
// unchanged (one round trip less), or, when the request takes no such row, it is looked up on confirm.
function checkedAtSave(sql: Sql, hash: string, held: SessionContext, now: Date): SessionAhead {
  let check: Promise<void> | undefined;
  const lookUp = (): Promise<void> =>
    (check ??= lookUpAndRemember(sql, hash, now).then((fresh) => assertUnchanged(held, fresh)));
  return {
    session: held,
    confirm: (transaction) =>
      check === undefined && transaction !== undefined && requireSessionAtSave(transaction, hash, now, held.fingerprint)
        ? Promise.resolve()
        : lookUp(),
  };
}

/** Looks up a session and remembers it, so the same session's next hot-path request need not wait for its lookup. */
export function lookUpSession(sql: Sql, token: string, now = new Date()): Promise<SessionContext | undefined> {
  return lookUpAndRemember(sql, tokenHash(token), now);
}

/**
 * The session of a hot-path request without waiting for its lookup. The lookup is sent at once; when this
 * process resolved the same token lately, the request goes on with that session, so its first statement
 * travels together with the lookup (one round trip less on a pipelining connection), and `confirm`
 * compares the two before anything is used. A logout, role change, delegation or disabled account is
 * therefore seen by the very next request, on every process, as without this memory.
 */
export async function sessionAhead(
  sql: Sql,
  token: string | undefined,
  now = new Date(),
  /** The request may act on a remembered case row, whose save can check the session itself. */
  options: { checkAtSave?: boolean } = {},
): Promise<SessionAhead> {
  if (!token) return { session: undefined, confirm: confirmed };
  const hash = tokenHash(token);
  const held = rememberedSession(hash, now.getTime());
  if (held && options.checkAtSave) return checkedAtSave(sql, hash, held, now);
  const lookup = lookUpAndRemember(sql, hash, now);
  if (!held) return { session: await lookup, confirm: confirmed };
  // Observed by confirm; without this a failed lookup would also be reported as unhandled.
  lookup.catch(() => undefined);
  let check: Promise<void> | undefined;
  const confirm = (): Promise<void> => (check ??= lookup.then((fresh) => assertUnchanged(held, fresh)));
  return { session: held, confirm };
}
