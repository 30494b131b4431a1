import { Type } from '@sinclair/typebox';
import type { Knex } from 'knex';
import type { SopDefinition } from '../../definition/sopTypes.ts';
import { JsonObject } from '../rowColumns.ts';
import { rowDecoder } from '../rowDecoder.ts';
import { onLatestVersion } from '../latestVersionJoin.ts';

// Compiled once, at module load.
const publicRegencyRowsOf = rowDecoder(
  'regencies (publishing a Standar Pelayanan)',
  Type.Object({ id: Type.String(), name: Type.String(), services: Type.Number() }),
);
const standardRowsOf = rowDecoder(
  'definitions (published Standar Pelayanan)',
  Type.Object({ sop_id: Type.String(), definition: JsonObject<SopDefinition>() }),
);

/** One row of publicRegencyRows. */
export type PublicRegencyRow = { id: string; name: string; services: number };

/** One row of publishedStandardRows: a service and its latest published definition. */
export type PublishedStandardRow = { sop_id: string; definition: SopDefinition };

/** Published, non-confidential definitions whose latest version carries a Standar Pelayanan. */
function publishedStandards(db: Knex): Knex.QueryBuilder {
  return db('definitions as d')
    .join('definition_versions as v', onLatestVersion)
    .where('d.status', 'published')
    .andWhere('d.confidential', false)
    .whereRaw(`v.definition->'serviceStandard' IS NOT NULL`);
}

/** Regencies that publish at least one Standar Pelayanan, by name, with how many. */
export async function publicRegencyRows(db: Knex): Promise<PublicRegencyRow[]> {
  return publicRegencyRowsOf.rows(
    await publishedStandards(db)
      .join('regencies as r', 'r.id', 'd.regency_id')
      .groupBy('r.id', 'r.name')
      .orderBy('r.name')
      .select('r.id', 'r.name', db.raw('count(*)::int as services')),
  );
}

/** The published Standar Pelayanan definitions of one regency, by service name. */
export async function publishedStandardRows(db: Knex, regencyId: string): Promise<PublishedStandardRow[]> {
  return standardRowsOf.rows(
    await publishedStandards(db)
      .andWhere('d.regency_id', regencyId)
      .orderBy('d.name')
      .select('d.sop_id', 'v.definition'),
  );
}
