import { Type, type Static } from '@sinclair/typebox';
import type { Knex } from 'knex';
import { Nullable, Timestamp } from '../rowColumns.ts';
import { rowDecoder } from '../rowDecoder.ts';

const AccountRowSchema = Type.Object({
  id: Type.String(),
  regency_id: Type.String(),
  username: Type.String(),
  display_name: Type.String(),
  roles: Type.Array(Type.String()),
  nip: Nullable(Type.String()),
  position: Nullable(Type.String()),
  unit: Nullable(Type.String()),
  email: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  areas: Type.Array(Type.String()),
  active: Type.Boolean(),
  locked_until: Nullable(Timestamp),
  must_change_password: Type.Boolean(),
  is_demo: Type.Boolean(),
  platform_admin: Type.Boolean(),
  created_at: Timestamp,
  password_changed_at: Nullable(Timestamp),
});

// Compiled once, at module load.
const accountRows = rowDecoder('users (accounts)', AccountRowSchema);
const passwordRows = rowDecoder(
  'users (password hash)',
  Type.Object({ id: Type.String(), regency_id: Type.String(), username: Type.String(), password_hash: Type.String() }),
);

/** A `users` row as the account services read it. */
export type AccountRow = Static<typeof AccountRowSchema>;

const ACCOUNT_COLUMNS = [
  'id',
  'regency_id',
  'username',
  'display_name',
  'roles',
  'nip',
  'position',
  'unit',
  'email',
  'phone',
  'areas',
  'active',
  'locked_until',
  'must_change_password',
  'is_demo',
  'platform_admin',
  'created_at',
  'password_changed_at',
] as const;

/** The account with this username (optionally only within one regency), if any. */
export async function accountByUsername(
  db: Knex,
  username: string,
  regencyId?: string,
): Promise<AccountRow | undefined> {
  const query = db('users').where({ username });
  if (regencyId !== undefined) void query.andWhere({ regency_id: regencyId });
  const row = accountRows.first(await query.first(...ACCOUNT_COLUMNS));
  return row;
}

/** Whether an account has this username (usernames are unique across regencies). */
export async function usernameTaken(db: Knex, username: string): Promise<boolean> {
  return (await db('users').where({ username }).first('id')) !== undefined;
}

/** Whether another account of the regency (not `exceptId`) holds this NIP. */
export async function nipTaken(db: Knex, regencyId: string, nip: string, exceptId?: string): Promise<boolean> {
  const query = db('users').where({ regency_id: regencyId, nip });
  if (exceptId !== undefined) void query.whereNot({ id: exceptId });
  return (await query.first('id')) !== undefined;
}

/** The accounts of a regency (at most 1000, by username), optionally only those matching a search term. */
export async function accountsOfRegency(db: Knex, regencyId: string, term?: string): Promise<AccountRow[]> {
  const query = db('users').where({ regency_id: regencyId });
  if (term) {
    const like = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const digits = term.replace(/\s/g, '');
    void query.andWhere((w) => {
      void w
        .whereILike('username', like)
        .orWhereILike('display_name', like)
        .orWhereILike('position', like)
        .orWhereILike('email', like);
      if (/^\d+$/.test(digits)) void w.orWhereLike('nip', `%${digits}%`);
    });
  }
  const rows = accountRows.rows(
    await query
      .orderBy('username')
      .limit(1000)
      .select(...ACCOUNT_COLUMNS),
  );
  return rows;
}

/** The person data of an account, as stored. */
export interface AccountPersonColumns {
  name: string;
  roles: string[];
  nip: string | null;
  position: string | null;
  unit: string | null;
  email: string | null;
  phone: string | null;
  areas: string[];
}

/** A new account row with a placeholder hash (the credential is set once the row exists). */
export async function insertAccount(
  db: Knex,
  row: { id: string; regencyId: string; username: string; platformAdmin: boolean; now: Date } & AccountPersonColumns,
): Promise<void> {
  await db('users').insert({
    id: row.id,
    regency_id: row.regencyId,
    username: row.username,
    display_name: row.name,
    password_hash: '!',
    roles: JSON.stringify(row.roles),
    nip: row.nip,
    position: row.position,
    unit: row.unit,
    email: row.email,
    phone: row.phone,
    areas: JSON.stringify(row.areas),
    platform_admin: row.platformAdmin,
    updated_at: row.now,
  });
}

/** Changes an account's person data. */
export async function updateAccountPerson(
  db: Knex,
  userId: string,
  next: AccountPersonColumns,
  now: Date,
): Promise<void> {
  await db('users')
    .where({ id: userId })
    .update({
      display_name: next.name,
      roles: JSON.stringify(next.roles),
      nip: next.nip,
      position: next.position,
      unit: next.unit,
      email: next.email,
      phone: next.phone,
      areas: JSON.stringify(next.areas),
      updated_at: now,
    });
}

/** What a credential change writes: the hash, whether it must be changed, and optionally a cleared lock. */
export interface PasswordUpdate {
  hash: string;
  mustChange: boolean;
  clearLock: boolean;
  /** Also stamps updated_at (not when a new account gets its first credential). */
  touch: boolean;
}

/** Sets an account's password hash (and clears its lock when asked). */
export async function setPassword(db: Knex, userId: string, update: PasswordUpdate, now: Date): Promise<void> {
  await db('users')
    .where({ id: userId })
    .update({
      password_hash: update.hash,
      must_change_password: update.mustChange,
      ...(update.clearLock ? { failed_logins: 0, locked_until: null } : {}),
      password_changed_at: now,
      ...(update.touch ? { updated_at: now } : {}),
    });
}

/** Enables or disables an account. */
export async function setActive(db: Knex, userId: string, active: boolean, now: Date): Promise<void> {
  await db('users').where({ id: userId }).update({ active, updated_at: now });
}

/** Lifts a failed-login lock. */
export async function clearLock(db: Knex, userId: string, now: Date): Promise<void> {
  await db('users').where({ id: userId }).update({ failed_logins: 0, locked_until: null, updated_at: now });
}

/** The password hash of an account by id, with what the change of one's own password needs. */
export async function passwordOfUser(
  db: Knex,
  userId: string,
): Promise<{ id: string; regency_id: string; username: string; password_hash: string } | undefined> {
  const row = passwordRows.first(
    await db('users').where({ id: userId }).first('id', 'regency_id', 'username', 'password_hash'),
  );
  return row;
}

/** Ends the sessions of an account, except `keepSessionId` when given. */
export async function deleteSessionsOf(db: Knex, userId: string, keepSessionId?: string): Promise<void> {
  const sessions = db('sessions').where({ user_id: userId });
  if (keepSessionId !== undefined) void sessions.whereNot({ id: keepSessionId });
  await sessions.delete();
}
