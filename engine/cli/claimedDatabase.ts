import { randomBytes } from 'node:crypto';
import { assertFolderFree, writeServerLock } from '../backup/serverLock.ts';
import { openDatabase, type DatabaseTarget } from '../storage/database.ts';

/** Runs `work` on the database; a PGlite folder is claimed for the time (a server starting meanwhile refuses). */
export async function withDatabase<T>(
  target: DatabaseTarget,
  work: (db: ReturnType<typeof openDatabase>) => Promise<T>,
): Promise<T> {
  const dir = target.kind === 'pglite' ? target.dataDir : undefined;
  if (dir !== undefined) assertFolderFree(dir);
  const lock = dir !== undefined ? writeServerLock(dir, 'alur-cli', randomBytes(16).toString('hex')) : undefined;
  const db = openDatabase(target);
  try {
    return await work(db);
  } finally {
    await db.destroy();
    lock?.release();
  }
}
