import type { Knex } from 'knex';
import { backupScheduleFromEnv, listBackups } from './scheduledBackup.ts';

/** What an admin sees about backups: configured or not, the last run and its result, the files kept. */
export interface BackupStatus {
  configured: boolean;
  dir: string | null;
  keep: number;
  lastRunAt: string | null;
  nextRunAt: string | null;
  lastResult: unknown;
  files: Array<{ name: string; bytes: number }>;
}

function iso(value: Date | string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value.toISOString() : new Date(value).toISOString();
}

/** Reads the daily backup job's row and the backup folder. */
export async function backupStatus(
  db: Knex,
  jobName: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<BackupStatus> {
  const schedule = backupScheduleFromEnv(env);
  const job = (await db('jobs').where({ name: jobName }).first()) as
    { last_run_at: Date | null; next_run_at: Date | null; last_result: unknown } | undefined;
  const raw = job?.last_result;
  return {
    configured: schedule.dir !== undefined,
    dir: schedule.dir ?? null,
    keep: schedule.keep,
    lastRunAt: iso(job?.last_run_at),
    nextRunAt: iso(job?.next_run_at),
    lastResult: typeof raw === 'string' ? (JSON.parse(raw) as unknown) : (raw ?? null),
    files: schedule.dir !== undefined ? listBackups(schedule.dir) : [],
  };
}
