import type { Knex } from 'knex';

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
