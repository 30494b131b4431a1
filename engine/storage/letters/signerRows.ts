import type { Knex } from 'knex';

/** An official who handed their roles to the user as Plt or Plh. */
export type ActingForRow = { id: string; display_name: string; roles: string[]; kind: 'plt' | 'plh' };

/**
 * Plt/Plh delegations to `userId` in force at `now` within the regency, the most recent first, with the
 * delegating official's roles (out-of-office cover, `cuti`, carries no authority to sign and is left out).
 */
export async function actingForRows(db: Knex, regencyId: string, userId: string, now: Date): Promise<ActingForRow[]> {
  return (await db('delegations as d')
    .join('users as u', 'u.id', 'd.from_user_id')
    .where({ 'd.regency_id': regencyId, 'd.to_user_id': userId })
    .whereIn('d.kind', ['plt', 'plh'])
    .andWhere('d.starts_at', '<=', now)
    .andWhere('d.ends_at', '>', now)
    .orderBy('d.starts_at', 'desc')
    .select('u.id', 'u.display_name', 'u.roles', 'd.kind')) as ActingForRow[];
}

/** The name and NIP a user signs with, as their account holds them now. */
export async function signerIdentity(
  db: Knex,
  userId: string,
): Promise<{ display_name: string; nip: string | null } | undefined> {
  return (await db('users').where({ id: userId }).first('display_name', 'nip')) as
    { display_name: string; nip: string | null } | undefined;
}
