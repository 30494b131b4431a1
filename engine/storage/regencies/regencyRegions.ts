import { Type } from '@sinclair/typebox';
import type { Knex } from 'knex';
import { JsonObject } from '../rowColumns.ts';
import { rowDecoder } from '../rowDecoder.ts';

// Compiled once, at module load.
const regionRows = rowDecoder(
  'regencies (region codes)',
  Type.Object({ id: Type.String(), name: Type.String(), config: JsonObject<{ regionCode?: string }>() }),
);

/** A registered regency with the region code its settings declare (none for older settings). */
export interface RegencyRegion {
  id: string;
  name: string;
  regionCode: string | undefined;
}

/** Every registered regency with its region code, to refuse registering the same kabupaten twice. */
export async function regencyRegions(db: Knex): Promise<RegencyRegion[]> {
  const rows = regionRows.rows(await db('regencies').select('id', 'name', 'config'));
  return rows.map((r) => ({ id: r.id, name: r.name, regionCode: r.config.regionCode }));
}
