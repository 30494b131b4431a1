import pg from 'pg';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../engine/app/demoUsers.ts';
import { startServer, type RunningServer } from '../../engine/server/startServer.ts';
import { withSystemScope } from '../../engine/storage/regencyScope.ts';
import { ApiClient } from '../support/apiClient.ts';
import { databaseLabel, freshDatabase } from '../support/testDatabase.ts';
import { definitionsDir } from '../support/testServer.ts';
import { applicant, type ErrorBody } from '../security/support/securityFixture.ts';
import { startTcpProxy, type TcpProxy } from './support/tcpProxy.ts';

/** Short limits so the test runs quickly; production defaults are 3 s connect, 8 s statement, 4 s lock, 10 s client. */
const LIMITS = { connectMs: 1_000, acquireMs: 2_000, statementMs: 2_000, lockMs: 1_000, queryMs: 3_000 };

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await run();
  return { value, ms: performance.now() - started };
}

// Needs a PostgreSQL server to put a proxy in front of; CI runs this file in its PostgreSQL pass.
describe.runIf(databaseLabel === 'PostgreSQL')(
  'a database that stops, freezes or locks up gives 503s and recovers by itself',
  () => {
    let proxy: TcpProxy;
    let server: RunningServer;
    let drop: () => Promise<void>;
    let directUrl: string;
    let staff: ApiClient;
    const anonymous = () => new ApiClient(server.url);

    beforeAll(async () => {
      const database = await freshDatabase();
      drop = database.drop;
      if (database.target.kind !== 'postgres') throw new Error('PostgreSQL expected');
      directUrl = database.target.url;
      const url = new URL(directUrl);
      proxy = await startTcpProxy(url.hostname, Number(url.port || 5432));
      url.hostname = '127.0.0.1';
      url.port = String(proxy.port);
      server = await startServer({
        target: { kind: 'postgres', url: url.toString(), limits: LIMITS },
        port: 0,
        definitionsDir,
        demoUsers: true,
        jobPollMs: 3_600_000,
        logger: pino({ level: process.env.ALUR_TEST_LOG ?? 'silent' }),
      });
      staff = new ApiClient(server.url);
      await staff.login('kutai-kartanegara.staf-rehsos', DEMO_PASSWORD);
    }, 180_000);
    afterAll(async () => {
      await server?.close();
      await proxy?.close();
      await drop?.();
    });

    async function healthyAgainWithin(ms: number): Promise<number> {
      const started = performance.now();
      while (performance.now() - started < ms) {
        if ((await anonymous().get('/api/health')).status === 200) return performance.now() - started;
        await new Promise((r) => setTimeout(r, 250));
      }
      throw new Error(`not healthy again within ${ms} ms`);
    }

    async function casesNamed(name: string): Promise<number> {
      const client = new pg.Client({ connectionString: directUrl });
      await client.connect();
      const result = await client.query<{ n: string }>('SELECT count(*) AS n FROM cases WHERE applicant_name = $1', [
        name,
      ]);
      await client.end();
      return Number(result.rows[0]!.n);
    }

    it('stopped: health and writes answer 503 with Retry-After and an Indonesian message, then recover', async () => {
      expect((await anonymous().get('/api/health')).status).toBe(200);
      proxy.cut();
      const health = await timed(() => anonymous().get<ErrorBody>('/api/health'));
      expect(health.value.status).toBe(503);
      expect(health.value.headers.get('retry-after')).toBe('5');
      expect(health.value.body.error.code).toBe('UNAVAILABLE');
      expect(health.value.body.error.message).toMatch(/Basis data sedang tidak dapat dihubungi/);
      expect(health.ms).toBeLessThan(5_000);
      const open = await timed(() =>
        staff.post<ErrorBody>('/api/cases', {
          sopId: 'bantuan-permakanan',
          data: { ...applicant, fullName: 'Saat Mati' },
        }),
      );
      expect(open.value.status).toBe(503);
      expect(open.ms).toBeLessThan(5_000);
      expect((await anonymous().post<ErrorBody>('/api/auth/login', { username: 'x', password: 'y' })).status).toBe(503);
      proxy.restore();
      const recoveredMs = await healthyAgainWithin(15_000);
      console.log(
        `outage (stopped): health 503 in ${health.ms.toFixed(0)} ms; healthy again ${recoveredMs.toFixed(0)} ms after restore`,
      );
      const reopened = await staff.post('/api/cases', {
        sopId: 'bantuan-permakanan',
        data: { ...applicant, fullName: 'Sesudah Pulih' },
      });
      expect(reopened.status).toBe(201);
      expect(await casesNamed('Saat Mati')).toBe(0);
    }, 60_000);

    it('frozen: requests give up within ~10 s with 503, and nothing they started is committed after the thaw', async () => {
      proxy.freeze();
      const attempts = await Promise.all(
        Array.from({ length: 12 }, () =>
          timed(() =>
            staff.post<ErrorBody>('/api/cases', {
              sopId: 'bantuan-permakanan',
              data: { ...applicant, fullName: 'Saat Beku' },
            }),
          ),
        ),
      );
      const health = await timed(() => anonymous().get<ErrorBody>('/api/health'));
      for (const attempt of attempts) {
        expect(attempt.value.status).toBe(503);
        expect(attempt.ms).toBeLessThan(10_000);
      }
      expect(health.value.status).toBe(503);
      console.log(
        `outage (frozen): slowest refusal ${Math.max(...attempts.map((a) => a.ms)).toFixed(0)} ms, health ${health.ms.toFixed(0)} ms`,
      );
      proxy.restore();
      await healthyAgainWithin(20_000);
      // Whatever reached the server before the freeze belonged to transactions whose clients gave up: none commits.
      await new Promise((r) => setTimeout(r, 1_500));
      expect(await casesNamed('Saat Beku')).toBe(0);
      expect((await staff.post('/api/cases', { sopId: 'bantuan-permakanan', data: applicant })).status).toBe(201);
    }, 90_000);

    it('a table locked by someone else: the request waits at most lock_timeout, then 503', async () => {
      const opened = await staff.post<{ id: string }>('/api/cases', { sopId: 'bantuan-permakanan', data: applicant });
      expect(opened.status).toBe(201);
      const locker = new pg.Client({ connectionString: directUrl });
      await locker.connect();
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE cases IN ACCESS EXCLUSIVE MODE');
      try {
        const read = await timed(() => staff.get<ErrorBody>(`/api/cases/${opened.body.id}`));
        expect(read.value.status).toBe(503);
        expect(read.value.headers.get('retry-after')).toBe('5');
        expect(read.ms).toBeLessThan(LIMITS.statementMs + 1_500);
      } finally {
        await locker.query('ROLLBACK');
        await locker.end();
      }
      expect((await staff.get(`/api/cases/${opened.body.id}`)).status).toBe(200);
      const rows = await withSystemScope(server.db, (trx) => trx('cases').count('* as n').first());
      expect(Number((rows as { n: string }).n)).toBeGreaterThan(0);
    }, 30_000);
  },
);
