import { Type } from '@sinclair/typebox';
import { contract } from './contract.ts';

/** What an admin sees about backups: configured or not, the last run and its result, the files kept. */
export const BackupStatusSchema = Type.Object({
  configured: Type.Boolean(),
  dir: Type.Union([Type.String(), Type.Null()]),
  keep: Type.Integer({ minimum: 1 }),
  lastRunAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  nextRunAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  /** The job's own record of its last run (file, size, or the failure's kind and correlation id). */
  lastResult: Type.Unknown(),
  files: Type.Array(Type.Object({ name: Type.String(), bytes: Type.Integer({ minimum: 0 }) })),
});

/** Backups for the office's admins: the daily job's status, and "back up now". */
export const backupContracts = {
  status: contract({ method: 'get', path: '/api/admin/backups', reply: { 200: BackupStatusSchema } }),
  now: contract({ method: 'post', path: '/api/admin/backups', reply: { 202: BackupStatusSchema } }),
};
