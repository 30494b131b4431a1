import type { Knex } from 'knex';

/** Runs a parameterised SQL query and returns its rows (the same shape on PostgreSQL and PGlite). */
export async function sqlRows<Row>(db: Knex, sql: string, bindings: readonly Knex.RawBinding[]): Promise<Row[]> {
  const result = (await db.raw(sql, bindings)) as { rows: Row[] };
  return result.rows;
}
