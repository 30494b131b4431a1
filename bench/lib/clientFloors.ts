import knexModule, { type Knex } from 'knex';
import pg from 'pg';
import type { ResultTable } from './types.ts';

const knex = knexModule as unknown as (config: Knex.Config) => Knex;

/** CPU of this process per operation, after a warm-up, over `count` sequential operations. */
async function cpuMsPerOperation(count: number, operation: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < Math.min(300, count); i++) await operation();
  const before = process.cpuUsage();
  for (let i = 0; i < count; i++) await operation();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000 / count;
}

/**
 * What the database client library costs the API per request, measured in the bench process on one
 * connection: the request's transaction shape (BEGIN carrying the scope, one parameterised query,
 * COMMIT) and a single query, through knex and through node-postgres directly. The difference is
 * what moving the hot path off knex (issue 13 item 4 allows knex only for migrations and admin) can save.
 */
export async function clientFloors(url: string, count: number): Promise<{ table: ResultTable; savedMs: number }> {
  const db = knex({ client: 'pg', connection: url, pool: { min: 1, max: 1 } });
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  try {
    const scope = "SELECT set_config('alur.regency_id', 'bench', true)";
    const knexTransaction = await cpuMsPerOperation(count, () =>
      db.transaction(async (trx) => {
        await trx.raw(scope);
        await trx.raw('SELECT relname FROM pg_class WHERE oid = ?', [1259]);
      }),
    );
    const pgTransaction = await cpuMsPerOperation(count, async () => {
      const client = await pool.connect();
      try {
        await client.query(`BEGIN; ${scope}`);
        await client.query({ name: 'floor-one', text: 'SELECT relname FROM pg_class WHERE oid = $1', values: [1259] });
        await client.query('COMMIT');
      } finally {
        client.release();
      }
    });
    const knexQuery = await cpuMsPerOperation(count, () =>
      db.raw('SELECT relname FROM pg_class WHERE oid = ?', [1259]),
    );
    const pgQuery = await cpuMsPerOperation(count, () =>
      pool.query({ name: 'floor-two', text: 'SELECT relname FROM pg_class WHERE oid = $1', values: [1259] }),
    );
    const fmt = (n: number): number => Number(n.toPrecision(3));
    return {
      table: {
        title: `Database client cost in the bench process (CPU ms per operation, ${count} in a row on one connection)`,
        header: ['operation', 'knex', 'node-postgres directly'],
        rows: [
          ['transaction: BEGIN with the scope, one query, COMMIT', fmt(knexTransaction), fmt(pgTransaction)],
          ['one parameterised query', fmt(knexQuery), fmt(pgQuery)],
        ],
      },
      savedMs: knexTransaction - pgTransaction,
    };
  } finally {
    await db.destroy();
    await pool.end();
  }
}
