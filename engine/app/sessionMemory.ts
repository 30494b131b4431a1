import type { SessionContext } from './authService.ts';

// Sessions this process resolved lately, by token hash. Bounded in number and age; an entry is only a
// guess that the next request confirms against the database (engine/app/sessionAhead.ts), never trusted alone.
const KEPT = 10_000;
const MAX_AGE_MS = 15 * 60_000;
const remembered = new Map<string, { context: SessionContext; at: number }>();

/** The session last resolved for this token hash, if recent. */
export function rememberedSession(hash: string, now = Date.now()): SessionContext | undefined {
  const entry = remembered.get(hash);
  if (!entry) return undefined;
  if (now - entry.at <= MAX_AGE_MS) return entry.context;
  remembered.delete(hash);
  return undefined;
}

/** Keeps what a lookup of this token hash answered (a session that is gone is forgotten). */
export function rememberSession(hash: string, context: SessionContext | undefined, now = Date.now()): void {
  remembered.delete(hash);
  if (!context) return;
  remembered.set(hash, { context, at: now });
  if (remembered.size > KEPT) remembered.delete(remembered.keys().next().value!);
}

/** Drops a session from this process's memory (logout). */
export function forgetSession(hash: string): void {
  remembered.delete(hash);
}
