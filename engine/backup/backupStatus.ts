import type { Static } from '@sinclair/typebox';
import type { Knex } from 'knex';
import type { BackupStatusSchema } from '../contracts/backupContracts.ts';
import { backupScheduleFromEnv, listBackups } from './scheduledBackup.ts';

/** What an admin sees about backups, as the API contract declares it. */
export type BackupStatus = Static<typeof BackupStatusSchema>;

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

/** Moves the backup job's next run to now: the server's job runner takes it within one poll. */
export async function scheduleBackupNow(db: Knex, jobName: string, now = new Date()): Promise<void> {
  await db('jobs').insert({ name: jobName, next_run_at: now }).onConflict('name').merge({ next_run_at: now });
}
