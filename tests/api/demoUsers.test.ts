import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '../../engine/app/accounts/accountEvents.ts';
import { createAccount } from '../../engine/app/accounts/accountService.ts';
import { DEMO_PASSWORD, demoUsersWanted } from '../../engine/app/demoUsers.ts';
import { startServer, type RunningServer } from '../../engine/server/startServer.ts';
import type { DatabaseTarget } from '../../engine/storage/database.ts';
import { ApiClient } from '../support/apiClient.ts';
import { databaseLabel, freshDatabase } from '../support/testDatabase.ts';
import { definitionsDir } from '../support/testServer.ts';

describe('demoUsersWanted', () => {
  const pglite: DatabaseTarget = { kind: 'pglite', dataDir: 'data/pglite' };
  const postgres: DatabaseTarget = { kind: 'postgres', url: 'postgres://x@h/db' };
  it('is on for the embedded database and off for PostgreSQL by default', () => {
    expect(demoUsersWanted({}, pglite)).toBe(true);
    expect(demoUsersWanted({}, postgres)).toBe(false);
  });
  it('follows ALUR_DEMO_USERS=1 and =0 on either database', () => {
    expect(demoUsersWanted({ ALUR_DEMO_USERS: '1' }, postgres)).toBe(true);
    expect(demoUsersWanted({ ALUR_DEMO_USERS: '0' }, pglite)).toBe(false);
  });
});

/** A database two successive servers can open: a PGlite folder, or a fresh PostgreSQL database. */
async function persistentDatabase(): Promise<{ target: DatabaseTarget; drop: () => Promise<void> }> {
  if (process.env.DATABASE_URL) return freshDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'issue-16-demo-'));
  return {
    target: { kind: 'pglite', dataDir },
    drop: () => Promise.resolve(rmSync(dataDir, { recursive: true, force: true })),
  };
}

async function start(
  target: DatabaseTarget,
  demoUsers: boolean,
): Promise<{ server: RunningServer; logs: Array<Record<string, unknown>> }> {
  const logs: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  const server = await startServer({
    target,
    port: 0,
    definitionsDir,
    demoUsers,
    jobPollMs: 3_600_000,
    logger: pino({ level: 'info' }, sink),
  });
  return { server, logs };
}

async function loginStatus(url: string, username: string, password: string): Promise<number> {
  return (await new ApiClient(url).request('POST', '/api/auth/login', { username, password })).status;
}

describe(`demo accounts (${databaseLabel})`, () => {
  let database: { target: DatabaseTarget; drop: () => Promise<void> } | undefined;
  let server: RunningServer | undefined;
  afterAll(async () => {
    await server?.close();
    await database?.drop();
  });

  it('turning demo accounts off disables the existing ones (sessions end) and leaves real accounts alone', async () => {
    database = await persistentDatabase();
    const first = await start(database.target, true);
    server = first.server;
    expect(first.server.demo).toEqual({ enabled: true, disabled: 0 });
    expect(first.logs.some((l) => l.msg === 'demo accounts on')).toBe(true);
    await new ApiClient(server.url).login('kutai-kartanegara.admin', DEMO_PASSWORD);
    const sessions = (await server.db('sessions').count('* as n')) as Array<{ n: string | number }>;
    expect(Number(sessions[0]!.n)).toBe(1);
    await createAccount(
      server.db,
      {
        regencyId: 'kutai-kartanegara',
        username: 'rina.nyata',
        name: 'Rina',
        roles: ['admin'],
        credential: { kind: 'password', password: 'kopi tubruk pagi hari' },
      },
      CLI_ACTOR,
    );
    const demoCount = first.server.demoUsers.length;
    await server.close();
    server = undefined;

    const second = await start(database.target, false);
    server = second.server;
    expect(second.server.demo).toEqual({ enabled: false, disabled: demoCount });
    expect(second.logs.find((l) => l.msg === 'demo accounts off')).toMatchObject({
      demoUsers: false,
      demoUsersDisabled: demoCount,
    });
    expect(await loginStatus(server.url, 'kutai-kartanegara.admin', DEMO_PASSWORD)).toBe(401);
    const demoSessions = (await server
      .db('sessions as s')
      .join('users as u', 'u.id', 's.user_id')
      .where('u.is_demo', true)
      .count('* as n')) as Array<{ n: string | number }>;
    expect(Number(demoSessions[0]!.n)).toBe(0);
    expect(await loginStatus(server.url, 'rina.nyata', 'kopi tubruk pagi hari')).toBe(200);
    const events = (await server.db('account_events').where({ action: 'demo_disabled' }).count('* as n')) as Array<{
      n: string | number;
    }>;
    expect(Number(events[0]!.n)).toBe(demoCount);
    await server.close();
    server = undefined;

    // Turned on again, they work again.
    const third = await start(database.target, true);
    server = third.server;
    expect(await loginStatus(server.url, 'kutai-kartanegara.admin', DEMO_PASSWORD)).toBe(200);
  }, 300_000);
});
