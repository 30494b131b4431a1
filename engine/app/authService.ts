import { createHash, randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import type { Sql } from '../storage/sql.ts';
import { AppError } from './appErrors.ts';
import type { AuthUser } from './authUser.ts';
import {
  clearLoginFailures,
  deleteSession,
  insertSession,
  liveSessionRow,
  lockAccount,
  reservePasswordCheck,
  userByUsername,
  type UserRow,
} from '../storage/accounts/sessionRows.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { forgetSession } from './sessionMemory.ts';
import { assertLocalPasswordAllowed } from './sso/ssoSettings.ts';
import { profileFromRow, type AccessProfile } from './permissions/accessProfile.ts';

const SESSION_HOURS = 10;
const MAX_FAILURES = 5;
const LOCK_MINUTES = 15;

/** The account columns a new session needs. */
export type SessionSubject = Pick<
  UserRow,
  'id' | 'regency_id' | 'username' | 'display_name' | 'roles' | 'must_change_password'
>;

function toUser(row: SessionSubject): AuthUser {
  return { id: row.id, regencyId: row.regency_id, username: row.username, name: row.display_name, roles: row.roles };
}

/** Only a hash of the session token is stored, so a database leak does not leak sessions. */
export function tokenHash(token: string): string {
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
  const row = await userByUsername(db, username);
  const invalid = new AppError('UNAUTHENTICATED', 'Nama pengguna atau kata sandi salah.');
  if (!row || !row.active) {
    await verifyPassword(password, await dummyHash);
    throw invalid;
  }
  // A regency that signs in through its own provider may turn local passwords off (platform admins keep theirs).
  if (!row.platform_admin) await assertLocalPasswordAllowed(db, row.regency_id);
  // A password check is reserved before it runs, in one statement that also holds the account's row until
  // the request commits: parallel guesses queue behind it and can never run more than MAX_FAILURES checks.
  const failures = await reservePasswordCheck(db, row.id, MAX_FAILURES, now);
  if (failures === undefined) {
    throw new AppError(
      'RATE_LIMITED',
      `Akun dikunci sementara karena terlalu banyak percobaan masuk. Coba lagi setelah ${LOCK_MINUTES} menit.`,
    );
  }
  if (!(await verifyPassword(password, row.password_hash))) {
    if (failures >= MAX_FAILURES) await lockAccount(db, row.id, new Date(now.getTime() + LOCK_MINUTES * 60_000));
    throw invalid;
  }
  await clearLoginFailures(db, row.id);
  return createSession(db, row, now);
}

/** Opens a session for an account already authenticated (by its password, or by the regency's SSO provider). */
export async function createSession(db: Knex, row: SessionSubject, now = new Date()): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000);
  await insertSession(db, {
    id: tokenHash(token),
    userId: row.id,
    regencyId: row.regency_id,
    csrfToken,
    expiresAt,
  });
  return { token, csrfToken, user: toUser(row), expiresAt, mustChangePassword: row.must_change_password };
}

/** A valid session: its user, the CSRF token writes must echo, and the user's access profile at this moment. */
export interface SessionContext {
  user: AuthUser;
  csrfToken: string;
  access: AccessProfile;
  account: SessionAccount;
  /** Equal for two reads of the session when nothing it decides changed (engine/app/sessionAhead.ts). */
  fingerprint: string;
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
 * Resolves a session (by the hash of its cookie token) to its user, CSRF token and access profile in one query (sessions, users,
 * regency roles, delegations and the SOP list hold no case data, so no regency scope is needed), or
 * undefined when absent/expired.
 */
export async function sessionOfHash(sql: Sql, hash: string, now = new Date()): Promise<SessionContext | undefined> {
  const row = await liveSessionRow(sql, hash, now);
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
    fingerprint: row.fingerprint,
  };
}

/** Ends a session. */
export async function logout(db: Knex, token: string): Promise<void> {
  const hash = tokenHash(token);
  forgetSession(hash);
  await deleteSession(db, hash);
}
