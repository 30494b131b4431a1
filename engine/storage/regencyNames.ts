import { Type, type Static } from '@sinclair/typebox';
import type { Knex } from 'knex';
import { rowDecoder } from './rowDecoder.ts';

/** A regency as lists name it: its id and name, nothing of its settings. */
export type RegencyName = Static<typeof RegencyNameSchema>;
const RegencyNameSchema = Type.Object({ id: Type.String(), name: Type.String() });

// Compiled once, at module load.
const nameRows = rowDecoder('regencies (names)', RegencyNameSchema);

/** Every regency using Alur, by name. */
export async function listRegencyNames(db: Knex): Promise<RegencyName[]> {
  const rows = nameRows.rows(await db('regencies').orderBy('name').select('id', 'name'));
  return rows.map((r) => ({ id: r.id, name: r.name }));
}

/** One regency's id and name, or undefined when there is none with that id. */
export async function regencyNameOf(db: Knex, regencyId: string): Promise<RegencyName | undefined> {
  const row = nameRows.first(await db('regencies').where({ id: regencyId }).first('id', 'name'));
  return row ? { id: row.id, name: row.name } : undefined;
}
