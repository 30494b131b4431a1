import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { RawRegency } from '../definition/sopTypes.ts';
import { hashPassword } from './passwords.ts';

/** The password of every demo account (development and tests only). */
export const DEMO_PASSWORD = 'alur-demo';

/** One demo account per role of a regency, named `<regency>.<role>`; existing accounts are left as they are. */
export async function ensureDemoUsers(
  db: Knex,
  regency: RawRegency,
): Promise<Array<{ username: string; role: string; name: string }>> {
  const usernames = regency.roles.map((role) => `${regency.id}.${role.id}`);
  const existing = new Set(
    ((await db('users').whereIn('username', usernames).select('username')) as Array<{ username: string }>).map(
      (u) => u.username,
    ),
  );
  // Hashing (scrypt) is skipped when every account exists already: a restart should not pay for it.
  const hash = existing.size < usernames.length ? await hashPassword(DEMO_PASSWORD) : '';
  const created = [];
  for (const role of regency.roles) {
    const username = `${regency.id}.${role.id}`;
    if (existing.has(username)) {
      created.push({ username, role: role.id, name: role.name });
      continue;
    }
    await db('users')
      .insert({
        id: randomUUID(),
        regency_id: regency.id,
        username,
        display_name: `${role.name} (demo)`,
        password_hash: hash,
        roles: JSON.stringify([role.id]),
      })
      .onConflict('username')
      .ignore();
    created.push({ username, role: role.id, name: role.name });
  }
  return created;
}
