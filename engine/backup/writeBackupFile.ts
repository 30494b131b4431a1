import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Knex } from 'knex';
import { createBackup } from './createBackup.ts';

/** What was written. */
export interface WrittenBackup {
  file: string;
  bytes: number;
  tables: number;
  rows: number;
  createdAt: string;
}

/** Takes a backup and writes it to `file` (a temporary name first, then renamed: never half a file). */
export async function writeBackupFile(db: Knex, file: string): Promise<WrittenBackup> {
  const backup = await createBackup(db);
  const target = resolve(file);
  mkdirSync(dirname(target), { recursive: true });
  const temporary = `${target}.tmp-${process.pid}`;
  writeFileSync(temporary, backup.bytes, { mode: 0o600 });
  renameSync(temporary, target);
  return {
    file: target,
    bytes: backup.bytes.length,
    tables: backup.manifest.tables.length,
    rows: backup.manifest.tables.reduce((sum, t) => sum + t.rows, 0),
    createdAt: backup.manifest.createdAt,
  };
}
