import { Type, type Static } from '@sinclair/typebox';
import type { Knex } from 'knex';
import { Nullable, Timestamp } from '../rowColumns.ts';
import { rowDecoder } from '../rowDecoder.ts';
import { onLatestVersion } from '../latestVersionJoin.ts';

/** A definition of the regency as the designer's list needs it: its latest version's date and publisher. */
export interface DesignerDefinition {
  sopId: string;
  name: string;
  unit: string | null;
  latestVersion: number | null;
  updatedAt: string;
  /** The effective date written in the latest version, if any. */
  effective: string | null;
  publishedAt: string | null;
  /** The publisher's display name (their user id when the account is gone, null without a version). */
  publishedByName: string | null;
}

const DesignerDefinitionRowSchema = Type.Object({
  sop_id: Type.String(),
  name: Type.String(),
  unit: Nullable(Type.String()),
  latest_version: Nullable(Type.Number()),
  updated_at: Timestamp,
  effective: Nullable(Type.String()),
  published_at: Nullable(Timestamp),
  published_by_name: Nullable(Type.String()),
});
type DesignerDefinitionRow = Static<typeof DesignerDefinitionRowSchema>;

// Compiled once, at module load.
const designerDefinitionRows = rowDecoder('definitions (designer list)', DesignerDefinitionRowSchema);
const librarySopRows = rowDecoder(
  'definitions (published, all regencies)',
  Type.Object({
    regency_id: Type.String(),
    regency_name: Type.String(),
    sop_id: Type.String(),
    name: Type.String(),
    latest_version: Type.Number(),
  }),
);
const sourceRows = rowDecoder('definition_versions (source)', Type.Object({ source: Type.String() }));
const sopIdRows = rowDecoder('definitions (ids)', Type.Object({ sop_id: Type.String() }));
const folderDefinitionRows = rowDecoder(
  'definitions (folder draft)',
  Type.Object({ name: Type.String(), draft_source: Nullable(Type.String()) }),
);
const sopSourceRows = rowDecoder(
  'definition_versions (latest sources)',
  Type.Object({ sop_id: Type.String(), source: Type.String() }),
);
const folderDraftRows = rowDecoder(
  'definitions (unpublished folder drafts)',
  Type.Object({ sop_id: Type.String(), draft_source: Type.String() }),
);

function decodeDesignerDefinition(d: DesignerDefinitionRow): DesignerDefinition {
  return {
    sopId: d.sop_id,
    name: d.name,
    unit: d.unit,
    latestVersion: d.latest_version,
    updatedAt: new Date(d.updated_at).toISOString(),
    effective: d.effective,
    publishedAt: d.published_at ? new Date(d.published_at).toISOString() : null,
    publishedByName: d.published_by_name,
  };
}

/** Every definition of the regency with its latest version's effective date and publisher. */
export async function designerDefinitions(db: Knex, regencyId: string): Promise<DesignerDefinition[]> {
  const rows = designerDefinitionRows.rows(
    await db('definitions as d')
      .leftJoin('definition_versions as v', onLatestVersion)
      .leftJoin('users as u', 'u.id', 'v.published_by')
      .where('d.regency_id', regencyId)
      .select(
        'd.sop_id',
        'd.name',
        'd.unit',
        'd.latest_version',
        'd.updated_at',
        db.raw(`v.definition->'dates'->>'effective' as effective`),
        'v.published_at',
        db.raw(`coalesce(u.display_name, v.published_by) as published_by_name`),
      ),
  );
  return rows.map(decodeDesignerDefinition);
}

/** A published SOP of any regency, to copy from. */
export interface LibrarySop {
  regencyId: string;
  regencyName: string;
  sopId: string;
  name: string;
  version: number;
}

/** The published SOPs of every regency by regency name and SOP name (published SOPs are public documents). */
export async function publishedSopsOfAllRegencies(db: Knex): Promise<LibrarySop[]> {
  const rows = librarySopRows.rows(
    await db('definitions as d')
      .join('regencies as r', 'r.id', 'd.regency_id')
      .where('d.status', 'published')
      .orderBy(['r.name', 'd.name'])
      .select('d.regency_id', 'r.name as regency_name', 'd.sop_id', 'd.name', 'd.latest_version'),
  );
  return rows.map((r) => ({
    regencyId: r.regency_id,
    regencyName: r.regency_name,
    sopId: r.sop_id,
    name: r.name,
    version: r.latest_version,
  }));
}

/** The source of an SOP's newest published version, if any. */
export async function newestPublishedSource(db: Knex, regencyId: string, sopId: string): Promise<string | undefined> {
  const row = sourceRows.first(
    await db('definition_versions')
      .where({ regency_id: regencyId, sop_id: sopId })
      .orderBy('version', 'desc')
      .first('source'),
  );
  return row?.source;
}

/** Whether the regency has a definition or a designer draft with this id. */
export async function sopIdInUse(db: Knex, regencyId: string, sopId: string): Promise<boolean> {
  const definition: unknown = await db('definitions').where({ regency_id: regencyId, sop_id: sopId }).first('sop_id');
  const draft: unknown = await db('definition_drafts').where({ regency_id: regencyId, sop_id: sopId }).first('sop_id');
  return definition !== undefined || draft !== undefined;
}

/** The ids of the regency's definitions. */
export async function definitionIds(db: Knex, regencyId: string): Promise<string[]> {
  const rows = sopIdRows.rows(await db('definitions').where({ regency_id: regencyId }).select('sop_id'));
  return rows.map((r) => r.sop_id);
}

/** A definition's name and the draft text loaded from the folder (null when none), if the definition exists. */
export async function folderDefinition(
  db: Knex,
  regencyId: string,
  sopId: string,
): Promise<{ name: string; draftSource: string | null } | undefined> {
  const row = folderDefinitionRows.first(
    await db('definitions').where({ regency_id: regencyId, sop_id: sopId }).first('name', 'draft_source'),
  );
  return row && { name: row.name, draftSource: row.draft_source };
}

/** The source of each SOP's latest published version. */
export async function latestPublishedSources(
  db: Knex,
  regencyId: string,
): Promise<Array<{ sopId: string; source: string }>> {
  const rows = sopSourceRows.rows(
    await db('definition_versions as v')
      .join(
        'definitions as d',
        (j) =>
          void j
            .on('d.regency_id', 'v.regency_id')
            .andOn('d.sop_id', 'v.sop_id')
            .andOn('d.latest_version', 'v.version'),
      )
      .where('v.regency_id', regencyId)
      .select('v.sop_id', 'v.source'),
  );
  return rows.map((r) => ({ sopId: r.sop_id, source: r.source }));
}

/** The folder-loaded draft texts of SOPs never published. */
export async function unpublishedFolderDrafts(
  db: Knex,
  regencyId: string,
): Promise<Array<{ sopId: string; source: string }>> {
  const rows = folderDraftRows.rows(
    await db('definitions')
      .where({ regency_id: regencyId })
      .whereNull('latest_version')
      .whereNotNull('draft_source')
      .select('sop_id', 'draft_source'),
  );
  return rows.map((r) => ({ sopId: r.sop_id, source: r.draft_source }));
}

/** The ids of the regency's SOPs that have a published version, by id. */
export async function publishedSopIds(db: Knex, regencyId: string): Promise<string[]> {
  const rows = sopIdRows.rows(
    await db('definitions')
      .where({ regency_id: regencyId })
      .whereNotNull('latest_version')
      .orderBy('sop_id')
      .select('sop_id'),
  );
  return rows.map((r) => r.sop_id);
}
