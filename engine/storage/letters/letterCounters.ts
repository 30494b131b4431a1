import { Type } from '@sinclair/typebox';
import type { Knex } from 'knex';
import { rowDecoder } from '../rowDecoder.ts';
import { sqlRows } from '../sqlRows.ts';

// Compiled once, at module load.
const counterRows = rowDecoder('letter_counters (next number)', Type.Object({ last_seq: Type.Number() }));

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
  const result = await sqlRows(
    trx,
    `INSERT INTO letter_counters (regency_id, series, year, last_seq) VALUES (?, ?, ?, 1)
     ON CONFLICT (regency_id, series, year) DO UPDATE SET last_seq = letter_counters.last_seq + 1
     RETURNING last_seq`,
    [regencyId, series, year],
    counterRows,
  );
  return counterRows.one(result[0]).last_seq;
}
