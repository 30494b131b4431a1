import type { Knex } from 'knex';

/** An account as SSO sign-in needs it: what a session is opened from, and whether it is active. */
export interface SsoAccountRow {
  id: string;
  regency_id: string;
  username: string;
  display_name: string;
  roles: string[];
  must_change_password: boolean;
  active: boolean;
}

const COLUMNS = ['id', 'regency_id', 'username', 'display_name', 'roles', 'must_change_password', 'active'];

/** The regency's account with this username, or with this e-mail (compared case-insensitively). */
export async function accountByClaim(
  db: Knex,
  regencyId: string,
  matchBy: 'username' | 'email',
  value: string,
): Promise<SsoAccountRow | undefined> {
  const query = db('users').where({ regency_id: regencyId });
  if (matchBy === 'email') void query.whereRaw('lower(email) = ?', [value.toLowerCase()]);
  else void query.where({ username: value.toLowerCase() });
  return (await query.first(...COLUMNS)) as SsoAccountRow | undefined;
}

/** The account with this username (usernames are unique across regencies). */
export async function accountByUsername(db: Knex, username: string): Promise<SsoAccountRow | undefined> {
  return (await db('users')
    .where({ username })
    .first(...COLUMNS)) as SsoAccountRow | undefined;
}
