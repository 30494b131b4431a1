import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { Knex } from 'knex';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../engine/api/createApp.ts';
import { mountUi } from '../../engine/server/mountUi.ts';
import { openDatabase } from '../../engine/storage/database.ts';
import { migrateToLatest } from '../../engine/storage/migrate.ts';
import { precompress } from '../../tools/precompress.ts';

const SCRIPT = `export const greeting = ${JSON.stringify('Selamat datang di Alur. '.repeat(400))};\n`;

/** A GET with a chosen Accept-Encoding, returning the bytes exactly as sent on the wire. */
function get(
  base: string,
  path: string,
  acceptEncoding?: string,
): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${base}${path}`,
      { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('transfer: precompressed immutable assets, no-cache pages, no-store API', () => {
  let db: Knex;
  let server: Server;
  let base: string;
  beforeAll(async () => {
    const dist = mkdtempSync(join(tmpdir(), 'issue-14-dist-'));
    mkdirSync(join(dist, 'assets'));
    mkdirSync(join(dist, 'runtime-ui'));
    writeFileSync(join(dist, 'assets/runtime-AbC123.js'), SCRIPT);
    writeFileSync(join(dist, 'assets/logo-AbC123.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    writeFileSync(
      join(dist, 'runtime-ui/index.html'),
      '<!doctype html><script type="module" src="/assets/runtime-AbC123.js"></script>',
    );
    precompress(dist);
    db = openDatabase({ kind: 'pglite' });
    // Opened and migrated here, so the API answers below are real ones (401, 404), not a cold start's.
    await migrateToLatest(db);
    const app = createApp({ db, logger: pino({ level: 'silent' }), mountUi: (a) => mountUi(a, dist) });
    server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 120_000);
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await db.destroy();
  });

  it('sends the brotli file to a browser that accepts br, with its type, Vary and a year of immutable caching', async () => {
    const answer = await get(base, '/assets/runtime-AbC123.js', 'gzip, deflate, br');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(answer.headers.vary).toMatch(/Accept-Encoding/i);
    expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(answer.body.length).toBeLessThan(SCRIPT.length / 5);
    expect(brotliDecompressSync(answer.body).toString()).toBe(SCRIPT);
  });

  it('sends gzip to a client without brotli, and the plain file to one without either', async () => {
    const gzip = await get(base, '/assets/runtime-AbC123.js', 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).toString()).toBe(SCRIPT);
    const plain = await get(base, '/assets/runtime-AbC123.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/Accept-Encoding/i);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(plain.body.toString()).toBe(SCRIPT);
  });

  it('sends files that were not compressed as they are', async () => {
    const image = await get(base, '/assets/logo-AbC123.png', 'br');
    expect(image.status).toBe(200);
    expect(image.headers['content-encoding']).toBeUndefined();
    expect(image.body.length).toBe(4);
  });

  it('index.html is revalidated every time', async () => {
    const page = await get(base, '/kasus/123', 'br');
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.body.toString()).toContain('runtime-AbC123.js');
  });

  it('every API answer, successful or not, says no-store', async () => {
    const statuses: number[] = [];
    for (const path of ['/api/health', '/api/openapi.json', '/api/cases', '/api/tidak-ada']) {
      const answer = await get(base, path);
      statuses.push(answer.status);
      expect(answer.headers['cache-control'], path).toMatch(/no-store/);
    }
    expect(statuses).toEqual([200, 200, 401, 404]);
  });
});
