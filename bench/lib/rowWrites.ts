import pg from 'pg';

/** Row writes of the tables a step completion touches, from PostgreSQL's statistics for the database. */
export interface RowWrites {
  caseUpdates: number;
  /** Case updates that stayed on their page and wrote no index entry (heap-only tuples). */
  caseHotUpdates: number;
  /** Rows inserted per table (tasks, case_events, notifications). */
  inserted: Record<string, number>;
}

/** What PostgreSQL counted for the database at `url` (counters flushed by the time a window ended). */
export async function rowWrites(url: string): Promise<RowWrites> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ relname: string; ins: string; upd: string; hot: string }>(
      `SELECT relname, n_tup_ins AS ins, n_tup_upd AS upd, n_tup_hot_upd AS hot
         FROM pg_stat_user_tables WHERE relname IN ('cases', 'tasks', 'case_events', 'notifications')`,
    );
    const cases = rows.find((r) => r.relname === 'cases');
    return {
      caseUpdates: Number(cases?.upd ?? 0),
      caseHotUpdates: Number(cases?.hot ?? 0),
      inserted: Object.fromEntries(rows.map((r) => [r.relname, Number(r.ins)])),
    };
  } finally {
    await client.end();
  }
}
