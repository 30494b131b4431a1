import type { Knex } from 'knex';

/** A delegation in force: who gave the user their roles. */
export interface ActiveDelegationRow {
  fromUserId: string;
  fromName: string;
  roles: string[];
}

/** Delegations (Plt/Plh/out-of-office) to `userId` in force at `now`, within the regency. */
export async function activeDelegationRows(
  db: Knex,
  regencyId: string,
  userId: string,
  now: Date,
): Promise<ActiveDelegationRow[]> {
  const rows = (await db('delegations as d')
    .join('users as u', 'u.id', 'd.from_user_id')
    .where({ 'd.regency_id': regencyId, 'd.to_user_id': userId })
    .andWhere('d.starts_at', '<=', now)
    .andWhere('d.ends_at', '>', now)
    .select('u.id', 'u.display_name', 'u.roles')) as Array<{ id: string; display_name: string; roles: string[] }>;
  return rows.map((r) => ({ fromUserId: r.id, fromName: r.display_name, roles: r.roles }));
}
