/** The archive's manifest: what was saved, from which schema, and a checksum per table file. */
export interface BackupManifest {
  format: 'alur-backup';
  version: 1;
  createdAt: string;
  /** The PostgreSQL version string of the source (PGlite or a server; a backup restores into either). */
  source: string;
  /** Migrations the source database had run, in order. */
  migrations: string[];
  tables: Array<{ name: string; file: string; rows: number; bytes: number; sha256: string }>;
}

/** Name of the manifest inside the archive. */
export const MANIFEST_FILE = 'manifest.json';

/** Tables that are not data: knex's migration bookkeeping (re-created by migrating). */
export const SKIPPED_TABLES = new Set(['knex_migrations', 'knex_migrations_lock']);
