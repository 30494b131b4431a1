import { AppError } from '../app/appErrors.ts';

/** True for PostgreSQL's "data exception" class 22: a value sent by the client did not fit a column or cast. */
function isDataException(error: unknown): boolean {
  if (error === null || typeof error !== 'object') return false;
  const { code } = error as { code?: unknown };
  return typeof code === 'string' && code.length === 5 && code.startsWith('22');
}

/**
 * A request's own value PostgreSQL cannot take (class 22: bad cast, number out of range) is the client's
 * mistake: 400, never 500. (An unavailable database is an operational failure: see app/operationalFailure.ts.)
 */
export function fromDataException(error: unknown): AppError | undefined {
  if (!isDataException(error)) return undefined;
  return new AppError(
    'BAD_REQUEST',
    'Ada nilai yang tidak dapat diterima (format, panjang atau besar angka). Periksa isian lalu kirim lagi.',
  );
}
