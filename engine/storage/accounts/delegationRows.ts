import { Type } from '@sinclair/typebox';
import { rowDecoder } from '../rowDecoder.ts';
import type { Sql } from '../sql.ts';

// Compiled once, at module load.
const activeDelegationRowDecoder = rowDecoder(
  'delegations (active, to a user)',
  Type.Object({ id: Type.String(), display_name: Type.String(), roles: Type.Array(Type.String()) }),
);

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
  const rows = activeDelegationRowDecoder.rows(
    await sql.rows<unknown>(
      `SELECT u.id, u.display_name, u.roles FROM delegations d JOIN users u ON u.id = d.from_user_id
      WHERE d.regency_id = ? AND d.to_user_id = ? AND d.starts_at <= ? AND d.ends_at > ?`,
      [regencyId, userId, now, now],
    ),
  );
  return rows.map((r) => ({ fromUserId: r.id, fromName: r.display_name, roles: r.roles }));
}
