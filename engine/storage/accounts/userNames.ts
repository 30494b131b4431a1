import { Type } from '@sinclair/typebox';
import type { Knex } from 'knex';
import { rowDecoder } from '../rowDecoder.ts';

// Compiled once, at module load.
const userNameRows = rowDecoder(
  'users (display names)',
  Type.Object({ id: Type.String(), display_name: Type.String() }),
);

/** The display names of those of these user ids that are accounts of the regency. */
export async function userNamesOf(db: Knex, regencyId: string, ids: string[]): Promise<Map<string, string>> {
  const rows = userNameRows.rows(
    await db('users').where({ regency_id: regencyId }).whereIn('id', ids).select('id', 'display_name'),
  );
  return new Map(rows.map((u) => [u.id, u.display_name]));
}
