import knexModule, { type Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ROLE } from '../../migrations/rowLevelSecurity.ts';
import type { AccessLogRow } from '../../engine/storage/accessLog/accessLogRows.ts';
import { openDatabase } from '../../engine/storage/database.ts';
import { migrateToLatest } from '../../engine/storage/migrate.ts';
import { pgPoolHooks } from '../../engine/storage/postgresClient.ts';
import { withDirectConnection, withDirectRequest } from '../../engine/storage/requestTransaction.ts';
import { sqlOf } from '../../engine/storage/sql.ts';
import { databaseLabel, freshDatabase } from '../support/testDatabase.ts';

const knex = knexModule as unknown as (config: Knex.Config) => Knex;
const onServer = databaseLabel === 'PostgreSQL';

// A direct route's transaction (the step-completion hot path) runs on node-postgres without knex on the
// server, and through knex on PGlite: both must scope, commit and roll back exactly like knex's own.
describe(`the direct request transaction (${databaseLabel})`, () => {
  let db: Knex;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const fresh = await freshDatabase();
    drop = fresh.drop;
    // One connection, so what one transaction leaves behind (or not) is what the next one sees.
    process.env.ALUR_DB_POOL = '1';
    db = openDatabase(fresh.target);
    delete process.env.ALUR_DB_POOL;
    await migrateToLatest(db);
  }, 60_000);
  afterAll(async () => {
    await db?.destroy();
    await drop?.();
  });

  const accessRow = (route: string, caseId: string | null = null): AccessLogRow => ({
    regency_id: 'kutai-kartanegara',
    user_id: 'u1',
    user_name: "Uji O'Neil",
    roles: '[]',
    case_id: caseId,
    action: 'view',
    resource: null,
    reason: null,
    detail: null,
    ip: null,
    route,
  });
  const rowsOf = async (route: string): Promise<number> =>
    (await sqlOf(db).rows<{ n: number }>('SELECT count(*)::int AS n FROM access_log WHERE route = ?', [route]))[0]!.n;

  it('runs as the app role in the regency, and the access row commits with it', async () => {
    const inside = await withDirectRequest(db, 'kutai-kartanegara', async (tx) => {
      expect(tx.knex).toBeUndefined();
      await tx.logAccess(accessRow('GET /uji/langsung'));
      return tx.sql.rows<{ role: string; regency: string }>(
        "SELECT current_user AS role, current_setting('alur.regency_id') AS regency",
        [],
      );
    });
    expect(inside).toEqual([{ role: APP_ROLE, regency: 'kutai-kartanegara' }]);
    expect(await rowsOf('GET /uji/langsung')).toBe(1);
    // SET LOCAL ended with the transaction: the pool's only connection is back to its own role.
    const [after] = await sqlOf(db).rows<{ role: string }>('SELECT current_user AS role', []);
    expect(after?.role).not.toBe(APP_ROLE);
  });

  it('a failure inside rolls everything back, the access row included, and the connection stays usable', async () => {
    await expect(
      withDirectRequest(db, 'kutai-kartanegara', async (tx) => {
        await tx.logAccess(accessRow('GET /uji/gagal-di-dalam'));
        await tx.sql.rows(
          "INSERT INTO access_log (regency_id, user_id, user_name, roles, action, route) VALUES ('kutai-kartanegara', 'u1', 'Uji', '[]', 'view', 'GET /uji/sebelum-error')",
          [],
        );
        throw new Error('handler gagal');
      }),
    ).rejects.toThrow('handler gagal');
    expect(await rowsOf('GET /uji/gagal-di-dalam')).toBe(0);
    expect(await rowsOf('GET /uji/sebelum-error')).toBe(0);
    const next = await withDirectRequest(db, 'kutai-kartanegara', (tx) =>
      tx.sql.rows<{ one: number }>('SELECT 1 AS one', []),
    );
    expect(next).toEqual([{ one: 1 }]);
  });

  it('a list binds as one array value, with quotes and commas kept', async () => {
    const odd = ['a"b', 'c,d', "e'f", 'g}h', 'i\\j'];
    const rows = await withDirectRequest(db, 'kutai-kartanegara', (tx) =>
      tx.sql.rows<{ item: string }>('SELECT unnest(?::text[]) AS item', [odd]),
    );
    expect(rows.map((r) => r.item)).toEqual(odd);
  });

  /** A server client on the test database with one connection, recording every statement text sent. */
  function probeClient(wire: string[]): Knex {
    const url = (db.client as { config: { connection: string } }).config.connection;
    return knex({
      client: 'pg',
      connection: url,
      pool: { min: 0, max: 1, ...pgPoolHooks({ prepareStatements: true, onWire: (text) => wire.push(text) }) },
    });
  }

  it.runIf(onServer)(
    'on the server: BEGIN carries the scope and COMMIT the access row, three round trips in all',
    async () => {
      const wire: string[] = [];
      const probe = probeClient(wire);
      const observed: string[] = [];
      probe.on('query', (q: { sql: string }) => void observed.push(q.sql));
      try {
        await withDirectRequest(probe, 'kutai-kartanegara', async (tx) => {
          await tx.sql.rows('SELECT id FROM cases WHERE id = ?', ['tidak-ada']);
          await tx.logAccess(accessRow('GET /uji/tiga-kali'));
        });
      } finally {
        await probe.destroy();
      }
      const sent = wire.filter((text) => !/version\(\)|search_path/.test(text));
      expect(sent).toHaveLength(3);
      expect(sent[0]).toMatch(/^BEGIN; SELECT set_config\('role'/);
      expect(sent[1]).toBe('SELECT id FROM cases WHERE id = $1');
      expect(sent[2]).toMatch(/^INSERT INTO access_log .*; COMMIT$/);
      // knex's own 'query' event reports the direct statements too (query logs and tests see them).
      expect(observed).toEqual([sent[0], 'SELECT id FROM cases WHERE id = ?', sent[2]]);
      expect(await rowsOf('GET /uji/tiga-kali')).toBe(1);
    },
  );

  it.runIf(onServer)(
    'on the server: the session lookup and the transaction share one connection of the pool',
    async () => {
      const wire: string[] = [];
      const probe = probeClient(wire);
      try {
        // The pool has one connection: a second one for the transaction would wait until the acquire timeout.
        const [seen] = await withDirectConnection(probe, async (held) => {
          const [pid] = await held.sql.rows<{ pid: number }>('SELECT pg_backend_pid() AS pid', []);
          const inside = await held.transaction('kutai-kartanegara', (tx) =>
            tx.sql.rows<{ pid: number }>('SELECT pg_backend_pid() AS pid', []),
          );
          return [pid?.pid === inside[0]?.pid];
        });
        expect(seen).toBe(true);
      } finally {
        await probe.destroy();
      }
      expect(wire.filter((text) => !/version\(\)|search_path/.test(text)).map((t) => t.slice(0, 12))).toEqual([
        'SELECT pg_ba',
        'BEGIN; SELEC',
        'SELECT pg_ba',
        'COMMIT',
      ]);
    },
  );

  it.runIf(onServer)('on the server: an access row refused at COMMIT rolls the whole transaction back', async () => {
    const wire: string[] = [];
    const probe = probeClient(wire);
    try {
      await expect(
        withDirectRequest(probe, 'kutai-kartanegara', async (tx) => {
          await tx.logAccess(accessRow('GET /uji/baris-sah'));
          // A case that does not exist: the foreign key refuses this row when COMMIT's round trip runs it.
          await tx.logAccess(accessRow('GET /uji/baris-ditolak', 'tidak-ada-kasus'));
        }),
      ).rejects.toThrow(/foreign key/);
      const after = await withDirectRequest(probe, 'kutai-kartanegara', (tx) => tx.sql.rows('SELECT 1 AS one', []));
      expect(after).toEqual([{ one: 1 }]);
    } finally {
      await probe.destroy();
    }
    expect(wire).toContain('ROLLBACK');
    expect(await rowsOf('GET /uji/baris-sah')).toBe(0);
    expect(await rowsOf('GET /uji/baris-ditolak')).toBe(0);
  });

  it('only the server transaction queues last writes for its COMMIT; elsewhere writes run at once', async () => {
    const queues = await withDirectRequest(db, 'kutai-kartanegara', (tx) =>
      Promise.resolve(tx.sql.atCommit !== undefined),
    );
    expect(queues).toBe(onServer);
  });

  /** A one-connection server client recording, in order, each statement sent and each answer received. */
  function pipelineProbe(order: string[]): Knex {
    // The test database's own connection options: the server's (engine/storage/connectionLimits.ts), which pipeline.
    const connection = (db.client as { config: { connection: Knex.PgConnectionConfig & { pipeline?: boolean } } })
      .config.connection;
    expect(connection.pipeline).toBe(true);
    const short = (text: string): string => text.replace(/^BEGIN; .*/, 'BEGIN').split(' ')[0]!;
    return knex({
      client: 'pg',
      connection,
      pool: {
        min: 0,
        max: 1,
        ...pgPoolHooks({
          prepareStatements: true,
          onWire: (text) => void (/version\(\)|search_path/.test(text) || order.push(`sent ${short(text)}`)),
          onReply: (text) => void (/version\(\)|search_path/.test(text) || order.push(`answered ${short(text)}`)),
        }),
      },
    });
  }

  const insertAccess =
    'INSERT INTO access_log (regency_id, user_id, user_name, roles, action, route, case_id) VALUES (?, ?, ?, ?, ?, ?, ?)';

  it.runIf(onServer)(
    'on the server: BEGIN goes with the first statement and the last write with COMMIT, each pair without waiting for an answer',
    async () => {
      const order: string[] = [];
      const probe = pipelineProbe(order);
      try {
        await withDirectRequest(probe, 'kutai-kartanegara', async (tx) => {
          await tx.sql.rows('SELECT 1 AS one', []);
          tx.sql.atCommit!(insertAccess, ['kutai-kartanegara', 'u1', "O'Neil", '[]', 'view', 'GET /uji/pipa', null]);
        });
      } finally {
        await probe.destroy();
      }
      expect(order).toEqual([
        'sent BEGIN',
        'sent SELECT',
        'answered BEGIN',
        'answered SELECT',
        'sent INSERT',
        'sent COMMIT',
        'answered INSERT',
        'answered COMMIT',
      ]);
      expect(await rowsOf('GET /uji/pipa')).toBe(1);
    },
  );

  it.runIf(onServer)(
    'on the server: a last write that fails turns the COMMIT behind it into a rollback of the whole transaction',
    async () => {
      const order: string[] = [];
      const probe = pipelineProbe(order);
      try {
        await expect(
          withDirectRequest(probe, 'kutai-kartanegara', async (tx) => {
            await tx.sql.rows(insertAccess, ['kutai-kartanegara', 'u1', 'Uji', '[]', 'view', 'GET /uji/sebelum', null]);
            // A case that does not exist: the foreign key refuses this row, with the COMMIT already written.
            tx.sql.atCommit!(insertAccess, [
              'kutai-kartanegara',
              'u1',
              'Uji',
              '[]',
              'view',
              'GET /uji/ditolak',
              'tidak-ada',
            ]);
          }),
        ).rejects.toThrow(/foreign key/);
        const after = await withDirectRequest(probe, 'kutai-kartanegara', (tx) => tx.sql.rows('SELECT 1 AS one', []));
        expect(after).toEqual([{ one: 1 }]);
      } finally {
        await probe.destroy();
      }
      expect(await rowsOf('GET /uji/sebelum')).toBe(0);
      expect(await rowsOf('GET /uji/ditolak')).toBe(0);
    },
  );

  it.runIf(onServer)(
    'on the server: a transaction that sends nothing and writes nothing costs no round trip',
    async () => {
      const order: string[] = [];
      const probe = pipelineProbe(order);
      try {
        await withDirectRequest(probe, 'kutai-kartanegara', () => Promise.resolve());
      } finally {
        await probe.destroy();
      }
      expect(order).toEqual([]);
    },
  );
});
