import { Type } from '@sinclair/typebox';
import type { Knex } from 'knex';
import { Nullable } from '../rowColumns.ts';
import { rowDecoder } from '../rowDecoder.ts';
import { onLatestVersion } from '../latestVersionJoin.ts';

// Compiled once, at module load.
const retentionRows = rowDecoder(
  'definitions (retention years)',
  Type.Object({ regency_id: Type.String(), sop_id: Type.String(), years: Nullable(Type.Number()) }),
);
const caseIdRows = rowDecoder('cases (expired ids)', Type.Object({ id: Type.String() }));

/** The `retention.years` of every SOP's latest version (null when it sets none). */
export async function retentionYearsPerSop(
  db: Knex,
): Promise<Array<{ regency_id: string; sop_id: string; years: number | null }>> {
  return retentionRows.rows(
    await db('definitions as d')
      .join('definition_versions as v', onLatestVersion)
      .select('d.regency_id', 'd.sop_id', db.raw(`(v.definition->'retention'->>'years')::int as years`)),
  );
}

/** Closed, not yet anonymised cases of one SOP that closed before `cutoff`, oldest first, claimed with SKIP LOCKED. */
export async function claimExpiredCases(
  trx: Knex.Transaction,
  policy: { regencyId: string; sopId: string },
  cutoff: Date,
  batch: number,
): Promise<Array<{ id: string }>> {
  return caseIdRows.rows(
    await trx('cases')
      .where({ regency_id: policy.regencyId, sop_id: policy.sopId })
      .whereIn('status', ['completed', 'rejected', 'referred', 'cancelled'])
      .whereNull('anonymised_at')
      .andWhere('closed_at', '<', cutoff)
      .orderBy('closed_at')
      .limit(batch)
      .forUpdate()
      .skipLocked()
      .select('id'),
  );
}
