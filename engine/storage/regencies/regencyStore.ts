import { Type, type Static } from '@sinclair/typebox';
import type { Knex } from 'knex';
import type { RawRegency } from '../../definition/sopTypes.ts';
import { JsonObject, Nullable, Timestamp } from '../rowColumns.ts';
import { rowDecoder } from '../rowDecoder.ts';

/** The draft and review rows of regency settings use this document id, which no SOP id can take. */
export const REGENCY_DOC = '@regency';

/** The settings in force: the parsed configuration, its YAML text and whether the app owns it. */
export interface StoredRegency {
  id: string;
  name: string;
  config: RawRegency;
  source: string | null;
  managedInApp: boolean;
}

/** One approved change of a regency's settings. */
export interface RegencyVersion {
  version: number;
  source: string;
  publishedBy: string;
  publishedByName: string;
  publishedAt: string;
}

const VersionRowSchema = Type.Object({
  version: Type.Number(),
  source: Type.String(),
  published_by: Type.String(),
  published_by_name: Type.String(),
  published_at: Timestamp,
});
type VersionRow = Static<typeof VersionRowSchema>;

// Compiled once, at module load.
const versionRows = rowDecoder('regency_versions', VersionRowSchema);
const latestVersionNumber = rowDecoder('regency_versions (latest number)', Type.Object({ v: Nullable(Type.Number()) }));
const regencyRows = rowDecoder(
  'regencies',
  Type.Object({
    id: Type.String(),
    name: Type.String(),
    config: JsonObject<RawRegency>(),
    source: Nullable(Type.String()),
    managed_in_app: Type.Boolean(),
  }),
);

const toVersion = (r: VersionRow): RegencyVersion => ({
  version: r.version,
  source: r.source,
  publishedBy: r.published_by,
  publishedByName: r.published_by_name,
  publishedAt: new Date(r.published_at).toISOString(),
});

/** The stored regency row, if the regency exists. */
export async function storedRegency(db: Knex, regencyId: string): Promise<StoredRegency | undefined> {
  const row = regencyRows.first(
    await db('regencies').where({ id: regencyId }).first('id', 'name', 'config', 'source', 'managed_in_app'),
  );
  return row
    ? { id: row.id, name: row.name, config: row.config, source: row.source, managedInApp: row.managed_in_app }
    : undefined;
}

/** Approved settings changes, newest first (with their text, which is small). */
export async function listRegencyVersions(db: Knex, regencyId: string): Promise<RegencyVersion[]> {
  const rows = versionRows.rows(
    await db('regency_versions')
      .where({ regency_id: regencyId })
      .orderBy('version', 'desc')
      .select('version', 'source', 'published_by', 'published_by_name', 'published_at'),
  );
  return rows.map(toVersion);
}

/** Appends an approved settings text as the next version number. */
export async function insertRegencyVersion(
  db: Knex,
  input: { regencyId: string; source: string; contentHash: string; by: string; byName: string },
): Promise<number> {
  const latest = latestVersionNumber.first(
    await db('regency_versions').where({ regency_id: input.regencyId }).max('version as v').first(),
  );
  const version = (latest?.v ?? 0) + 1;
  await db('regency_versions').insert({
    regency_id: input.regencyId,
    version,
    source: input.source,
    content_hash: input.contentHash,
    published_by: input.by,
    published_by_name: input.byName,
  });
  return version;
}
