import { AppError } from '../app/appErrors.ts';

/** Seconds a client is told to wait (Retry-After) when the database cannot answer now. */
export const RETRY_AFTER_SECONDS = 5;

/** Socket errors of a database connection that is gone or cannot be made. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);

/**
 * SQLSTATEs of a database that is down, restarting, full, too slow or deadlocked: the request may well
 * succeed when repeated. 08: connection exception; 53: insufficient resources; 57P01-57P03: shutdown or
 * starting up; 57014: statement_timeout; 55P03: lock_timeout; 40001/40P01: serialization or deadlock;
 * 25006: a read-only server (a standby that was the primary a moment ago).
 */
function isTransientState(state: string): boolean {
  return (
    state.startsWith('08') ||
    state.startsWith('53') ||
    ['57P01', '57P02', '57P03', '57014', '55P03', '40001', '40P01', '25006'].includes(state)
  );
}

function messageOf(error: object): string {
  const message = (error as { message?: unknown }).message;
  return typeof message === 'string' ? message : '';
}

/** True when the database could not answer now (down, unreachable, overloaded, timed out): answer 503. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (error === null || typeof error !== 'object') return false;
  const { code, name } = error as { code?: unknown; name?: unknown };
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || (code.length === 5 && isTransientState(code))))
    return true;
  // knex: no pooled connection within acquireConnectionTimeout; node-postgres: the socket closed mid-query.
  if (name === 'KnexTimeoutError') return true;
  return /Connection terminated|connection timeout|timeout expired|Query read timeout|Client has encountered a connection error/i.test(
    messageOf(error),
  );
}

/** True for PostgreSQL's "data exception" class 22: a value sent by the client did not fit a column or cast. */
function isDataException(error: unknown): boolean {
  if (error === null || typeof error !== 'object') return false;
  const { code } = error as { code?: unknown };
  return typeof code === 'string' && code.length === 5 && code.startsWith('22');
}

/**
 * The API answer for a database error, or undefined when it is a real fault (500). A request's own value
 * PostgreSQL cannot take (class 22) is the client's mistake (400); an unavailable database is a 503 with
 * Retry-After, never a 500.
 */
export function fromDatabaseError(error: unknown): AppError | undefined {
  if (isDatabaseUnavailable(error))
    return new AppError(
      'UNAVAILABLE',
      `Basis data sedang tidak dapat dihubungi atau sibuk. Tidak ada yang disimpan; coba lagi dalam ${RETRY_AFTER_SECONDS} detik.`,
    );
  if (isDataException(error))
    return new AppError(
      'BAD_REQUEST',
      'Ada nilai yang tidak dapat diterima (format, panjang atau besar angka). Periksa isian lalu kirim lagi.',
    );
  return undefined;
}
