import { Type } from '@sinclair/typebox';
import type { Knex } from 'knex';
import { rowDecoder } from '../rowDecoder.ts';
import { sqlRows } from '../sqlRows.ts';

// Compiled once, at module load.
const throttleRows = rowDecoder('login_throttle (counted)', Type.Object({ failures: Type.Number() }));

/**
 * Counts one failure-in-waiting for `key` in one statement that holds the key's row until the request
 * commits: a window older than `since` starts over. Returns false (nothing counted) when the key has
 * already used `limit` checks in the current window.
 */
export async function countLoginAttempt(
  db: Knex,
  key: string,
  now: Date,
  since: Date,
  limit: number,
): Promise<boolean> {
  const result = await sqlRows(
    db,
    `INSERT INTO login_throttle (key, window_started_at, failures) VALUES (?, ?, 1)
     ON CONFLICT (key) DO UPDATE SET
       failures = CASE WHEN login_throttle.window_started_at > ? THEN login_throttle.failures + 1 ELSE 1 END,
       window_started_at = CASE WHEN login_throttle.window_started_at > ? THEN login_throttle.window_started_at ELSE EXCLUDED.window_started_at END
     WHERE login_throttle.window_started_at <= ? OR login_throttle.failures < ?
     RETURNING failures`,
    [key, now, since, since, since, limit],
    throttleRows,
  );
  return result.length > 0;
}

/** Takes one counted check back (never below zero). */
export async function uncountLoginAttempt(db: Knex, key: string): Promise<void> {
  await db('login_throttle')
    .where({ key })
    .update({ failures: db.raw('GREATEST(failures - 1, 0)') });
}
