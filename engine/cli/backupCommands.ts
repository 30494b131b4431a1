import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BackupError } from '../backup/backupError.ts';
import { readBackup } from '../backup/readBackup.ts';
import { restoreBackup } from '../backup/restoreBackup.ts';
import { readServerLock } from '../backup/serverLock.ts';
import { writeBackupFile, type WrittenBackup } from '../backup/writeBackupFile.ts';
import { CONTROL_PATH, CONTROL_TOKEN_HEADER } from '../api/controlRoute.ts';
import { withDatabase } from './claimedDatabase.ts';
import { databaseTargetFromEnv, describeTarget } from '../storage/database.ts';
import { migrateToLatest, pendingMigrations } from '../storage/migrate.ts';
import { ownerTargetFromEnv } from '../storage/schemaOwner.ts';
import { postLocal } from './postLocal.ts';
import type { CliStreams } from './runCli.ts';

function describeBackup(w: WrittenBackup): string {
  return `Cadangan tersimpan: ${w.file}\n  ${w.tables} tabel, ${w.rows} baris, ${(w.bytes / 1024 / 1024).toFixed(2)} MB, ${w.createdAt}\n`;
}

/** `alur backup --out <file>`: asks the running server on the PGlite folder, or opens the database itself. */
export async function backupCommand(out: string, env: NodeJS.ProcessEnv, streams: CliStreams): Promise<number> {
  const target = databaseTargetFromEnv(env);
  const file = resolve(out);
  const lock = target.kind === 'pglite' && target.dataDir !== undefined ? readServerLock(target.dataDir) : undefined;
  if (lock && lock.url.startsWith('http')) {
    streams.stdout.write(`Server Alur (pid ${lock.pid}) memegang folder data; cadangan dibuat oleh server itu.\n`);
    const answer = await postLocal(
      `${lock.url}${CONTROL_PATH}/backup`,
      { [CONTROL_TOKEN_HEADER]: lock.token },
      { out: file },
      env,
    );
    if (answer.status !== 200) {
      const message = (answer.body as { error?: { message?: string } }).error?.message ?? JSON.stringify(answer.body);
      throw new BackupError('SERVER_REFUSED', `Server menolak membuat cadangan (HTTP ${answer.status}): ${message}`);
    }
    streams.stdout.write(describeBackup(answer.body as WrittenBackup));
    return 0;
  }
  if (target.kind === 'pglite' && target.dataDir !== undefined && !existsSync(join(target.dataDir, 'PG_VERSION')))
    throw new BackupError(
      'NOT_CONFIGURED',
      `Folder data ${resolve(target.dataDir)} tidak berisi basis data Alur. Periksa ALUR_DATA_DIR (atau DATABASE_URL untuk PostgreSQL).`,
    );
  streams.stdout.write(`Mencadangkan ${describeTarget(target)}…\n`);
  const written = await withDatabase(target, (db) => writeBackupFile(db, file));
  streams.stdout.write(describeBackup(written));
  return 0;
}

/** `alur restore --from <file> [--force]`: checks the whole file first, then restores in one transaction. */
export async function restoreCommand(
  from: string,
  force: boolean,
  env: NodeJS.ProcessEnv,
  streams: CliStreams,
): Promise<number> {
  const file = resolve(from);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new BackupError(
      'BACKUP_UNREADABLE',
      `Berkas cadangan ${file} tidak dapat dibaca. Periksa jalurnya dan izin bacanya.`,
      file,
    );
  }
  const backup = readBackup(bytes, file);
  streams.stdout.write(
    `Cadangan ${backup.manifest.createdAt}: ${backup.manifest.tables.length} tabel, checksum cocok.\n`,
  );
  // A restore empties and refills every table (triggers off for the time): work for the schema owner.
  const target = ownerTargetFromEnv(databaseTargetFromEnv(env), env);
  const report = await withDatabase(target, (db) => restoreBackup(db, backup, { force, file }));
  streams.stdout.write(`Dipulihkan ke ${describeTarget(target)}: ${report.tables} tabel, ${report.rows} baris.\n`);
  return 0;
}

/** `alur migrate`: brings the schema up to date as its owner (ALUR_MIGRATION_DATABASE_URL, else DATABASE_URL or the PGlite folder). */
export async function migrateCommand(env: NodeJS.ProcessEnv, streams: CliStreams): Promise<number> {
  const target = ownerTargetFromEnv(databaseTargetFromEnv(env), env);
  const before = await withDatabase(target, async (db) => {
    const pending = await pendingMigrations(db);
    // Nothing to do needs no lock: the server's own login can check this too.
    if (pending.length > 0) await migrateToLatest(db);
    return pending;
  });
  streams.stdout.write(
    before.length === 0
      ? `Skema ${describeTarget(target)} sudah mutakhir.\n`
      : `Skema ${describeTarget(target)} dimutakhirkan: ${before.join(', ')}.\n`,
  );
  return 0;
}
