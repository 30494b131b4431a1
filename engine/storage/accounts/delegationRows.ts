import type { Sql } from '../sql.ts';

/** A delegation in force: who gave the user their roles. */
export interface ActiveDelegationRow {
  fromUserId: string;
  fromName: string;
  roles: string[];
}

/** Delegations (Plt/Plh/out-of-office) to `userId` in force at `now`, within the regency. */
export async function activeDelegationRows(
  sql: Sql,
  regencyId: string,
  userId: string,
  now: Date,
): Promise<ActiveDelegationRow[]> {
  const rows = await sql.rows<{ id: string; display_name: string; roles: string[] }>(
    `SELECT u.id, u.display_name, u.roles FROM delegations d JOIN users u ON u.id = d.from_user_id
      WHERE d.regency_id = ? AND d.to_user_id = ? AND d.starts_at <= ? AND d.ends_at > ?`,
    [regencyId, userId, now, now],
  );
  return rows.map((r) => ({ fromUserId: r.id, fromName: r.display_name, roles: r.roles }));
}
