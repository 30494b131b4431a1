import type { Knex } from 'knex';
import type { RawRegency } from '../../definition/sopTypes.ts';

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

type VersionRow = {
  version: number;
  source: string;
  published_by: string;
  published_by_name: string;
  published_at: Date | string;
};

const toVersion = (r: VersionRow): RegencyVersion => ({
  version: r.version,
  source: r.source,
  publishedBy: r.published_by,
  publishedByName: r.published_by_name,
  publishedAt: new Date(r.published_at).toISOString(),
});

/** The stored regency row, if the regency exists. */
export async function storedRegency(db: Knex, regencyId: string): Promise<StoredRegency | undefined> {
  const row = (await db('regencies')
    .where({ id: regencyId })
    .first('id', 'name', 'config', 'source', 'managed_in_app')) as
    { id: string; name: string; config: RawRegency; source: string | null; managed_in_app: boolean } | undefined;
  return row
    ? { id: row.id, name: row.name, config: row.config, source: row.source, managedInApp: row.managed_in_app }
    : undefined;
}

/** Approved settings changes, newest first (with their text, which is small). */
export async function listRegencyVersions(db: Knex, regencyId: string): Promise<RegencyVersion[]> {
  const rows = (await db('regency_versions')
    .where({ regency_id: regencyId })
    .orderBy('version', 'desc')
    .select('version', 'source', 'published_by', 'published_by_name', 'published_at')) as VersionRow[];
  return rows.map(toVersion);
}

/** Appends an approved settings text as the next version number. */
export async function insertRegencyVersion(
  db: Knex,
  input: { regencyId: string; source: string; contentHash: string; by: string; byName: string },
): Promise<number> {
  const latest = (await db('regency_versions').where({ regency_id: input.regencyId }).max('version as v').first()) as
    { v: number | null } | undefined;
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
