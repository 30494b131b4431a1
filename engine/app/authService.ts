import { createHash, randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import { AppError } from './appErrors.ts';
import type { AuthUser } from './authUser.ts';
import { sqlRows } from '../storage/sqlRows.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { assertLocalPasswordAllowed } from './sso/ssoSettings.ts';
import {
  PROFILE_SOURCE_COLUMNS,
  profileFromRow,
  type AccessProfile,
  type ProfileSourceRow,
} from './permissions/accessProfile.ts';

const SESSION_HOURS = 10;
const MAX_FAILURES = 5;
const LOCK_MINUTES = 15;

type UserRow = {
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
};

/** The account columns a new session needs. */
export type SessionSubject = Pick<
  UserRow,
  'id' | 'regency_id' | 'username' | 'display_name' | 'roles' | 'must_change_password'
>;

function toUser(row: SessionSubject): AuthUser {
  return { id: row.id, regencyId: row.regency_id, username: row.username, name: row.display_name, roles: row.roles };
}

/** Only a hash of the session token is stored, so a database leak does not leak sessions. */
function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A fresh session: the cookie token and the CSRF token the UI sends back on writes. */
export interface NewSession {
  token: string;
  csrfToken: string;
  user: AuthUser;
  expiresAt: Date;
  /** A temporary password: every route but the password change refuses until it is replaced. */
  mustChangePassword: boolean;
}

// A hash computed once, used to spend the same time when the username does not exist.
const dummyHash = hashPassword('tidak-ada-pengguna');

/** Checks a password; after repeated failures the account locks for a while. Creates a new session (rotation on login). */
export async function login(db: Knex, username: string, password: string, now = new Date()): Promise<NewSession> {
  const row = (await db('users').where({ username }).first()) as UserRow | undefined;
  const invalid = new AppError('UNAUTHENTICATED', 'Nama pengguna atau kata sandi salah.');
  if (!row || !row.active) {
    await verifyPassword(password, await dummyHash);
    throw invalid;
  }
  // A regency that signs in through its own provider may turn local passwords off (platform admins keep theirs).
  if (!row.platform_admin) await assertLocalPasswordAllowed(db, row.regency_id);
  // A password check is reserved before it runs, in one statement that also holds the account's row until
  // the request commits: parallel guesses queue behind it and can never run more than MAX_FAILURES checks.
  const reserved = (await db('users')
    .where({ id: row.id })
    .andWhere('failed_logins', '<', MAX_FAILURES)
    .andWhere((q) => void q.whereNull('locked_until').orWhere('locked_until', '<=', now))
    .increment('failed_logins', 1)
    .returning('failed_logins')) as Array<{ failed_logins: number }>;
  if (reserved.length === 0) {
    throw new AppError(
      'RATE_LIMITED',
      `Akun dikunci sementara karena terlalu banyak percobaan masuk. Coba lagi setelah ${LOCK_MINUTES} menit.`,
    );
  }
  if (!(await verifyPassword(password, row.password_hash))) {
    if ((reserved[0]?.failed_logins ?? 0) >= MAX_FAILURES)
      await db('users')
        .where({ id: row.id })
        .update({ failed_logins: 0, locked_until: new Date(now.getTime() + LOCK_MINUTES * 60_000) });
    throw invalid;
  }
  await db('users').where({ id: row.id }).update({ failed_logins: 0, locked_until: null });
  return createSession(db, row, now);
}

/** Opens a session for an account already authenticated (by its password, or by the regency's SSO provider). */
export async function createSession(db: Knex, row: SessionSubject, now = new Date()): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000);
  await db('sessions').insert({
    id: tokenHash(token),
    user_id: row.id,
    regency_id: row.regency_id,
    csrf_token: csrfToken,
    expires_at: expiresAt,
  });
  return { token, csrfToken, user: toUser(row), expiresAt, mustChangePassword: row.must_change_password };
}

// Written out rather than built per request: it runs on every request, and its text never changes.
const SESSION_CONTEXT_SQL = `
SELECT u.id, u.regency_id, u.username, u.display_name, u.roles, u.must_change_password, u.platform_admin,
       s.id AS session_id, s.csrf_token, ${PROFILE_SOURCE_COLUMNS}
  FROM sessions s JOIN users u ON u.id = s.user_id LEFT JOIN regencies r ON r.id = u.regency_id
 WHERE s.id = ? AND u.active AND s.expires_at > ?`;

/** A valid session: its user, the CSRF token writes must echo, and the user's access profile at this moment. */
export interface SessionContext {
  user: AuthUser;
  csrfToken: string;
  access: AccessProfile;
  account: SessionAccount;
}

/** Account facts of the session's user that only account routes and the password gate need. */
export interface SessionAccount {
  /** The stored (hashed) id of this session, kept when the user changes their password. */
  sessionId: string;
  mustChangePassword: boolean;
  /** May manage accounts of every regency (with an admin role). */
  platformAdmin: boolean;
}

/**
 * Resolves a session cookie to its user, CSRF token and access profile in one query (sessions, users,
 * regency roles, delegations and the SOP list hold no case data, so no regency scope is needed), or
 * undefined when absent/expired.
 */
export async function sessionUser(db: Knex, token: string, now = new Date()): Promise<SessionContext | undefined> {
  const [row] = await sqlRows<UserRow & ProfileSourceRow & { csrf_token: string; session_id: string }>(
    db,
    SESSION_CONTEXT_SQL,
    [now, now, tokenHash(token), now],
  );
  if (!row) return undefined;
  const user = toUser(row);
  return {
    user,
    csrfToken: row.csrf_token,
    access: profileFromRow(user, row),
    account: {
      sessionId: row.session_id,
      mustChangePassword: row.must_change_password,
      platformAdmin: row.platform_admin,
    },
  };
}

/** Ends a session. */
export async function logout(db: Knex, token: string): Promise<void> {
  await db('sessions')
    .where({ id: tokenHash(token) })
    .delete();
}
