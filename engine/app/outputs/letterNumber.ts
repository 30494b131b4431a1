import type { Knex } from 'knex';

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

/**
 * Takes the next sequence number of a register (one per format and year) inside the caller's
 * transaction; the counter only moves forward, so an issued number is never given out twice.
 */
export async function nextSequence(
  trx: Knex.Transaction,
  regencyId: string,
  series: string,
  year: number,
): Promise<number> {
  const result = (await trx.raw(
    `INSERT INTO letter_counters (regency_id, series, year, last_seq) VALUES (?, ?, ?, 1)
     ON CONFLICT (regency_id, series, year) DO UPDATE SET last_seq = letter_counters.last_seq + 1
     RETURNING last_seq`,
    [regencyId, series, year],
  )) as { rows: Array<{ last_seq: number }> };
  return result.rows[0]!.last_seq;
}
