import { Type } from '@sinclair/typebox';
import type { Knex } from 'knex';
import { rowDecoder } from '../rowDecoder.ts';

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
  db: Knex,
  regencyId: string,
  userId: string,
  now: Date,
): Promise<ActiveDelegationRow[]> {
  const rows = activeDelegationRowDecoder.rows(
    await db('delegations as d')
      .join('users as u', 'u.id', 'd.from_user_id')
      .where({ 'd.regency_id': regencyId, 'd.to_user_id': userId })
      .andWhere('d.starts_at', '<=', now)
      .andWhere('d.ends_at', '>', now)
      .select('u.id', 'u.display_name', 'u.roles'),
  );
  return rows.map((r) => ({ fromUserId: r.id, fromName: r.display_name, roles: r.roles }));
}
