import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { RawRegency } from '../../definition/sopTypes.ts';
import {
  accountsOfRegency,
  clearLock,
  deleteSessionsOf,
  insertAccount,
  nipTaken,
  passwordOfUser,
  setActive,
  setPassword,
  updateAccountPerson,
  usernameTaken,
} from '../../storage/accounts/accountRecords.ts';
import { activationLink, markTokenUsed, replaceActivationToken } from '../../storage/accounts/accountTokenRows.ts';
import { getRegency } from '../../storage/definitionRepository.ts';
import { AppError } from '../appErrors.ts';
import { hashPassword, verifyPassword } from '../passwords.ts';
import { recordAccountEvent, type AccountActor } from './accountEvents.ts';
import { assertPassword, assertUsername, normalizeFields, type AccountFields } from './accountInput.ts';
import { findAccount, toSummary, type AccountRow, type AccountSummary } from './accountRows.ts';

/** How a new or reset account gets its first password. */
export type Credential =
  | { kind: 'password'; password: string; mustChange?: boolean }
  | { kind: 'temporary' }
  | { kind: 'activation' }
  /** Signs in only through the regency's SSO provider: no password anyone knows. */
  | { kind: 'sso' };

/** What the admin is shown once, right after creating or resetting: never stored in clear, never logged. */
export interface IssuedCredential {
  temporaryPassword?: string;
  activationToken?: string;
  activationExpiresAt?: string;
}

const ACTIVATION_DAYS = 7;

/** The regency, or a 404 saying it must be loaded first. */
export async function regencyOrFail(db: Knex, regencyId: string): Promise<RawRegency> {
  const regency = await getRegency(db, regencyId);
  if (!regency)
    throw new AppError(
      'NOT_FOUND',
      `Kabupaten "${regencyId}" belum terdaftar. Periksa ejaannya, atau jalankan server sekali agar sop-definitions/${regencyId}/regency.yaml dimuat.`,
      '/regency',
    );
  return regency;
}

/** A random temporary password (16 characters of base64url: about 96 bits), shown to the admin once. */
function temporaryPassword(): string {
  return randomBytes(12).toString('base64url');
}

function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Sets the credential of an account and returns what must be handed to the person. */
async function applyCredential(
  db: Knex,
  user: { id: string; username: string },
  credential: Credential,
  now: Date,
): Promise<IssuedCredential & { hash: string; mustChange: boolean }> {
  if (credential.kind === 'password') {
    assertPassword(credential.password, user.username);
    return { hash: await hashPassword(credential.password), mustChange: credential.mustChange ?? false };
  }
  if (credential.kind === 'sso')
    return { hash: await hashPassword(randomBytes(32).toString('base64url')), mustChange: false };
  if (credential.kind === 'temporary') {
    const password = temporaryPassword();
    return { hash: await hashPassword(password), mustChange: true, temporaryPassword: password };
  }
  // No usable password until the link is used: the hash is of a secret nobody keeps.
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + ACTIVATION_DAYS * 86_400_000);
  await replaceActivationToken(db, user.id, tokenHash(token), expiresAt);
  return {
    hash: await hashPassword(randomBytes(32).toString('base64url')),
    mustChange: false,
    activationToken: token,
    activationExpiresAt: expiresAt.toISOString(),
  };
}

/** A new account in a regency, created by an admin or the CLI. */
export interface NewAccount extends AccountFields {
  regencyId: string;
  username: string;
  credential: Credential;
  platformAdmin?: boolean;
}

/** Creates an account (username unique across regencies, NIP unique within one) and records it. */
export async function createAccount(
  db: Knex,
  input: NewAccount,
  actor: AccountActor,
  now = new Date(),
): Promise<{ account: AccountSummary; issued: IssuedCredential }> {
  assertUsername(input.username);
  const regency = await regencyOrFail(db, input.regencyId);
  const fields = normalizeFields(input, regency);
  return db.transaction(async (trx) => {
    if (await usernameTaken(trx, input.username))
      throw new AppError('CONFLICT', `Nama pengguna "${input.username}" sudah dipakai. Pilih nama lain.`, '/username');
    if (fields.nip !== null && (await nipTaken(trx, input.regencyId, fields.nip)))
      throw new AppError('CONFLICT', 'NIP ini sudah terdaftar pada akun lain di kabupaten ini.', '/nip');
    const id = randomUUID();
    // The row exists before an activation token may reference it.
    await insertAccount(trx, {
      ...fields,
      id,
      regencyId: input.regencyId,
      username: input.username,
      platformAdmin: input.platformAdmin ?? false,
      now,
    });
    const { hash, mustChange, ...issued } = await applyCredential(
      trx,
      { id, username: input.username },
      input.credential,
      now,
    );
    await setPassword(trx, id, { hash, mustChange, clearLock: false, touch: false }, now);
    await recordAccountEvent(trx, { id, regencyId: input.regencyId, username: input.username }, 'created', actor, {
      roles: fields.roles,
      unit: fields.unit,
      areas: fields.areas,
      credential: input.credential.kind,
      platformAdmin: input.platformAdmin ?? false,
    });
    return { account: toSummary(await findAccount(trx, input.username), now), issued };
  });
}

/** The accounts of a regency, optionally filtered by a search over username, name, NIP, jabatan and e-mail. */
export async function listAccounts(
  db: Knex,
  regencyId: string,
  search?: string,
  now = new Date(),
): Promise<AccountSummary[]> {
  await regencyOrFail(db, regencyId);
  const rows = await accountsOfRegency(db, regencyId, search?.trim());
  return rows.map((row) => toSummary(row, now));
}

/** Changes an account's person data (not its credential); records the fields that changed. */
export async function updateAccount(
  db: Knex,
  target: AccountRow,
  fields: AccountFields,
  actor: AccountActor,
  now = new Date(),
): Promise<AccountSummary> {
  const regency = await regencyOrFail(db, target.regency_id);
  const next = normalizeFields(fields, regency);
  if (next.nip !== null && next.nip !== target.nip) {
    if (await nipTaken(db, target.regency_id, next.nip, target.id))
      throw new AppError('CONFLICT', 'NIP ini sudah terdaftar pada akun lain di kabupaten ini.', '/nip');
  }
  const before: Record<string, unknown> = { ...target, name: target.display_name };
  const changed = Object.keys(next).filter(
    (key) => JSON.stringify(before[key]) !== JSON.stringify(next[key as keyof typeof next]),
  );
  await updateAccountPerson(db, target.id, next, now);
  await recordAccountEvent(db, targetOf(target), 'updated', actor, { changed });
  return toSummary(await findAccount(db, target.username), now);
}

function targetOf(row: AccountRow): { id: string; regencyId: string; username: string } {
  return { id: row.id, regencyId: row.regency_id, username: row.username };
}

/** Disables (a leaver: sessions end at once) or re-enables an account. */
export async function setAccountActive(
  db: Knex,
  target: AccountRow,
  active: boolean,
  actor: AccountActor,
  now = new Date(),
): Promise<AccountSummary> {
  if (!active && target.id === actor.id)
    throw new AppError('UNPROCESSABLE', 'Anda tidak dapat menonaktifkan akun Anda sendiri.', '/username');
  await setActive(db, target.id, active, now);
  if (!active) await deleteSessionsOf(db, target.id);
  if (target.active !== active) await recordAccountEvent(db, targetOf(target), active ? 'enabled' : 'disabled', actor);
  return toSummary(await findAccount(db, target.username), now);
}

/** Gives an account a new credential (temporary password, activation link or a set password); ends its sessions and lock. */
export async function resetCredential(
  db: Knex,
  target: AccountRow,
  credential: Credential,
  actor: AccountActor,
  now = new Date(),
): Promise<{ account: AccountSummary; issued: IssuedCredential }> {
  const { hash, mustChange, ...issued } = await applyCredential(db, target, credential, now);
  await setPassword(db, target.id, { hash, mustChange, clearLock: true, touch: true }, now);
  await deleteSessionsOf(db, target.id);
  await recordAccountEvent(
    db,
    targetOf(target),
    credential.kind === 'activation' ? 'activation_link' : 'password_reset',
    actor,
    { credential: credential.kind },
  );
  return { account: toSummary(await findAccount(db, target.username), now), issued };
}

/** Lifts a lock left by repeated failed logins. */
export async function unlockAccount(
  db: Knex,
  target: AccountRow,
  actor: AccountActor,
  now = new Date(),
): Promise<AccountSummary> {
  await clearLock(db, target.id, now);
  await recordAccountEvent(db, targetOf(target), 'unlocked', actor);
  return toSummary(await findAccount(db, target.username), now);
}

/** A user changes their own password: the current one is required (ASVS V6.2.3); other sessions end. */
export async function changeOwnPassword(
  db: Knex,
  userId: string,
  currentPassword: string,
  newPassword: string,
  keepSessionId: string | undefined,
  now = new Date(),
): Promise<void> {
  const row = await passwordOfUser(db, userId);
  if (!row || !(await verifyPassword(currentPassword, row.password_hash)))
    throw new AppError('VALIDATION_FAILED', 'Kata sandi saat ini salah.', '/currentPassword');
  assertPassword(newPassword, row.username, '/newPassword');
  if (currentPassword === newPassword)
    throw new AppError('VALIDATION_FAILED', 'Kata sandi baru harus berbeda dari yang sekarang.', '/newPassword');
  const hash = await hashPassword(newPassword);
  await setPassword(db, userId, { hash, mustChange: false, clearLock: false, touch: true }, now);
  await deleteSessionsOf(db, userId, keepSessionId);
  await recordAccountEvent(db, { id: row.id, regencyId: row.regency_id, username: row.username }, 'password_changed', {
    id: row.id,
    name: row.username,
  });
}

/** Uses a one-time activation link: sets the person's own password; the link stops working. */
export async function activateAccount(db: Knex, token: string, password: string, now = new Date()): Promise<string> {
  const link = await activationLink(db, tokenHash(token));
  if (!link || link.used_at !== null || new Date(link.expires_at) <= now || !link.active)
    throw new AppError(
      'UNPROCESSABLE',
      'Tautan aktivasi tidak berlaku (sudah dipakai, kedaluwarsa, atau akunnya dinonaktifkan). Minta tautan baru kepada admin kabupaten.',
      '/token',
    );
  assertPassword(password, link.username);
  // Marked used in the same statement that checks it is unused, so a link works exactly once.
  if (!(await markTokenUsed(db, link.id, now)))
    throw new AppError('UNPROCESSABLE', 'Tautan aktivasi sudah dipakai.', '/token');
  const hash = await hashPassword(password);
  await setPassword(db, link.user_id, { hash, mustChange: false, clearLock: true, touch: true }, now);
  await recordAccountEvent(db, { id: link.user_id, regencyId: link.regency_id, username: link.username }, 'activated', {
    id: link.user_id,
    name: link.username,
  });
  return link.username;
}
