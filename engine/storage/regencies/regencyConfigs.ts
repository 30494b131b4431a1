import type { Knex } from 'knex';
import type { RawRegency } from '../../definition/sopTypes.ts';

/** Loads the configuration of the given regencies (one query), keyed by id. */
export async function regencyConfigs(db: Knex, ids: Iterable<string>): Promise<Map<string, RawRegency>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const rows = (await db('regencies').whereIn('id', wanted).select('id', 'config')) as Array<{
    id: string;
    config: RawRegency;
  }>;
  return new Map(rows.map((r) => [r.id, r.config]));
}
