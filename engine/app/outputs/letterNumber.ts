/** The default number format when an output's template sets none. */
export const DEFAULT_NUMBER_FORMAT = '{seq}/{sop}/{year}';

/** Values a number format may use. */
export interface NumberParts {
  seq: number;
  year: number;
  month: number;
  sop: string;
  unit: string;
}

/** Fills a number format such as `400.9/{seq}/Rekom/{year}`; the sequence is zero-padded to three digits. */
export function formatLetterNumber(format: string, parts: NumberParts): string {
  return format
    .replace(/\{seq\}/g, String(parts.seq).padStart(3, '0'))
    .replace(/\{year\}/g, String(parts.year))
    .replace(/\{month\}/g, String(parts.month).padStart(2, '0'))
    .replace(/\{sop\}/g, parts.sop.toUpperCase())
    .replace(/\{unit\}/g, parts.unit.toUpperCase());
}
