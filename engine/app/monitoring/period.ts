import { AppError } from '../appErrors.ts';

const MINUTE = 60_000;
const DAY = 1440 * MINUTE;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
// A full instant must say its zone: "2025-03-10T08:00" alone would depend on the server's clock.
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const MAX_SPAN_MS = 10 * 366 * DAY;

/** A half-open period [from, to) in UTC instants. */
export interface Period {
  from: Date;
  to: Date;
}

/** Local midnight (regency time) of a calendar date, as a UTC instant. */
export function localMidnight(year: number, month: number, day: number, offsetMinutes: number): Date {
  return new Date(Date.UTC(year, month - 1, day) - offsetMinutes * MINUTE);
}

function parseBound(text: string, offsetMinutes: number, end: boolean, path: string): Date {
  const date = DATE_ONLY.exec(text);
  if (date) {
    const [y, m, d] = [Number(date[1]), Number(date[2]), Number(date[3])];
    const start = localMidnight(y, m, d, offsetMinutes);
    const check = new Date(start.getTime() + offsetMinutes * MINUTE);
    if (check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d)
      throw new AppError('VALIDATION_FAILED', `Tanggal ${text} tidak ada.`, path);
    // A date-only end bound includes that whole day, as people read "sampai 31 Maret".
    return end ? new Date(start.getTime() + DAY) : start;
  }
  if (INSTANT.test(text) && !Number.isNaN(Date.parse(text))) return new Date(text);
  throw new AppError(
    'VALIDATION_FAILED',
    'Tanggal tidak sah: pakai TTTT-BB-HH (waktu setempat) atau waktu ISO lengkap dengan zona.',
    path,
  );
}

/**
 * Reads `from`/`to` query values in the regency's local time: date-only bounds are whole local days
 * (both inclusive), instants are taken as given (`to` exclusive). Defaults: until now, from 1 January
 * of the local year the period ends in.
 */
export function parsePeriod(
  query: { from?: string | undefined; to?: string | undefined },
  offsetMinutes: number,
  now = new Date(),
): Period {
  const to = query.to ? parseBound(query.to, offsetMinutes, true, '/to') : now;
  // Without a start, the period starts on 1 January of the (local) year it ends in.
  const localEnd = new Date(to.getTime() - 1 + offsetMinutes * MINUTE);
  const from = query.from
    ? parseBound(query.from, offsetMinutes, false, '/from')
    : localMidnight(localEnd.getUTCFullYear(), 1, 1, offsetMinutes);
  if (to.getTime() <= from.getTime())
    throw new AppError('VALIDATION_FAILED', 'Tanggal akhir harus sesudah tanggal awal.', '/to');
  if (to.getTime() - from.getTime() > MAX_SPAN_MS)
    throw new AppError('VALIDATION_FAILED', 'Rentang waktu paling panjang 10 tahun.', '/from');
  return { from, to };
}

/** The whole local calendar year of a regency. */
export function yearPeriod(year: number, offsetMinutes: number): Period {
  return { from: localMidnight(year, 1, 1, offsetMinutes), to: localMidnight(year + 1, 1, 1, offsetMinutes) };
}

/** "YYYY-MM-DD HH:mm" in the regency's local time (for exports and printed reports), or '' for none. */
export function localDateTime(value: string | Date | null | undefined, offsetMinutes: number): string {
  if (value === null || value === undefined) return '';
  const local = new Date(new Date(value).getTime() + offsetMinutes * MINUTE);
  return local.toISOString().slice(0, 16).replace('T', ' ');
}
