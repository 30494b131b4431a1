import { tanggalIndonesia } from '../../time/indonesianMonths.ts';

/** An instant as an Indonesian date in the regency's time zone, e.g. "6 Januari 2025". */
export function indonesianDate(date: Date, timeZone = 'Asia/Jakarta'): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone,
  }).format(date);
  return tanggalIndonesia(parts);
}
