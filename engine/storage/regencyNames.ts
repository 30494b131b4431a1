import type { Knex } from 'knex';

/** A regency as lists name it: its id and name, nothing of its settings. */
export interface RegencyName {
  id: string;
  name: string;
}

/** Every regency using Alur, by name. */
export async function listRegencyNames(db: Knex): Promise<RegencyName[]> {
  const rows = (await db('regencies').orderBy('name').select('id', 'name')) as Array<{ id: string; name: string }>;
  return rows.map((r) => ({ id: r.id, name: r.name }));
}

/** One regency's id and name, or undefined when there is none with that id. */
export async function regencyNameOf(db: Knex, regencyId: string): Promise<RegencyName | undefined> {
  const row = (await db('regencies').where({ id: regencyId }).first('id', 'name')) as RegencyName | undefined;
  return row ? { id: row.id, name: row.name } : undefined;
}
