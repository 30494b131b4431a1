import type { Knex } from 'knex';
import { AppError } from './appErrors.ts';

/** Failed logins one client address may make per window before it must wait (ALUR_LOGIN_IP_LIMIT). */
export function loginLimitPerAddress(env: NodeJS.ProcessEnv = process.env): number {
  const configured = Number(env.ALUR_LOGIN_IP_LIMIT);
  return Number.isInteger(configured) && configured > 0 ? configured : 30;
}

/** Length of the counting window. */
export const LOGIN_WINDOW_MINUTES = 15;

function keyOf(address: string): string {
  return `ip:${address}`;
}

/**
 * Refuses (429) a login from an address that failed too often in the current window. The counter lives
 * in the database, so every server process behind the load balancer sees the same count; it limits
 * guessing across many accounts, which the per-account lockout alone does not.
 */
export async function assertLoginAllowed(
  db: Knex,
  address: string,
  now = new Date(),
  limit = loginLimitPerAddress(),
): Promise<void> {
  const since = new Date(now.getTime() - LOGIN_WINDOW_MINUTES * 60_000);
  const row = (await db('login_throttle')
    .where({ key: keyOf(address) })
    .andWhere('window_started_at', '>', since)
    .first('failures')) as { failures: number } | undefined;
  if (row && row.failures >= limit)
    throw new AppError(
      'RATE_LIMITED',
      `Terlalu banyak percobaan masuk dari alamat ini. Coba lagi dalam ${LOGIN_WINDOW_MINUTES} menit.`,
    );
}

/** Counts one failed login of an address (atomically, so concurrent processes never lose a count). */
export async function recordLoginFailure(db: Knex, address: string, now = new Date()): Promise<number> {
  const since = new Date(now.getTime() - LOGIN_WINDOW_MINUTES * 60_000);
  const result = (await db.raw(
    `INSERT INTO login_throttle (key, window_started_at, failures) VALUES (?, ?, 1)
     ON CONFLICT (key) DO UPDATE SET
       failures = CASE WHEN login_throttle.window_started_at > ? THEN login_throttle.failures + 1 ELSE 1 END,
       window_started_at = CASE WHEN login_throttle.window_started_at > ? THEN login_throttle.window_started_at ELSE EXCLUDED.window_started_at END
     RETURNING failures`,
    [keyOf(address), now, since, since],
  )) as { rows: Array<{ failures: number }> };
  return result.rows[0]?.failures ?? 1;
}
