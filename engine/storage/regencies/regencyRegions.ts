import type { Knex } from 'knex';

/** A registered regency with the region code its settings declare (none for older settings). */
export interface RegencyRegion {
  id: string;
  name: string;
  regionCode: string | undefined;
}

/** Every registered regency with its region code, to refuse registering the same kabupaten twice. */
export async function regencyRegions(db: Knex): Promise<RegencyRegion[]> {
  const rows: Array<{ id: string; name: string; config: { regionCode?: string } }> = await db('regencies').select(
    'id',
    'name',
    'config',
  );
  return rows.map((r) => ({ id: r.id, name: r.name, regionCode: r.config.regionCode }));
}
