import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { startReplicaPair, type ReplicaPair } from '../../bench/lib/replicaPair.ts';
import type { TaskState } from '../../engine/core/caseTypes.ts';
import { DEMO_PASSWORD } from '../../engine/app/demoUsers.ts';
import { operationalFailureOf } from '../../engine/app/operationalFailure.ts';
import { startServer, type RunningServer } from '../../engine/server/startServer.ts';
import { openDatabase } from '../../engine/storage/database.ts';
import { ApiClient } from '../support/apiClient.ts';
import { kutaiApplicant, permakananFirstStepChecklist } from '../support/kutaiApplicant.ts';
import { databaseLabel, freshDatabase } from '../support/testDatabase.ts';
import { definitionsDir } from '../support/testServer.ts';

// Ports of this file: 4129 stays closed (a host that is down); 4123/4124 hold the throwaway primary and standby.
const CLOSED_PORT = 4129;
const PAIR_PORTS: [number, number] = [4123, 4124];

/** Runs one statement as the superuser on one server of the pair. */
async function onServer<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

/** Two regencies and the one SOP the test walks (loading all of sop-definitions/ would double the test's time). */
function smallDefinitions(): string {
  const dir = mkdtempSync(join(tmpdir(), 'alur-failover-defs-'));
  for (const file of [
    'kutai-kartanegara/regency.yaml',
    'kutai-kartanegara/bantuan-permakanan.yaml',
    'bangkalan/regency.yaml',
  ])
    cpSync(join(definitionsDir, file), join(dir, file));
  return dir;
}

async function signedIn(url: string, username: string): Promise<ApiClient> {
  const client = new ApiClient(url);
  await client.login(username, DEMO_PASSWORD);
  return client;
}

describe.runIf(databaseLabel === 'PostgreSQL')('several database hosts (PostgreSQL)', () => {
  let server: RunningServer | undefined;
  let pair: ReplicaPair | undefined;
  let definitions: string | undefined;
  afterAll(async () => {
    await server?.close();
    await pair?.remove();
    if (definitions) rmSync(definitions, { recursive: true, force: true });
  });

  it('a first host that is down is skipped: the pool connects to the next one and writes there', async () => {
    const fresh = await freshDatabase();
    if (fresh.target.kind !== 'postgres') throw new Error('PostgreSQL expected');
    const url = new URL(fresh.target.url);
    const multi = fresh.target.url.replace(url.host, `127.0.0.1:${CLOSED_PORT},${url.host}`);
    const db = openDatabase({ kind: 'postgres', url: `${multi}?target_session_attrs=read-write` });
    try {
      await db.raw('CREATE TABLE multi_host_probe (a int)');
      await db.raw('INSERT INTO multi_host_probe VALUES (1)');
      const { rows } = await db.raw<{ rows: Array<{ port: number; n: number }> }>(
        'SELECT inet_server_port() AS port, count(*)::int AS n FROM multi_host_probe',
      );
      expect(rows).toEqual([{ port: Number(url.port || 5432), n: 1 }]);
    } finally {
      await db.destroy();
      await fresh.drop();
    }
  });

  it('a host that turns read-only is dropped: requests meanwhile fail as an outage (503), then the pool writes again', async () => {
    const fresh = await freshDatabase();
    if (fresh.target.kind !== 'postgres') throw new Error('PostgreSQL expected');
    const url = new URL(fresh.target.url);
    const name = url.pathname.slice(1);
    const multi = fresh.target.url.replace(url.host, `127.0.0.1:${CLOSED_PORT},${url.host}`);
    const db = openDatabase({ kind: 'postgres', url: `${multi}?target_session_attrs=read-write` });
    const admin = process.env.DATABASE_URL!;
    try {
      await db.raw('CREATE TABLE demoted_probe (a int)');
      // What a demoted primary looks like to its clients: sessions cut, new ones read-only.
      await onServer(admin, `ALTER DATABASE ${name} SET default_transaction_read_only = on`);
      await onServer(admin, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}'`);
      // The pool never lends a session on a server that does not take writes, not even for a read.
      const session = await db
        .raw<{ rows: Array<{ ro: string }> }>(`SELECT current_setting('transaction_read_only') AS ro`)
        .then(
          (result) => result.rows[0]?.ro,
          (error: unknown) => error,
        );
      expect(session).not.toBe('on');
      expect(operationalFailureOf(session)).toBeDefined();
      for (let i = 0; i < 2; i++) {
        const refused: unknown = await db.raw('INSERT INTO demoted_probe VALUES (1)').then(
          () => 'written',
          (error: unknown) => error,
        );
        expect(operationalFailureOf(refused)).toBeDefined();
      }
      await onServer(admin, `ALTER DATABASE ${name} RESET default_transaction_read_only`);
      await db.raw('INSERT INTO demoted_probe VALUES (2)');
      const { rows } = await db.raw<{ rows: Array<{ a: number }> }>('SELECT a FROM demoted_probe');
      expect(rows).toEqual([{ a: 2 }]);
    } finally {
      await db.destroy();
      await fresh.drop();
    }
  });

  it('primary + synchronous standby: writes reach the primary, the register reads the standby under the regency scope, and after a promote the server finds the new primary by itself', async () => {
    pair = await startReplicaPair({ ports: PAIR_PORTS, fast: true, synchronousCommit: 'remote_apply' });
    server = await startServer({
      target: { kind: 'postgres', url: pair.url('postgres'), readUrl: pair.standbyUrl('postgres') },
      port: 0,
      definitionsDir: (definitions = smallDefinitions()),
      demoUsers: true,
      jobPollMs: 3_600_000,
      logger: pino({ level: 'silent' }),
    });
    const staff = await signedIn(server.url, 'kutai-kartanegara.staf-rehsos');
    const opened = await staff.post<{ id: string; tasks: TaskState[] }>('/api/cases', {
      sopId: 'bantuan-permakanan',
      data: kutaiApplicant,
    });
    expect(opened.status).toBe(201);
    const [primaryCount] = await onServer<{ n: number }>(
      pair.primaryUrl('postgres'),
      'SELECT count(*)::int AS n FROM cases',
    );
    expect(primaryCount?.n).toBe(1);

    // The register comes from the standby: the case is there for its regency and absent for another one.
    const before = await onServer<{ n: number }>(
      pair.standbyUrl('postgres'),
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()`,
    );
    const found = await staff.get<{ items: Array<{ id: string }> }>('/api/cases?q=Siti');
    expect(found.status).toBe(200);
    expect(found.body.items.map((i) => i.id)).toEqual([opened.body.id]);
    const [afterSearch] = await onServer<{ n: number }>(
      pair.standbyUrl('postgres'),
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()`,
    );
    expect(afterSearch!.n).toBeGreaterThan(before[0]!.n);
    const bangkalan = await signedIn(server.url, 'bangkalan.kepala-dinas');
    const elsewhere = await bangkalan.get<{ items: unknown[] }>('/api/cases?q=Siti');
    expect(elsewhere.status).toBe(200);
    expect(elsewhere.body.items).toEqual([]);
    // The search's access-log row was written on the primary (a standby cannot take it).
    const [logged] = await onServer<{ n: number }>(
      pair.primaryUrl('postgres'),
      `SELECT count(*)::int AS n FROM access_log WHERE action = 'search'`,
    );
    expect(logged?.n).toBe(2);
    // The dashboard and a register export read there too (a write inside would be refused by the standby).
    const head = await signedIn(server.url, 'kutai-kartanegara.kepala-dinas');
    const summary = await head.get<{ openByStage: unknown }>('/api/monitoring/summary');
    expect(summary.status).toBe(200);
    const exported = await head.get<string>(
      `/api/exports/register.csv?reason=${encodeURIComponent('Uji baca dari standby')}`,
    );
    expect(exported.status).toBe(200);
    // One row, the case's (NIK masked as everywhere).
    expect(exported.text.trim().split('\n')).toHaveLength(2);
    expect(exported.text).toContain('••••••••••••0001');

    // The primary fails: requests meanwhile are refused with 503 + Retry-After, never a 500.
    await pair.stopPrimary();
    const task = opened.body.tasks.find((t) => t.status === 'open')!;
    const complete = () =>
      staff.post<{ tasks: TaskState[] }>(`/api/tasks/${task.id}/complete`, { checklist: permakananFirstStepChecklist });
    for (let i = 0; i < 3; i++) {
      const during = await complete();
      expect(during.status).toBe(503);
      expect(during.headers.get('retry-after')).toMatch(/^\d+$/);
    }
    // A write reaching the standby directly is refused as read-only: an outage, not a bug.
    const direct = openDatabase({ kind: 'postgres', url: pair.standbyUrl('postgres') });
    const refused: unknown = await direct.raw('CREATE TABLE not_here (a int)').then(
      () => 'written',
      (error: unknown) => error,
    );
    await direct.destroy();
    expect(operationalFailureOf(refused)).toBeDefined();

    // The standby is promoted (by the operator or pg_auto_failover, never by Alur): the server follows it.
    await pair.promoteStandby();
    const done = await complete();
    expect(done.status).toBe(200);
    const [newPrimary] = await onServer<{ recovery: boolean; n: number }>(
      pair.standbyUrl('postgres'),
      `SELECT pg_is_in_recovery() AS recovery, count(*)::int AS n FROM case_events WHERE type = 'task.completed'`,
    );
    expect(newPrimary).toEqual({ recovery: false, n: 1 });
  }, 60_000);
});
