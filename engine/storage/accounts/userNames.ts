import type { Knex } from 'knex';

/** The display names of those of these user ids that are accounts of the regency. */
export async function userNamesOf(db: Knex, regencyId: string, ids: string[]): Promise<Map<string, string>> {
  const rows: Array<{ id: string; display_name: string }> = await db('users')
    .where({ regency_id: regencyId })
    .whereIn('id', ids)
    .select('id', 'display_name');
  return new Map(rows.map((u) => [u.id, u.display_name]));
}
