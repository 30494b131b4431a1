import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { Writable } from 'node:stream';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../engine/api/createApp.ts';
import { errorHandler } from '../../engine/api/errorHandler.ts';
import { AppError, OperationalError } from '../../engine/app/appErrors.ts';
import { runDueJobs } from '../../engine/app/jobScheduler.ts';
import { errorKindOf } from '../../engine/app/operationalFailure.ts';
import { createLogger } from '../../engine/server/createLogger.ts';
import { migrateToLatest } from '../../engine/storage/migrate.ts';
import { openDatabase } from '../../engine/storage/database.ts';
import { databaseLabel, freshDatabase } from '../support/testDatabase.ts';

const NIK = '6402010102500001';

/** A logger writing JSON lines into an array, with the server's redaction rules. */
function capturedLogger() {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: createLogger('info', stream) };
}

/** A tiny app whose one route throws the given error, behind the real error handler. */
async function serveThrowing(error: unknown) {
  const { lines, logger } = capturedLogger();
  const app = express();
  app.get('/boom', () => {
    throw error;
  });
  app.use(errorHandler(logger));
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  const response = await fetch(`http://127.0.0.1:${port}/boom`);
  const body = (await response.json()) as { error: Record<string, unknown> };
  await new Promise((resolve) => server.close(resolve));
  return { response, body, lines };
}

describe('three kinds of error', () => {
  it('a user error is answered 4xx with its message and is not logged', async () => {
    const { response, body, lines } = await serveThrowing(
      new AppError('NOT_FOUND', 'Kasus tidak ditemukan.', '/caseId'),
    );
    expect(response.status).toBe(404);
    expect(body.error).toEqual({ code: 'NOT_FOUND', message: 'Kasus tidak ditemukan.', path: '/caseId' });
    expect(response.headers.get('x-correlation-id')).toBeNull();
    expect(lines).toEqual([]);
  });

  it.each([
    [
      'connection refused',
      Object.assign(new Error(`connect ECONNREFUSED 10.0.0.1:5432 for ${NIK}`), { code: 'ECONNREFUSED' }),
    ],
    ['server shutting down (57P01)', Object.assign(new Error('terminating connection'), { code: '57P01' })],
    [
      'statement timeout (57014)',
      Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' }),
    ],
    ['pool exhausted', Object.assign(new Error('Knex: Timeout acquiring a connection.'), { name: 'KnexTimeoutError' })],
    ['wrapped in a cause', new Error('query failed', { cause: Object.assign(new Error('x'), { code: 'ECONNRESET' }) })],
    ['thrown as OperationalError', new OperationalError('Layanan NIK pusat tidak menjawab. Coba lagi.', 30)],
  ])(
    'an operational failure (%s) is 503 with Retry-After, logged with the correlation id the client gets',
    async (_name, error) => {
      const { response, body, lines } = await serveThrowing(error);
      expect(response.status).toBe(503);
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
      const id = response.headers.get('x-correlation-id');
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(body.error).toMatchObject({ code: 'UNAVAILABLE', correlationId: id });
      expect(String(body.error.message)).toMatch(/coba lagi/i);
      const waitNamed = /(\d+) detik/.exec(String(body.error.message))?.[1];
      if (waitNamed !== undefined) expect(waitNamed).toBe(response.headers.get('retry-after'));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({ level: 40, kind: 'operational', correlationId: id, method: 'GET' });
      expect(JSON.stringify(lines)).not.toContain(NIK);
    },
  );

  it('an unexpected error is 500 without internals, logged (no personal data) with the id the client gets', async () => {
    const { response, body, lines } = await serveThrowing(
      new TypeError(`Cannot read properties of undefined (nik ${NIK})`),
    );
    expect(response.status).toBe(500);
    const id = response.headers.get('x-correlation-id');
    expect(body.error).toMatchObject({ code: 'INTERNAL', correlationId: id });
    expect(JSON.stringify(body)).not.toMatch(/TypeError|Cannot read|6402/);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 50, kind: 'unexpected', correlationId: id });
    expect(JSON.stringify(lines)).not.toContain(NIK);
    expect(JSON.stringify(lines)).toContain('TypeError');
  });

  it('classifies: AppError 4xx user, AppError INTERNAL unexpected, driver outages operational, the rest unexpected', () => {
    expect(errorKindOf(new AppError('CONFLICT', 'x'))).toBe('user');
    expect(errorKindOf(new AppError('INTERNAL', 'x'))).toBe('unexpected');
    expect(errorKindOf(Object.assign(new Error('x'), { code: '08006' }))).toBe('operational');
    expect(errorKindOf(Object.assign(new Error('dup'), { code: '23505' }))).toBe('unexpected');
    expect(errorKindOf('a string')).toBe('unexpected');
  });
});

describe('a real API whose PostgreSQL is unreachable answers 503, not 500', () => {
  let server: Server;
  let url = '';
  const captured = capturedLogger();
  // Port 4139 of this host has no database; the pg driver gets a real ECONNREFUSED.
  const db = openDatabase({ kind: 'postgres', url: 'postgres://postgres@127.0.0.1:4139/nothing' });

  beforeAll(async () => {
    const app = createApp({ db, logger: captured.logger });
    server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await db.destroy();
  });

  it('login while the database is down: 503, Retry-After, correlation id in body, header and log', async () => {
    const response = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'kutai-kartanegara.kepala-dinas', password: 'rahasia-sekali' }),
    });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    const body = (await response.json()) as { error: { code: string; correlationId: string } };
    expect(body.error.code).toBe('UNAVAILABLE');
    expect(body.error.correlationId).toBe(response.headers.get('x-correlation-id'));
    const line = captured.lines.find((l) => l.correlationId === body.error.correlationId);
    expect(line).toMatchObject({ kind: 'operational', route: '/api/auth/login' });
    expect(JSON.stringify(captured.lines)).not.toContain('rahasia-sekali');
  });
});

describe(`a failing background job is logged like a failing request (${databaseLabel})`, () => {
  it('logs kind and correlation id without personal data; jobs.last_result keeps only those', async () => {
    const database = await freshDatabase();
    const db = openDatabase(database.target);
    try {
      await migrateToLatest(db);
      const { lines, logger } = capturedLogger();
      const job = {
        name: 'uji-gagal',
        everySeconds: 60,
        run: () => Promise.reject(new Error(`kasus pemohon NIK ${NIK} tidak dapat diproses`)),
      };
      expect(await runDueJobs(db, [job], 'uji', new Date(), 300, logger)).toEqual(['uji-gagal']);
      const [row] = (await db('jobs').where({ name: 'uji-gagal' }).select('last_result')) as Array<{
        last_result: { error: { kind: string; correlationId: string } };
      }>;
      expect(row!.last_result.error.kind).toBe('unexpected');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({
        level: 50,
        kind: 'unexpected',
        job: 'uji-gagal',
        correlationId: row!.last_result.error.correlationId,
      });
      expect(JSON.stringify(lines) + JSON.stringify(row)).not.toContain(NIK);
    } finally {
      await db.destroy();
      await database.drop();
    }
  });
});

describe('the outage message', () => {
  it('names the same wait as its Retry-After header', () => {
    const error = new OperationalError(undefined, 12);
    expect(error.retryAfterSeconds).toBe(12);
    expect(error.message).toContain('12 detik');
    expect(new OperationalError().message).toContain('5 detik');
  });
});
