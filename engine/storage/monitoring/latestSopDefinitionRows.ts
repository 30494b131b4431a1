import { Type, type Static } from '@sinclair/typebox';
import type { Knex } from 'knex';
import type { SopDefinition } from '../../definition/sopTypes.ts';
import { sqlRows } from '../sqlRows.ts';
import { JsonObject } from '../rowColumns.ts';
import { rowDecoder } from '../rowDecoder.ts';

const LatestSopDefinitionRowSchema = Type.Object({
  sop_id: Type.String(),
  version: Type.Number(),
  definition: JsonObject<SopDefinition>(),
});

/** One row of latestSopDefinitionRows. */
export type LatestSopDefinitionRow = Static<typeof LatestSopDefinitionRowSchema>;

// Compiled once, at module load.
const latestSopDefinitionRowDecoder = rowDecoder('latestSopDefinitionRows', LatestSopDefinitionRowSchema);

/** The latest published version of each SOP of the regency. */
export async function latestSopDefinitionRows(db: Knex, regencyId: string): Promise<LatestSopDefinitionRow[]> {
  return sqlRows(
    db,
    'SELECT DISTINCT ON (sop_id) sop_id, version, definition FROM definition_versions WHERE regency_id = ? ORDER BY sop_id, version DESC',
    [regencyId],
    latestSopDefinitionRowDecoder,
  );
}
