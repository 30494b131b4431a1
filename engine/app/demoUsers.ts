import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { RawRegency } from '../definition/sopTypes.ts';
import {
  disableDemoAccounts,
  enableDemoAccounts,
  existingUsernames,
  insertDemoAccount,
} from '../storage/accounts/demoAccountRows.ts';
import type { DatabaseTarget } from '../storage/database.ts';
import { recordAccountEvent, SYSTEM_ACTOR } from './accounts/accountEvents.ts';
import { hashPassword } from './passwords.ts';

/** The password of every demo account (development and tests only). */
export const DEMO_PASSWORD = 'alur-demo';

/**
 * Whether demo accounts are wanted: ALUR_DEMO_USERS=1 or 0 decides; otherwise on for the embedded
 * quick start (PGlite) and off on a PostgreSQL server, where real offices run.
 */
export function demoUsersWanted(env: NodeJS.ProcessEnv, target: DatabaseTarget): boolean {
  if (env.ALUR_DEMO_USERS === '1') return true;
  if (env.ALUR_DEMO_USERS === '0') return false;
  return target.kind === 'pglite';
}

/**
 * One demo account per role of a regency, named `<regency>.<role>` and marked as demo; missing ones are
 * created, demo accounts disabled by an earlier start without demo accounts are enabled again.
 */
export async function ensureDemoUsers(
  db: Knex,
  regency: RawRegency,
): Promise<Array<{ username: string; role: string; name: string }>> {
  const usernames = regency.roles.map((role) => `${regency.id}.${role.id}`);
  const existing = await existingUsernames(db, usernames);
  // Hashing (scrypt) is skipped when every account exists already: a restart should not pay for it.
  const hash = existing.size < usernames.length ? await hashPassword(DEMO_PASSWORD) : '';
  const created = [];
  for (const role of regency.roles) {
    const username = `${regency.id}.${role.id}`;
    if (existing.has(username)) {
      created.push({ username, role: role.id, name: role.name });
      continue;
    }
    await insertDemoAccount(db, {
      id: randomUUID(),
      regencyId: regency.id,
      username,
      name: `${role.name} (demo)`,
      passwordHash: hash,
      role: role.id,
    });
    created.push({ username, role: role.id, name: role.name });
  }
  const revived = await enableDemoAccounts(db, regency.id);
  for (const row of revived)
    await recordAccountEvent(
      db,
      { id: row.id, regencyId: row.regency_id, username: row.username },
      'enabled',
      SYSTEM_ACTOR,
      {
        reason: 'demo accounts turned on',
      },
    );
  return created;
}

/** Disables every active demo account (and ends its sessions); returns how many were disabled. */
export async function disableDemoUsers(db: Knex): Promise<number> {
  const rows = await disableDemoAccounts(db);
  for (const row of rows)
    await recordAccountEvent(
      db,
      { id: row.id, regencyId: row.regency_id, username: row.username },
      'demo_disabled',
      SYSTEM_ACTOR,
    );
  return rows.length;
}
