import { Type } from '@sinclair/typebox';
import type { Knex } from 'knex';
import type { CaseState } from '../../core/caseTypes.ts';
import { JsonObject, Timestamp } from '../rowColumns.ts';
import { rowDecoder } from '../rowDecoder.ts';

// Compiled once, at module load.
const versionNumberRows = rowDecoder('definition_versions (number)', Type.Object({ version: Type.Number() }));

/** A running case of an SOP on an older version. */
export interface RunningCase {
  id: string;
  trackingCode: string;
  version: number;
  openedAt: string;
  state: CaseState;
}

const runningRows = rowDecoder(
  'cases (running below a version)',
  Type.Object({
    id: Type.String(),
    tracking_code: Type.String(),
    version: Type.Number(),
    opened_at: Timestamp,
    state: JsonObject<CaseState>(),
  }),
);

/** The open and waiting cases of an SOP on a version below `version`, oldest first. */
export async function runningCasesBelow(
  db: Knex,
  regencyId: string,
  sopId: string,
  version: number,
): Promise<RunningCase[]> {
  const rows = runningRows.rows(
    await db('cases as c')
      .join('definition_versions as v', 'v.id', 'c.version_id')
      .where({ 'c.regency_id': regencyId, 'c.sop_id': sopId })
      .whereIn('c.status', ['open', 'waiting'])
      .andWhere('v.version', '<', version)
      .orderBy('c.opened_at')
      .select('c.id', 'c.tracking_code', 'v.version', 'c.opened_at', 'c.state'),
  );
  return rows.map((r) => ({
    id: r.id,
    trackingCode: r.tracking_code,
    version: r.version,
    openedAt: new Date(r.opened_at).toISOString(),
    state: r.state,
  }));
}

/** The version number of a stored definition version (by its id). */
export async function versionNumberOf(db: Knex, versionId: number): Promise<number | undefined> {
  const row = versionNumberRows.first(await db('definition_versions').where({ id: versionId }).first('version'));
  return row?.version;
}

/** Repoints a case to another definition version. */
export async function setCaseVersion(db: Knex, regencyId: string, caseId: string, versionId: number): Promise<void> {
  await db('cases').where({ id: caseId, regency_id: regencyId }).update({ version_id: versionId });
}
