import fc from 'fast-check';
import knexModule, { type Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ROLE } from '../../migrations/rowLevelSecurity.ts';
import { databaseTargetFromEnv, openDatabase } from '../../engine/storage/database.ts';
import { migrateToLatest } from '../../engine/storage/migrate.ts';
import { pgPoolHooks, sendWithCommit } from '../../engine/storage/postgresClient.ts';
import {
  MAX_PREPARED_PER_CONNECTION,
  preparedNameFor,
  statementName,
} from '../../engine/storage/preparedStatements.ts';
import { withRegencyScope } from '../../engine/storage/regencyScope.ts';
import { sqlLiteral } from '../../engine/storage/sqlLiteral.ts';
import { sqlOf } from '../../engine/storage/sql.ts';
import { databaseLabel, freshDatabase } from '../support/testDatabase.ts';

const knex = knexModule as unknown as (config: Knex.Config) => Knex;

describe('prepared statement names (pure)', () => {
  it('the same text always gets the same name; different texts get different names', () => {
    expect(statementName('SELECT 1')).toBe(statementName('SELECT 1'));
    expect(statementName('SELECT 1')).not.toBe(statementName('SELECT 2'));
    expect(statementName('SELECT 1')).toMatch(/^alur_[0-9a-f]{24}$/);
  });

  it('only data statements are prepared: never DDL, transaction control or SET', () => {
    const connection = new Set<string>();
    for (const sql of [
      'select 1',
      '  SELECT * FROM cases',
      'insert into t values (1)',
      'UPDATE t SET a = 1',
      'delete from t',
      'WITH x AS (SELECT 1) SELECT * FROM x',
    ])
      expect(preparedNameFor(sql, connection)).toBeDefined();
    for (const sql of [
      'BEGIN;',
      'COMMIT;',
      'ROLLBACK',
      'SET LOCAL ROLE alur_app',
      'CREATE TABLE t (a int)',
      'ALTER TABLE t ADD b int',
      'DROP TABLE t',
      'VACUUM ANALYZE t',
      'selection',
    ])
      expect(preparedNameFor(sql, connection)).toBeUndefined();
  });

  it('a connection holds at most MAX_PREPARED_PER_CONNECTION statements; beyond it new texts run unnamed, known ones stay named', () => {
    const connection = new Set<string>();
    for (let i = 0; i < MAX_PREPARED_PER_CONNECTION; i++) connection.add(statementName(`SELECT ${i}`));
    expect(preparedNameFor('SELECT 0', connection)).toBe(statementName('SELECT 0'));
    expect(preparedNameFor('SELECT -1', connection)).toBeUndefined();
  });
});

describe('SQL literals for statements sent without parameters (pure)', () => {
  it('quotes, backslashes and any other text come back unchanged from PostgreSQL', () => {
    expect(sqlLiteral("it's")).toBe("E'it''s'");
    expect(sqlLiteral('a\\b')).toBe("E'a\\\\b'");
    expect(() => sqlLiteral('a\u0000b')).toThrow();
  });
});

describe(`the database client (${databaseLabel})`, () => {
  let db: Knex;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const fresh = await freshDatabase();
    drop = fresh.drop;
    // One connection, so what one transaction leaves behind (or not) is what the next statement sees.
    process.env.ALUR_DB_POOL = '1';
    db = openDatabase(fresh.target);
    delete process.env.ALUR_DB_POOL;
    await migrateToLatest(db);
  }, 60_000);
  afterAll(async () => {
    await db?.destroy();
    await drop?.();
  });

  it('literals round-trip through the database for arbitrary strings', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'binary' }).filter((s) => !s.includes('\u0000')),
        async (value) => {
          const [row] = await sqlOf(db).rows<{ v: string }>(`SELECT ${sqlLiteral(value)}::text AS v`, []);
          expect(row?.v).toBe(value);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('the regency scope is in force inside the transaction (app role, regency setting) and gone after it', async () => {
    const hostile = "kab'; DROP TABLE cases; --";
    const inside = await withRegencyScope(
      db,
      hostile,
      async (trx) =>
        (
          await sqlOf(trx).rows<{ role: string; regency: string }>(
            `SELECT current_user AS role, current_setting('alur.regency_id', true) AS regency`,
            [],
          )
        )[0],
    );
    expect(inside).toEqual({ role: APP_ROLE, regency: hostile });
    const [after] = await sqlOf(db).rows<{ role: string; regency: string | null }>(
      `SELECT current_user AS role, nullif(current_setting('alur.regency_id', true), '') AS regency`,
      [],
    );
    expect(after?.role).not.toBe(APP_ROLE);
    expect(after?.regency ?? null).toBeNull();
    expect(await db.schema.hasTable('cases')).toBe(true);
  });

  it('a failing statement inside the scope rolls the whole transaction back', async () => {
    const failing = withRegencyScope(db, 'kutai-kartanegara', async (trx) => {
      // A session-level setting is transactional too: after the rollback it must be gone.
      await sqlOf(trx).rows(`SELECT set_config('alur.probe', 'ditulis', false)`, []);
      return sqlOf(trx).rows('SELECT 1/0', []);
    });
    await expect(failing).rejects.toThrow();
    const [row] = await sqlOf(db).rows<{ probe: string | null }>(
      `SELECT nullif(current_setting('alur.probe', true), '') AS probe`,
      [],
    );
    expect(row?.probe ?? null).toBeNull();
  });

  it.runIf(databaseLabel === 'PostgreSQL')(
    'on the server, data statements are prepared once per connection and reused',
    async () => {
      const sql = 'SELECT count(*)::int AS n FROM regencies WHERE id <> ?';
      const prepared = await db.transaction(async (trx) => {
        for (let i = 0; i < 3; i++) await sqlOf(trx).rows(sql, [`x${i}`]);
        return sqlOf(trx).rows<{ name: string; statement: string }>(
          `SELECT name, statement FROM pg_prepared_statements WHERE name = ?`,
          [statementName(sql.replace('?', '$1'))],
        );
      });
      expect(prepared).toHaveLength(1);
      expect(prepared[0]?.statement).toContain('FROM regencies');
    },
  );

  it.runIf(databaseLabel === 'PostgreSQL')(
    'a connection whose prepared `SELECT *` went stale after a migration is replaced: one failure, then the new columns',
    async () => {
      await db.raw('CREATE TABLE stale_plan_probe (a int)');
      await db.raw('INSERT INTO stale_plan_probe VALUES (1)');
      const sql = 'SELECT * FROM stale_plan_probe WHERE a = ?';
      expect(await sqlOf(db).rows(sql, [1])).toEqual([{ a: 1 }]);
      // What a newer process's migration does while this one keeps running.
      await db.raw('ALTER TABLE stale_plan_probe ADD COLUMN b int');
      await expect(sqlOf(db).rows(sql, [1])).rejects.toThrow(/cached plan must not change result type/);
      expect(await sqlOf(db).rows(sql, [1])).toEqual([{ a: 1, b: null }]);
      await db.raw('DROP TABLE stale_plan_probe');
    },
  );

  it.runIf(databaseLabel === 'PostgreSQL')(
    'ALUR_DB_PREPARE=0 turns prepared statements off (for poolers that cannot keep them)',
    async () => {
      const connection = (db.client as { config: { connection: string | { connectionString: string } } }).config
        .connection;
      const url = typeof connection === 'string' ? connection : connection.connectionString;
      const target = databaseTargetFromEnv({ DATABASE_URL: url, ALUR_DB_PREPARE: '0' });
      expect(target).toEqual({ kind: 'postgres', url, prepareStatements: false });
      const unprepared = openDatabase(target);
      try {
        const sql = 'SELECT count(*)::int AS n FROM regencies WHERE id <> ?';
        const prepared = await unprepared.transaction(async (trx) => {
          for (let i = 0; i < 3; i++) await sqlOf(trx).rows(sql, [`x${i}`]);
          return sqlOf(trx).rows<{ name: string }>(`SELECT name FROM pg_prepared_statements`, []);
        });
        expect(prepared).toEqual([]);
      } finally {
        await unprepared.destroy();
      }
    },
  );

  it.runIf(databaseLabel === 'PostgreSQL')(
    'on the server, the scope travels with BEGIN (no separate round trip)',
    async () => {
      const wire: string[] = [];
      const url = (db.client as { config: { connection: string } }).config.connection;
      const probe = knex({
        client: 'pg',
        connection: url,
        pool: { min: 0, max: 1, ...pgPoolHooks({ prepareStatements: true, onWire: (text) => wire.push(text) }) },
      });
      try {
        const inside = await withRegencyScope(probe, 'kutai-kartanegara', async (trx) =>
          sqlOf(trx).rows<{ role: string }>('SELECT current_user AS role', []),
        );
        expect(inside).toEqual([{ role: APP_ROLE }]);
      } finally {
        await probe.destroy();
      }
      const sent = wire.filter((text) => !/version\(\)|search_path/.test(text));
      expect(sent[0]).toMatch(/^BEGIN; SELECT set_config\('role'/);
      expect(sent.filter((s) => s.includes('set_config'))).toHaveLength(1);
      expect(sent).toHaveLength(3);
    },
  );
  /** A server client on the test database with one connection, recording every statement text sent. */
  function probeClient(wire: string[]): Knex {
    const url = (db.client as { config: { connection: string } }).config.connection;
    return knex({
      client: 'pg',
      connection: url,
      pool: { min: 0, max: 1, ...pgPoolHooks({ prepareStatements: true, onWire: (text) => wire.push(text) }) },
    });
  }
  const accessRow = (route: string, caseId = 'NULL'): string =>
    `INSERT INTO access_log (regency_id, user_id, user_name, roles, case_id, action, route) VALUES ('kutai-kartanegara', 'u1', 'Uji', '[]', ${caseId}, 'view', ${sqlLiteral(route)})`;
  const rowsOf = async (route: string): Promise<number> =>
    (await sqlOf(db).rows<{ n: number }>('SELECT count(*)::int AS n FROM access_log WHERE route = ?', [route]))[0]!.n;

  it.runIf(databaseLabel === 'PostgreSQL')(
    'on the server, a write queued for COMMIT travels in its round trip and commits with the transaction',
    async () => {
      const wire: string[] = [];
      const probe = probeClient(wire);
      try {
        const queued = await withRegencyScope(probe, 'kutai-kartanegara', (trx) =>
          Promise.resolve(sendWithCommit(trx, accessRow('GET /uji/bersama-commit'))),
        );
        expect(queued).toBe(true);
      } finally {
        await probe.destroy();
      }
      expect(wire.filter((t) => t.includes('/uji/bersama-commit'))).toEqual([
        expect.stringMatching(/^INSERT INTO access_log .*; COMMIT;$/),
      ]);
      expect(await rowsOf('GET /uji/bersama-commit')).toBe(1);
    },
  );

  it.runIf(databaseLabel === 'PostgreSQL')(
    'on the server, a failing write queued for COMMIT rolls the whole transaction back and leaves the connection usable',
    async () => {
      const wire: string[] = [];
      const probe = probeClient(wire);
      try {
        await expect(
          withRegencyScope(probe, 'kutai-kartanegara', async (trx) => {
            await trx.raw(accessRow('GET /uji/sebelum-gagal'));
            // A case that does not exist: the foreign key refuses the queued row at COMMIT time.
            sendWithCommit(trx, accessRow('GET /uji/gagal', "'tidak-ada-kasus'"));
          }),
        ).rejects.toThrow(/foreign key/);
        // The pool's only connection runs the next transaction normally.
        const after = await withRegencyScope(probe, 'kutai-kartanegara', async (trx) =>
          sqlOf(trx).rows<{ one: number }>('SELECT 1 AS one', []),
        );
        expect(after).toEqual([{ one: 1 }]);
      } finally {
        await probe.destroy();
      }
      expect(wire).toContain('ROLLBACK');
      expect(await rowsOf('GET /uji/sebelum-gagal')).toBe(0);
      expect(await rowsOf('GET /uji/gagal')).toBe(0);
    },
  );

  it('outside a server transaction nothing is queued (the caller writes at once)', async () => {
    expect(sendWithCommit(db, accessRow('GET /uji/tanpa-transaksi'))).toBe(false);
    // A transaction not opened by withRegencyScope has no COMMIT to ride on.
    const queued = await db.transaction((trx) =>
      Promise.resolve(sendWithCommit(trx, accessRow('GET /uji/tanpa-transaksi'))),
    );
    expect(queued).toBe(false);
  });
});
