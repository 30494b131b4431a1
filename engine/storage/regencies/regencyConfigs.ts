import { Type } from '@sinclair/typebox';
import type { Knex } from 'knex';
import type { RawRegency } from '../../definition/sopTypes.ts';
import { JsonObject } from '../rowColumns.ts';
import { rowDecoder } from '../rowDecoder.ts';

// Compiled once, at module load.
const configRows = rowDecoder(
  'regencies (configs)',
  Type.Object({ id: Type.String(), config: JsonObject<RawRegency>() }),
);

/** Loads the configuration of the given regencies (one query), keyed by id. */
export async function regencyConfigs(db: Knex, ids: Iterable<string>): Promise<Map<string, RawRegency>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const rows = configRows.rows(await db('regencies').whereIn('id', wanted).select('id', 'config'));
  return new Map(rows.map((r) => [r.id, r.config]));
}
