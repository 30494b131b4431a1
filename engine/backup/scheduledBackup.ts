import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Knex } from 'knex';
import { writeBackupFile, type WrittenBackup } from './writeBackupFile.ts';

/** Where and how many daily backups are kept (ALUR_BACKUP_DIR, ALUR_BACKUP_KEEP). */
export interface BackupSchedule {
  dir: string | undefined;
  keep: number;
}

const NAME = /^alur-backup-\d{8}T\d{6}Z\.zip$/;

/** Reads the schedule from the environment; without ALUR_BACKUP_DIR there is no daily backup. */
export function backupScheduleFromEnv(env: NodeJS.ProcessEnv = process.env): BackupSchedule {
  const keep = Number(env.ALUR_BACKUP_KEEP ?? 7);
  return {
    dir: env.ALUR_BACKUP_DIR?.trim() || undefined,
    keep: Number.isInteger(keep) && keep >= 1 ? keep : 7,
  };
}

/** File name of a backup taken at `now`: sortable, so the newest is last. */
export function backupFileName(now: Date): string {
  return `alur-backup-${now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')}.zip`;
}

/** Backups in the folder, newest first. */
export function listBackups(dir: string): Array<{ name: string; bytes: number }> {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => NAME.test(n))
    .sort()
    .reverse()
    .map((name) => ({ name, bytes: statSync(join(dir, name)).size }));
}

/** The daily job: one backup into the folder, then only the newest `keep` are kept. */
export async function runScheduledBackup(
  db: Knex,
  schedule: BackupSchedule,
  now: Date,
): Promise<(WrittenBackup & { removed: string[] }) | { skipped: string }> {
  if (schedule.dir === undefined) return { skipped: 'ALUR_BACKUP_DIR tidak diatur' };
  const written = await writeBackupFile(db, join(schedule.dir, backupFileName(now)));
  const removed = listBackups(schedule.dir)
    .slice(schedule.keep)
    .map((b) => b.name);
  for (const name of removed) rmSync(join(schedule.dir, name), { force: true });
  return { ...written, removed };
}
