import { AppError } from '../app/appErrors.ts';

/** The largest value a PostgreSQL `integer` column holds. */
export const MAX_INT4 = 2_147_483_647;

/** A whole number from a path or query text (`where` names it, e.g. `/path/version`); anything else is a 400. */
export function integerValue(text: string, where: string, min = 0, max = MAX_INT4): number {
  const value = /^\d{1,10}$/.test(text) ? Number(text) : Number.NaN;
  if (!(value >= min && value <= max))
    throw new AppError('VALIDATION_FAILED', `Nilai harus bilangan bulat ${min}–${max}.`, where);
  return value;
}

/** A calendar date YYYY-MM-DD that exists (2026-02-30 does not); anything else is a 400 naming `where`. */
export function dateValue(text: string, where: string): string {
  const time = /^\d{4}-\d{2}-\d{2}$/.test(text) ? Date.parse(`${text}T00:00:00Z`) : Number.NaN;
  if (Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== text)
    throw new AppError('VALIDATION_FAILED', 'Tanggal tidak sah; tulis sebagai TTTT-BB-HH.', where);
  return text;
}

/** An instant as the API writes it (ISO 8601 in UTC); anything else is a 400 naming `where`. */
export function instantValue(text: string, where: string): string {
  const time = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(time)) throw new AppError('VALIDATION_FAILED', 'Waktu tidak sah.', where);
  return text;
}
