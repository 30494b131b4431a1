import { Type, type Static } from '@sinclair/typebox';
import type { Knex } from 'knex';
import { Nullable, Timestamp } from '../rowColumns.ts';
import { rowDecoder } from '../rowDecoder.ts';
import type { Sql, SqlValue } from '../sql.ts';
import {
  heldRegencyVersion,
  PROFILE_SOURCE_COLUMNS,
  ProfileSourceColumns,
  resolveProfileSources,
  type ProfileSources,
} from './profileSources.ts';

const UserColumns = {
  id: Type.String(),
  regency_id: Type.String(),
  username: Type.String(),
  display_name: Type.String(),
  password_hash: Type.String(),
  roles: Type.Array(Type.String()),
  failed_logins: Type.Number(),
  locked_until: Nullable(Timestamp),
  active: Type.Boolean(),
  must_change_password: Type.Boolean(),
  platform_admin: Type.Boolean(),
};
const UserSchema = Type.Object(UserColumns);

/** A `users` row as sign-in needs it. */
export type UserRow = Static<typeof UserSchema>;

const userRow = rowDecoder('users', UserSchema);
const failedLoginsRow = rowDecoder('users (failed logins)', Type.Object({ failed_logins: Type.Number() }));
const titleRow = rowDecoder(
  'users (nip, position)',
  Type.Object({ nip: Nullable(Type.String()), position: Nullable(Type.String()) }),
);

/** The account of a username, if any. */
export async function userByUsername(db: Knex, username: string): Promise<UserRow | undefined> {
  return userRow.first(await db('users').where({ username }).first());
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
  const reserved = failedLoginsRow.rows(
    await db('users')
      .where({ id: userId })
      .andWhere('failed_logins', '<', maxFailures)
      .andWhere((q) => void q.whereNull('locked_until').orWhere('locked_until', '<=', now))
      .increment('failed_logins', 1)
      .returning('failed_logins'),
  );
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
// Bindings: the regency version held, the moment twice, the token hash, the moment.
const SESSION_COLUMNS_SQL = `
SELECT u.id, u.regency_id, u.username, u.display_name, u.roles, u.must_change_password, u.platform_admin,
       s.id AS session_id, s.csrf_token, ${PROFILE_SOURCE_COLUMNS}
  FROM sessions s JOIN users u ON u.id = s.user_id LEFT JOIN regencies r ON r.id = u.regency_id
 WHERE s.id = ? AND u.active AND s.expires_at > ?`;

// Everything the session decides, as one text: equal for two reads exactly when nothing it decides changed
// (the regency's parts are named by their version, which is in it; whether they were sent is not).
const FINGERPRINT_OF_Q = `md5(ROW(q.id, q.regency_id, q.username, q.display_name, q.roles, q.must_change_password,
  q.platform_admin, q.session_id, q.csrf_token, q.profile_regency_version, q.profile_areas,
  q.profile_delegations::text, q.profile_sops::text)::text)`;

const SESSION_CONTEXT_SQL = `SELECT q.*, ${FINGERPRINT_OF_Q} AS fingerprint FROM (${SESSION_COLUMNS_SQL}) q`;

/**
 * The live session's fingerprint now, as an SQL expression (bindings: `sessionFingerprintValues`): a
 * statement can require that the session is still the one a process remembers without reading it back
 * (a save on a remembered case row, engine/storage/cases/rememberedCases.ts). NULL when the session is gone.
 */
export const SESSION_FINGERPRINT_SQL = `(SELECT ${FINGERPRINT_OF_Q} FROM (${SESSION_COLUMNS_SQL}) q)`;

/** The bindings of SESSION_FINGERPRINT_SQL for a session's token hash at `now`. */
export function sessionFingerprintValues(tokenHash: string, now: Date): SqlValue[] {
  return [heldRegencyVersion(tokenHash), now, now, tokenHash, now];
}

const SessionSchema = Type.Object({
  ...Type.Pick(UserSchema, [
    'id',
    'regency_id',
    'username',
    'display_name',
    'roles',
    'must_change_password',
    'platform_admin',
  ]).properties,
  ...ProfileSourceColumns,
  csrf_token: Type.String(),
  session_id: Type.String(),
  fingerprint: Type.String(),
});

type SessionColumns = Static<typeof SessionSchema>;

/**
 * A live session's row: its user, CSRF token and the user's access-profile sources, and the row's
 * fingerprint: the same text for two reads when nothing the session decides has changed.
 */
export type SessionRow = Omit<SessionColumns, keyof typeof ProfileSourceColumns> & ProfileSources;

const sessionRow = rowDecoder('sessions (live session)', SessionSchema);

async function readSession(sql: Sql, tokenHash: string, now: Date, held: string): Promise<SessionColumns | undefined> {
  return sessionRow.first((await sql.rows<unknown>(SESSION_CONTEXT_SQL, [held, now, now, tokenHash, now]))[0]);
}

/** The session stored under `tokenHash` when it is live at `now` and its user active, in one query. */
export async function liveSessionRow(sql: Sql, tokenHash: string, now: Date): Promise<SessionRow | undefined> {
  const row = await readSession(sql, tokenHash, now, heldRegencyVersion(tokenHash));
  if (!row) return undefined;
  // Left out for a version dropped from memory since the query was sent (rare): read once more, holding none.
  const sources = resolveProfileSources(row, tokenHash);
  if (sources) return { ...row, ...sources };
  const again = await readSession(sql, tokenHash, now, '');
  return again ? { ...again, ...resolveProfileSources(again, tokenHash)! } : undefined;
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
  return titleRow.first(await db('users').where({ id: userId }).first('nip', 'position'));
}
