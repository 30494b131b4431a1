import { Type, type Static } from '@sinclair/typebox';
import type { Knex } from 'knex';
import type { Sql } from './sql.ts';
import type { RawRegency, SopDefinition } from '../definition/sopTypes.ts';
import { BigNumber, JsonObject, Nullable, Timestamp } from './rowColumns.ts';
import { rowDecoder } from './rowDecoder.ts';
import { sqlRows } from './sqlRows.ts';

/** A published, immutable version of an SOP. */
export interface DefinitionVersion {
  id: number;
  regencyId: string;
  sopId: string;
  version: number;
  contentHash: string;
  source: string;
  definition: SopDefinition;
  regencySnapshot: RegencySnapshot;
  publishedAt: string;
  publishedBy: string;
}

/** What a version keeps of its regency, so running cases never see another version's letterhead or calendar. */
export interface RegencySnapshot {
  id: string;
  name: string;
  office: RawRegency['office'];
  calendar: RawRegency['calendar'];
}

const VersionRowSchema = Type.Object({
  id: BigNumber,
  regency_id: Type.String(),
  sop_id: Type.String(),
  version: Type.Number(),
  content_hash: Type.String(),
  source: Type.String(),
  definition: JsonObject<SopDefinition>(),
  regency_snapshot: JsonObject<RegencySnapshot>(),
  published_at: Timestamp,
  published_by: Type.String(),
});
type VersionRow = Static<typeof VersionRowSchema>;

// Compiled once, at module load.
const versionRows = rowDecoder('definition_versions', VersionRowSchema);
const versionListRows = rowDecoder(
  'definition_versions (history)',
  Type.Pick(VersionRowSchema, ['version', 'content_hash', 'published_at', 'published_by']),
);
const latestVersionNumber = rowDecoder(
  'definition_versions (latest number)',
  Type.Object({ v: Nullable(Type.Number()) }),
);
const regencyConfigRows = rowDecoder('regencies (config)', Type.Object({ config: JsonObject<RawRegency>() }));
const definitionListRows = rowDecoder(
  'definitions',
  Type.Object({
    sop_id: Type.String(),
    name: Type.String(),
    unit: Nullable(Type.String()),
    status: Type.String(),
    latest_version: Nullable(Type.Number()),
    updated_at: Timestamp,
  }),
);
const definitionStatusRows = rowDecoder('definitions (status)', Type.Object({ status: Type.String() }));

function toVersion(row: VersionRow): DefinitionVersion {
  return {
    id: Number(row.id),
    regencyId: row.regency_id,
    sopId: row.sop_id,
    version: row.version,
    contentHash: row.content_hash,
    source: row.source,
    definition: row.definition,
    regencySnapshot: row.regency_snapshot,
    publishedAt: new Date(row.published_at).toISOString(),
    publishedBy: row.published_by,
  };
}

/** Inserts or updates a regency's configuration and the YAML text it was read from. */
export async function upsertRegency(
  db: Knex,
  regency: RawRegency,
  contentHash: string,
  source: string | null = null,
  managedInApp = false,
): Promise<void> {
  await db('regencies')
    .insert({
      id: regency.id,
      name: regency.name,
      config: JSON.stringify(regency),
      content_hash: contentHash,
      source,
      managed_in_app: managedInApp,
      updated_at: db.fn.now(),
    })
    .onConflict('id')
    .merge(['name', 'config', 'content_hash', 'source', 'managed_in_app', 'updated_at']);
}

/** Reads a regency's configuration. */
export async function getRegency(db: Knex, regencyId: string): Promise<RawRegency | undefined> {
  const row = regencyConfigRows.first(await db('regencies').where({ id: regencyId }).first('config'));
  return row?.config;
}

/** What to publish: the YAML source and its normalised, fully resolved definition. */
export interface PublishInput {
  regencyId: string;
  sopId: string;
  source: string;
  definition: SopDefinition;
  regencySnapshot: RegencySnapshot;
  contentHash: string;
  publishedBy: string;
}

/** Publishes a new immutable version unless the same content is already published (idempotent). */
export async function publishVersion(
  db: Knex,
  input: PublishInput,
): Promise<{ version: DefinitionVersion; created: boolean }> {
  return db.transaction(async (trx) => {
    // Serialise publishes of one SOP so version numbers never collide.
    await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [`${input.regencyId}/${input.sopId}`]);
    const existing = versionRows.first(
      await trx('definition_versions')
        .where({ regency_id: input.regencyId, sop_id: input.sopId, content_hash: input.contentHash })
        .first(),
    );
    const latest = latestVersionNumber.first(
      await trx('definition_versions')
        .where({ regency_id: input.regencyId, sop_id: input.sopId })
        .max('version as v')
        .first(),
    );
    if (existing && existing.version === latest?.v) return { version: toVersion(existing), created: false };
    const version = (latest?.v ?? 0) + 1;
    const [row] = versionRows.rows(
      await trx('definition_versions')
        .insert({
          regency_id: input.regencyId,
          sop_id: input.sopId,
          version,
          // Re-publishing older content gets a fresh hash slot so the unique index keeps holding.
          content_hash: existing ? `${input.contentHash}:${version}` : input.contentHash,
          source: input.source,
          definition: JSON.stringify(input.definition),
          regency_snapshot: JSON.stringify(input.regencySnapshot),
          published_by: input.publishedBy,
        })
        .returning('*'),
    );
    await trx('definitions')
      .insert({
        regency_id: input.regencyId,
        sop_id: input.sopId,
        name: input.definition.name,
        unit: input.definition.unit ?? null,
        status: 'published',
        latest_version: version,
        confidential: input.definition.confidential === true,
        draft_source: null,
        updated_at: trx.fn.now(),
      })
      .onConflict(['regency_id', 'sop_id'])
      .merge(['name', 'unit', 'status', 'latest_version', 'confidential', 'updated_at']);
    return { version: toVersion(row!), created: true };
  });
}

/** Stores a draft (not runnable) definition's source. */
export async function saveDraft(
  db: Knex,
  regencyId: string,
  sopId: string,
  name: string,
  unit: string | undefined,
  source: string,
): Promise<void> {
  await db('definitions')
    .insert({
      regency_id: regencyId,
      sop_id: sopId,
      name,
      unit: unit ?? null,
      status: 'draft',
      latest_version: null,
      draft_source: source,
      updated_at: db.fn.now(),
    })
    .onConflict(['regency_id', 'sop_id'])
    .merge(['name', 'unit', 'draft_source', 'updated_at']);
}

/** The latest published version of an SOP in a regency. */
export async function getLatestVersion(
  db: Knex,
  regencyId: string,
  sopId: string,
): Promise<DefinitionVersion | undefined> {
  const row = versionRows.first(
    await db('definition_versions').where({ regency_id: regencyId, sop_id: sopId }).orderBy('version', 'desc').first(),
  );
  return row ? toVersion(row) : undefined;
}

/** A version by its id, only within the given regency. */
export async function getVersionById(sql: Sql, regencyId: string, id: number): Promise<DefinitionVersion | undefined> {
  const [row] = versionRows.rows(
    await sql.rows<unknown>('SELECT * FROM definition_versions WHERE regency_id = ? AND id = ?', [regencyId, id]),
  );
  return row ? toVersion(row) : undefined;
}

/** A version by number. */
export async function getVersion(
  db: Knex,
  regencyId: string,
  sopId: string,
  version: number,
): Promise<DefinitionVersion | undefined> {
  const row = versionRows.first(
    await db('definition_versions').where({ regency_id: regencyId, sop_id: sopId, version }).first(),
  );
  return row ? toVersion(row) : undefined;
}

/** Version history of an SOP, newest first (without sources). */
export async function listVersions(
  db: Knex,
  regencyId: string,
  sopId: string,
): Promise<Array<{ version: number; contentHash: string; publishedAt: string; publishedBy: string }>> {
  const rows = versionListRows.rows(
    await db('definition_versions')
      .where({ regency_id: regencyId, sop_id: sopId })
      .orderBy('version', 'desc')
      .select('version', 'content_hash', 'published_at', 'published_by'),
  );
  return rows.map((r) => ({
    version: r.version,
    contentHash: r.content_hash,
    publishedAt: new Date(r.published_at).toISOString(),
    publishedBy: r.published_by,
  }));
}

/** SOPs of a regency with their status and latest version. */
export async function listDefinitions(
  db: Knex,
  regencyId: string,
): Promise<
  Array<{
    sopId: string;
    name: string;
    unit: string | null;
    status: string;
    latestVersion: number | null;
    updatedAt: string;
  }>
> {
  const rows = definitionListRows.rows(
    await db('definitions').where({ regency_id: regencyId }).orderBy(['unit', 'name']),
  );
  return rows.map((r) => ({
    sopId: r.sop_id,
    name: r.name,
    unit: r.unit,
    status: r.status,
    latestVersion: r.latest_version,
    updatedAt: new Date(r.updated_at).toISOString(),
  }));
}

/** The latest published version of every SOP, in every regency, whose definition opens cases on a schedule. */
export async function listLatestScheduledVersions(db: Knex): Promise<DefinitionVersion[]> {
  const rows = await sqlRows(
    db,
    `SELECT * FROM (
       SELECT DISTINCT ON (regency_id, sop_id) * FROM definition_versions ORDER BY regency_id, sop_id, version DESC
     ) latest WHERE latest.definition -> 'schedule' IS NOT NULL`,
    [],
    versionRows,
  );
  return rows.map(toVersion);
}

/** The status of an SOP's catalogue row (draft or published), or undefined when it has none. */
export async function definitionStatus(db: Knex, regencyId: string, sopId: string): Promise<string | undefined> {
  const row = definitionStatusRows.first(
    await db('definitions').where({ regency_id: regencyId, sop_id: sopId }).first('status'),
  );
  return row?.status;
}
