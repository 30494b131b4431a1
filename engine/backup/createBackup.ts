import { createHash } from 'node:crypto';
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { Knex } from 'knex';
import { SYSTEM_ROLE } from '../../migrations/rowLevelSecurity.ts';
import { MANIFEST_FILE, type BackupManifest } from './backupFormat.ts';
import { tablesInDependencyOrder } from './tableOrder.ts';

/** A finished backup: the archive bytes and its manifest. */
export interface Backup {
  bytes: Uint8Array;
  manifest: BackupManifest;
}

/**
 * Takes a logical backup of every table (attachments included: their bytes live in the database) as one
 * zip: a JSON-lines file per table (PostgreSQL's own row_to_json, so bytea is hex and jsonb stays JSON)
 * and a manifest with row counts and SHA-256 checksums. One REPEATABLE READ transaction as the system
 * role gives a consistent snapshot of all regencies while the server keeps working.
 */
export async function createBackup(db: Knex, now = new Date()): Promise<Backup> {
  return db.transaction(
    async (trx) => {
      await trx.raw(`SET LOCAL ROLE ${SYSTEM_ROLE}`);
      const files: Zippable = {};
      const manifest: BackupManifest = {
        format: 'alur-backup',
        version: 1,
        createdAt: now.toISOString(),
        source: ((await trx.raw('SELECT version() AS v')) as { rows: Array<{ v: string }> }).rows[0]?.v ?? '',
        migrations: (
          (await trx.raw('SELECT name FROM knex_migrations ORDER BY id')) as { rows: Array<{ name: string }> }
        ).rows.map((r) => r.name),
        tables: [],
      };
      for (const table of await tablesInDependencyOrder(trx)) {
        const rows = (
          (await trx.raw(`SELECT row_to_json(t)::text AS j FROM ${table} t`)) as { rows: Array<{ j: string }> }
        ).rows;
        const content = strToU8(rows.map((r) => `${r.j}\n`).join(''));
        const file = `tables/${table}.jsonl`;
        files[file] = content;
        manifest.tables.push({
          name: table,
          file,
          rows: rows.length,
          bytes: content.length,
          sha256: createHash('sha256').update(content).digest('hex'),
        });
      }
      files[MANIFEST_FILE] = strToU8(JSON.stringify(manifest, null, 1));
      return { bytes: zipSync(files, { level: 6 }), manifest };
    },
    { isolationLevel: 'repeatable read' },
  );
}
