import { INDONESIAN_MONTHS } from '../../time/indonesianMonths.ts';

/** An Indonesian date as printed ("13 Agustus 2025", "03-01-2025") as YYYY-MM-DD; undefined for "-" or unreadable. */
export function parseIndonesianDate(text: string): string | undefined {
  const clean = text.trim();
  const numeric = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(clean);
  if (numeric?.[1] !== undefined && numeric[2] !== undefined && numeric[3] !== undefined)
    return isoDate(Number(numeric[3]), Number(numeric[2]), Number(numeric[1]));
  const spelled = /^(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})$/.exec(clean);
  if (spelled?.[1] === undefined || spelled[2] === undefined || spelled[3] === undefined) return undefined;
  const word = spelled[2].toLowerCase();
  // The first three letters tell the months apart (Jan, Feb, Mar, Apr, Mei, Jun, Jul, Agu, Sep, Okt, Nov, Des).
  const month = INDONESIAN_MONTHS.findIndex((m) => m.toLowerCase().slice(0, 3) === word.slice(0, 3)) + 1;
  if (month === 0) return undefined;
  return isoDate(Number(spelled[3]), month, Number(spelled[1]));
}

function isoDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
