import { AppError, DEFAULT_RETRY_AFTER_SECONDS, OperationalError, type ErrorKind } from './appErrors.ts';

/** Node network errors: the database host refused, dropped or did not answer the connection. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

/**
 * PostgreSQL SQLSTATEs that say "the server cannot serve now", not "the request is wrong": class 08
 * connection exceptions, 53 insufficient resources, shutdown or start-up, statement_timeout (57014),
 * lock_timeout (55P03), serialization failure or deadlock (40001, 40P01), and a read-only server (25006:
 * a standby that was the primary a moment ago). The request may well succeed when repeated.
 */
function isUnavailableSqlState(code: string): boolean {
  return (
    code.startsWith('08') ||
    code.startsWith('53') ||
    ['57P01', '57P02', '57P03', '57014', '55P03', '40001', '40P01', '25006'].includes(code)
  );
}

/** Messages of pg and knex when a connection is gone or the pool has none to give. */
const UNAVAILABLE_MESSAGE =
  /Connection terminated|connection timeout|timeout expired|Query read timeout|Client has encountered a connection error|connection error and is not queryable|Client was closed and is not queryable|timeout exceeded when trying to connect|Timeout acquiring a connection|Unable to acquire a connection/i;

/** The operational failure a raw driver or network error stands for, if it is one. */
export function operationalFailureOf(error: unknown): OperationalError | undefined {
  if (error instanceof OperationalError) return error;
  if (error instanceof AppError && error.code === 'UNAVAILABLE') return new OperationalError(error.message);
  if (!(error instanceof Error)) return undefined;
  const code = 'code' in error && typeof error.code === 'string' ? error.code : '';
  const unavailable =
    NETWORK_CODES.has(code) ||
    isUnavailableSqlState(code) ||
    error.name === 'KnexTimeoutError' ||
    UNAVAILABLE_MESSAGE.test(error.message);
  if (unavailable) return new OperationalError(undefined, DEFAULT_RETRY_AFTER_SECONDS, { cause: error });
  // A failure wrapped by a library (AggregateError of several connection attempts, `cause` chains).
  if (error instanceof AggregateError) return error.errors.map(operationalFailureOf).find((e) => e !== undefined);
  return error.cause !== undefined && error.cause !== error ? operationalFailureOf(error.cause) : undefined;
}

/** Which of the three kinds a thrown value is. */
export function errorKindOf(error: unknown): ErrorKind {
  if (error instanceof AppError) return error.status < 500 ? 'user' : 'unexpected';
  return operationalFailureOf(error) ? 'operational' : 'unexpected';
}
