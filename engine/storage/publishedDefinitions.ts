import { Type } from '@sinclair/typebox';
import type { Knex } from 'knex';
import type { SopDefinition } from '../definition/sopTypes.ts';
import { JsonObject } from './rowColumns.ts';
import { rowDecoder } from './rowDecoder.ts';
import { onLatestVersion } from './latestVersionJoin.ts';

// Compiled once, at module load.
const publishedRows = rowDecoder(
  'definitions (published, latest versions)',
  Type.Object({ sop_id: Type.String(), version: Type.Number(), definition: JsonObject<SopDefinition>() }),
);

/** A published SOP of a regency at its latest version. */
export interface PublishedDefinition {
  sopId: string;
  version: number;
  definition: SopDefinition;
}

/** The regency's published SOPs at their latest version, by name. */
export async function publishedDefinitions(db: Knex, regencyId: string): Promise<PublishedDefinition[]> {
  const rows = publishedRows.rows(
    await db('definitions as d')
      .join('definition_versions as v', onLatestVersion)
      .where('d.regency_id', regencyId)
      .andWhere('d.status', 'published')
      .orderBy('d.name')
      .select('d.sop_id', 'v.version', 'v.definition'),
  );
  return rows.map((r) => ({ sopId: r.sop_id, version: r.version, definition: r.definition }));
}
