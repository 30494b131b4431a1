import type { Knex } from 'knex';
import type { Sql } from '../sql.ts';
import { PROFILE_SOURCE_COLUMNS, type ProfileSourceRow } from './profileSources.ts';

/** A `users` row as sign-in needs it. */
export interface UserRow {
  id: string;
  regency_id: string;
  username: string;
  display_name: string;
  password_hash: string;
  roles: string[];
  failed_logins: number;
  locked_until: Date | string | null;
  active: boolean;
  must_change_password: boolean;
  platform_admin: boolean;
}

/** The account of a username, if any. */
export async function userByUsername(db: Knex, username: string): Promise<UserRow | undefined> {
  return (await db('users').where({ username }).first()) as UserRow | undefined;
}

/**
 * Reserves one password check in one statement that also holds the account's row until the request
 * commits: parallel guesses queue behind it. Returns the failures counted so far, or undefined when locked.
 */
export async function reservePasswordCheck(
  db: Knex,
  userId: string,
  maxFailures: number,
  now: Date,
): Promise<number | undefined> {
  const reserved = (await db('users')
    .where({ id: userId })
    .andWhere('failed_logins', '<', maxFailures)
    .andWhere((q) => void q.whereNull('locked_until').orWhere('locked_until', '<=', now))
    .increment('failed_logins', 1)
    .returning('failed_logins')) as Array<{ failed_logins: number }>;
  return reserved.length === 0 ? undefined : (reserved[0]?.failed_logins ?? 0);
}

/** Locks the account until `until` and resets its failure count. */
export async function lockAccount(db: Knex, userId: string, until: Date): Promise<void> {
  await db('users').where({ id: userId }).update({ failed_logins: 0, locked_until: until });
}

/** Clears the failure count and any lock after a good password. */
export async function clearLoginFailures(db: Knex, userId: string): Promise<void> {
  await db('users').where({ id: userId }).update({ failed_logins: 0, locked_until: null });
}

/** Stores a new session (by the hash of its token). */
export async function insertSession(
  db: Knex,
  session: { id: string; userId: string; regencyId: string; csrfToken: string; expiresAt: Date },
): Promise<void> {
  await db('sessions').insert({
    id: session.id,
    user_id: session.userId,
    regency_id: session.regencyId,
    csrf_token: session.csrfToken,
    expires_at: session.expiresAt,
  });
}

// Written out rather than built per request: it runs on every request, and its text never changes.
const SESSION_CONTEXT_SQL = `
SELECT u.id, u.regency_id, u.username, u.display_name, u.roles, u.must_change_password, u.platform_admin,
       s.id AS session_id, s.csrf_token, ${PROFILE_SOURCE_COLUMNS}
  FROM sessions s JOIN users u ON u.id = s.user_id LEFT JOIN regencies r ON r.id = u.regency_id
 WHERE s.id = ? AND u.active AND s.expires_at > ?`;

/** A live session's row: its user, CSRF token and the user's access-profile sources. */
export type SessionRow = Pick<
  UserRow,
  'id' | 'regency_id' | 'username' | 'display_name' | 'roles' | 'must_change_password' | 'platform_admin'
> &
  ProfileSourceRow & { csrf_token: string; session_id: string };

/** The session stored under `tokenHash` when it is live at `now` and its user active, in one query. */
export async function liveSessionRow(sql: Sql, tokenHash: string, now: Date): Promise<SessionRow | undefined> {
  const [row] = await sql.rows<SessionRow>(SESSION_CONTEXT_SQL, [now, now, tokenHash, now]);
  return row;
}

/** Deletes a session by the hash of its token. */
export async function deleteSession(db: Knex, tokenHash: string): Promise<void> {
  await db('sessions').where({ id: tokenHash }).delete();
}

/** The NIP and jabatan of an account (what a signer block prints). */
export async function accountTitle(
  db: Knex,
  userId: string,
): Promise<{ nip: string | null; position: string | null } | undefined> {
  return (await db('users').where({ id: userId }).first('nip', 'position')) as
    { nip: string | null; position: string | null } | undefined;
}
