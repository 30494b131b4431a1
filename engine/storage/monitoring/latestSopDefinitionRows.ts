import type { Knex } from 'knex';
import type { SopDefinition } from '../../definition/sopTypes.ts';
import { sqlRows } from '../sqlRows.ts';

/** One row of latestSopDefinitionRows. */
export type LatestSopDefinitionRow = { sop_id: string; version: number; definition: SopDefinition };

/** The latest published version of each SOP of the regency. */
export async function latestSopDefinitionRows(db: Knex, regencyId: string): Promise<LatestSopDefinitionRow[]> {
  return sqlRows<LatestSopDefinitionRow>(
    db,
    'SELECT DISTINCT ON (sop_id) sop_id, version, definition FROM definition_versions WHERE regency_id = ? ORDER BY sop_id, version DESC',
    [regencyId],
  );
}
