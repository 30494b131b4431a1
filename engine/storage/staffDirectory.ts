import { Type, type Static } from '@sinclair/typebox';
import type { Knex } from 'knex';
import type { StaffMemberSchema } from '../contracts/delegationContracts.ts';
import { rowDecoder } from './rowDecoder.ts';

// Compiled once, at module load.
const staffNameRows = rowDecoder('users (staff name)', Type.Object({ id: Type.String(), display_name: Type.String() }));
const staffRows = rowDecoder(
  'users (active staff)',
  Type.Object({
    id: Type.String(),
    username: Type.String(),
    display_name: Type.String(),
    roles: Type.Array(Type.String()),
  }),
);

// The staff of a regency as routes need them (assigning, delegating, auditing): rows decoded here, once.

/** A staff member of one regency, as assignment lists show them. */
export type StaffMember = Static<typeof StaffMemberSchema>;

/** An active staff member of the regency by id (for reassigning a task), or undefined. */
export async function activeStaffMember(
  db: Knex,
  regencyId: string,
  userId: string,
): Promise<{ id: string; name: string } | undefined> {
  const row = staffNameRows.first(
    await db('users').where({ id: userId, regency_id: regencyId, active: true }).first('id', 'display_name'),
  );
  return row ? { id: row.id, name: row.display_name } : undefined;
}

/** The regency's active staff by name (for assignment and delegation pickers). */
export async function activeStaff(db: Knex, regencyId: string): Promise<StaffMember[]> {
  const rows = staffRows.rows(
    await db('users')
      .where({ regency_id: regencyId, active: true })
      .orderBy('display_name')
      .select('id', 'username', 'display_name', 'roles'),
  );
  return rows.map((r) => ({ id: r.id, username: r.username, name: r.display_name, roles: r.roles }));
}

/** How many of the given user ids are staff of the regency (active or not). */
export async function countStaffOf(db: Knex, regencyId: string, userIds: readonly string[]): Promise<number> {
  const rows = (await db('users')
    .whereIn('id', [...new Set(userIds)])
    .andWhere({ regency_id: regencyId })
    .select('id')) as unknown[];
  return rows.length;
}

/** Whether the user id is a staff member of the regency (active or not). */
export async function staffExists(db: Knex, regencyId: string, userId: string): Promise<boolean> {
  return (await countStaffOf(db, regencyId, [userId])) === 1;
}
