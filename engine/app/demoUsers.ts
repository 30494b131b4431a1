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
  const hash = await hashPassword(DEMO_PASSWORD);
  const created = [];
  for (const role of regency.roles) {
    const username = `${regency.id}.${role.id}`;
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
