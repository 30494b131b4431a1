import { AppError, OperationalError, type ErrorKind } from './appErrors.ts';

/** Node network errors: the database host refused, dropped or did not answer the connection. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
]);

/**
 * PostgreSQL SQLSTATEs that say "the server cannot serve now", not "the request is wrong":
 * class 08 connection exceptions, too many connections, shutdown or start-up, statement timeout.
 */
function isUnavailableSqlState(code: string): boolean {
  return code.startsWith('08') || ['53300', '57P01', '57P02', '57P03', '57014'].includes(code);
}

/** Messages of pg and knex when a connection is gone or the pool has none to give. */
const UNAVAILABLE_MESSAGE =
  /Connection terminated|connection error and is not queryable|Client was closed and is not queryable|timeout exceeded when trying to connect|Timeout acquiring a connection|Unable to acquire a connection/i;

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
  if (unavailable) return new OperationalError(undefined, 5, { cause: error });
  // A failure wrapped by a library (AggregateError of several connection attempts, `cause` chains).
  if (error instanceof AggregateError) return error.errors.map(operationalFailureOf).find((e) => e !== undefined);
  return error.cause !== undefined && error.cause !== error ? operationalFailureOf(error.cause) : undefined;
}

/** Which of the three kinds a thrown value is. */
export function errorKindOf(error: unknown): ErrorKind {
  if (error instanceof AppError) return error.status < 500 ? 'user' : 'unexpected';
  return operationalFailureOf(error) ? 'operational' : 'unexpected';
}
