import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../engine/app/demoUsers.ts';
import { startServer, type RunningServer } from '../../engine/server/startServer.ts';
import { databaseLabel, freshDatabase } from '../support/testDatabase.ts';
import { definitionsDir, startTestServer, type TestServer } from '../support/testServer.ts';

/** One login attempt as a client behind a proxy that names the client's address. */
async function attempt(baseUrl: string, username: string, password: string, forwardedFor: string): Promise<number> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
    body: JSON.stringify({ username, password }),
  });
  await response.arrayBuffer();
  return response.status;
}

function tally(statuses: number[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const s of statuses) counts[s] = (counts[s] ?? 0) + 1;
  return counts;
}

describe(`login limits hold under parallel guessing (${databaseLabel})`, () => {
  let test: TestServer;
  beforeAll(async () => {
    delete process.env.ALUR_LOGIN_IP_LIMIT;
    test = await startTestServer();
  }, 120_000);
  afterAll(async () => test?.stop());

  it('20 parallel wrong passwords for one account: exactly 5 password checks (401), then locked (429)', async () => {
    const statuses = await Promise.all(
      Array.from({ length: 20 }, () => attempt(test.server.url, 'kutai-kartanegara.tksk', 'salah', '10.1.0.1')),
    );
    expect(tally(statuses)).toEqual({ 401: 5, 429: 15 });
    // Locked now, even with the right password.
    expect(await attempt(test.server.url, 'kutai-kartanegara.tksk', DEMO_PASSWORD, '10.1.0.2')).toBe(429);
  }, 60_000);

  it('40 parallel guesses from one address over many accounts: exactly 30 checks, other addresses unaffected', async () => {
    const statuses = await Promise.all(
      Array.from({ length: 40 }, (_, i) => attempt(test.server.url, `tidak-ada-${i}`, 'salah', '10.2.0.1')),
    );
    expect(tally(statuses)).toEqual({ 401: 30, 429: 10 });
    expect(await attempt(test.server.url, 'tidak-ada-x', 'salah', '10.2.0.2')).toBe(401);
    // A successful login does not use up the address's checks.
    expect(await attempt(test.server.url, 'kutai-kartanegara.staf-rehsos', DEMO_PASSWORD, '10.2.0.3')).toBe(200);
  }, 60_000);
});

describe(`ALUR_TRUST_PROXY names whose X-Forwarded-For is believed (${databaseLabel})`, () => {
  let server: RunningServer;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const database = await freshDatabase();
    drop = database.drop;
    // The load balancer is on another host (10.9.9.9); this test's requests come from 127.0.0.1.
    server = await startServer({
      target: database.target,
      port: 0,
      definitionsDir,
      demoUsers: false,
      jobPollMs: 3_600_000,
      logger: pino({ level: 'silent' }),
      trustProxy: '10.9.9.9',
    });
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await drop?.();
  });

  it('X-Forwarded-For from an address that is not a named proxy is ignored: all guesses count for the sender', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push(await attempt(server.url, `tidak-ada-${i}`, 'salah', `10.3.0.${i}`));
    expect(tally(statuses)).toEqual({ 401: 30, 429: 1 });
  }, 60_000);
});
