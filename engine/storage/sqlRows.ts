import type { Knex } from 'knex';
import type { RowDecoder } from './rowDecoder.ts';

/** The `rows` of a raw result (the same shape on PostgreSQL and PGlite), unchecked. */
function rowsOf(result: unknown): unknown {
  return typeof result === 'object' && result !== null && 'rows' in result ? result.rows : undefined;
}

/** Runs a parameterised SQL query and returns its rows, each checked by the query's decoder. */
export async function sqlRows<Row>(
  db: Knex,
  sql: string,
  bindings: readonly Knex.RawBinding[],
  decoder: RowDecoder<Row>,
): Promise<Row[]> {
  return decoder.rows(rowsOf(await db.raw(sql, bindings)));
}
