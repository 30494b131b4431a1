import type { Knex } from 'knex';
import { countLoginAttempt, uncountLoginAttempt } from '../storage/accounts/loginThrottleRows.ts';
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
 * Reserves one password check for an address, or refuses (429) when the address used up its checks in
 * the current window. The counter lives in the database (every server process behind the load balancer
 * sees it) and is taken in one statement that holds the address's row until the request commits, so
 * parallel guesses cannot all read the same count and slip past the limit. It limits guessing across
 * many accounts, which the per-account lockout alone does not.
 */
export async function reserveLoginAttempt(
  db: Knex,
  address: string,
  now = new Date(),
  limit = loginLimitPerAddress(),
): Promise<void> {
  const since = new Date(now.getTime() - LOGIN_WINDOW_MINUTES * 60_000);
  const counted = await countLoginAttempt(db, keyOf(address), now, since, limit);
  if (!counted)
    throw new AppError(
      'RATE_LIMITED',
      `Terlalu banyak percobaan masuk dari alamat ini. Coba lagi dalam ${LOGIN_WINDOW_MINUTES} menit.`,
    );
}

/** Gives back a reserved check after a successful login: only failures count against an address. */
export async function releaseLoginAttempt(db: Knex, address: string): Promise<void> {
  await uncountLoginAttempt(db, keyOf(address));
}
