import { Type, type Static } from '@sinclair/typebox';
import type { Knex } from 'knex';
import { rowDecoder } from '../rowDecoder.ts';

const ChangedAccountSchema = Type.Object({
  id: Type.String(),
  regency_id: Type.String(),
  username: Type.String(),
});

/** An account whose state a demo switch changed. */
export type ChangedAccount = Static<typeof ChangedAccountSchema>;

// Compiled once, at module load.
const changedAccounts = rowDecoder('users (demo accounts changed)', ChangedAccountSchema);
const usernameRows = rowDecoder('users (usernames)', Type.Object({ username: Type.String() }));

/** Which of these usernames exist already. */
export async function existingUsernames(db: Knex, usernames: string[]): Promise<Set<string>> {
  const rows = usernameRows.rows(await db('users').whereIn('username', usernames).select('username'));
  return new Set(rows.map((u) => u.username));
}

/** Creates a demo account of one role unless the username exists (a parallel start may have made it). */
export async function insertDemoAccount(
  db: Knex,
  account: { id: string; regencyId: string; username: string; name: string; passwordHash: string; role: string },
): Promise<void> {
  await db('users')
    .insert({
      id: account.id,
      regency_id: account.regencyId,
      username: account.username,
      display_name: account.name,
      password_hash: account.passwordHash,
      roles: JSON.stringify([account.role]),
      is_demo: true,
    })
    .onConflict('username')
    .ignore();
}

/** Enables the disabled demo accounts of a regency; returns them. */
export async function enableDemoAccounts(db: Knex, regencyId: string): Promise<ChangedAccount[]> {
  const rows = changedAccounts.rows(
    await db('users')
      .where({ regency_id: regencyId, is_demo: true, active: false })
      .update({ active: true })
      .returning(['id', 'regency_id', 'username']),
  );
  return rows;
}

/** Disables every active demo account and ends its sessions; returns them. */
export async function disableDemoAccounts(db: Knex): Promise<ChangedAccount[]> {
  const rows = changedAccounts.rows(
    await db('users')
      .where({ is_demo: true, active: true })
      .update({ active: false })
      .returning(['id', 'regency_id', 'username']),
  );
  if (rows.length > 0)
    await db('sessions')
      .whereIn(
        'user_id',
        rows.map((r) => r.id),
      )
      .delete();
  return rows;
}
