import { Type, type Static } from '@sinclair/typebox';
import type { Knex } from 'knex';
import { rowDecoder } from '../rowDecoder.ts';

const SsoAccountRowSchema = Type.Object({
  id: Type.String(),
  regency_id: Type.String(),
  username: Type.String(),
  display_name: Type.String(),
  roles: Type.Array(Type.String()),
  must_change_password: Type.Boolean(),
  active: Type.Boolean(),
});

/** An account as SSO sign-in needs it: what a session is opened from, and whether it is active. */
export type SsoAccountRow = Static<typeof SsoAccountRowSchema>;

// Compiled once, at module load.
const ssoAccountRows = rowDecoder('users (SSO account)', SsoAccountRowSchema);

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
  return ssoAccountRows.first(await query.first(...COLUMNS));
}

/** The account with this username (usernames are unique across regencies). */
export async function accountByUsername(db: Knex, username: string): Promise<SsoAccountRow | undefined> {
  return ssoAccountRows.first(
    await db('users')
      .where({ username })
      .first(...COLUMNS),
  );
}
