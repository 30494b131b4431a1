import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { request } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../engine/api/createApp.ts';
import { DEMO_PASSWORD } from '../../engine/app/demoUsers.ts';
import { startServer, type RunningServer } from '../../engine/server/startServer.ts';
import { TransportConfigError, transportFromEnv } from '../../engine/server/transportMode.ts';
import { ApiClient } from '../support/apiClient.ts';
import { definitionsDir, startTestServer, type TestServer } from '../support/testServer.ts';

describe('transport mode from the environment', () => {
  it('is plain HTTP by default', () => {
    expect(transportFromEnv({})).toEqual({ https: false });
  });
  it('is HTTPS behind a proxy when ALUR_PUBLIC_URL starts with https://, and drops a trailing slash', () => {
    expect(transportFromEnv({ ALUR_PUBLIC_URL: 'https://alur.example.go.id/' })).toEqual({
      https: true,
      publicUrl: 'https://alur.example.go.id',
    });
  });
  it('stays plain HTTP with an http:// public address', () => {
    expect(transportFromEnv({ ALUR_PUBLIC_URL: 'http://192.168.1.10:3000' }).https).toBe(false);
  });
  it('names the variable when only one of certificate and key is set', () => {
    expect(() => transportFromEnv({ ALUR_TLS_CERT: '/x.pem' })).toThrow(TransportConfigError);
    expect(() => transportFromEnv({ ALUR_TLS_CERT: '/x.pem' })).toThrow(/ALUR_TLS_KEY harus diisi keduanya/);
  });
  it('says which file cannot be read', () => {
    expect(() => transportFromEnv({ ALUR_TLS_CERT: '/tidak/ada.pem', ALUR_TLS_KEY: '/tidak/ada.key' })).toThrow(
      /ALUR_TLS_CERT: berkas "\/tidak\/ada.pem" tidak dapat dibaca/,
    );
  });
  it('refuses a public address that is not a URL', () => {
    expect(() => transportFromEnv({ ALUR_PUBLIC_URL: 'alur.local' })).toThrow(
      /ALUR_PUBLIC_URL "alur.local" bukan alamat/,
    );
  });
});

describe('headers and cookies over plain HTTP and behind an HTTPS proxy', () => {
  let test: TestServer;
  let proxied: Server;
  let proxiedUrl: string;
  beforeAll(async () => {
    test = await startTestServer();
    const app = createApp({ db: test.server.db, logger: pino({ level: 'silent' }), https: true });
    proxied = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    proxiedUrl = `http://127.0.0.1:${(proxied.address() as AddressInfo).port}`;
  }, 60_000);
  afterAll(async () => {
    await new Promise((resolve) => proxied.close(resolve));
    await test.stop();
  });

  it('plain HTTP: no upgrade-insecure-requests, no COOP, session cookie without Secure', async () => {
    const client = new ApiClient(test.server.url);
    const login = await client.login('kutai-kartanegara.staf-rehsos', DEMO_PASSWORD);
    const csp = login.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(login.headers.get('cross-origin-opener-policy')).toBeNull();
    const cookie = login.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^alur_session=/);
    expect(cookie).not.toMatch(/;\s*Secure/i);
  });

  it('HTTPS at a proxy: upgrade-insecure-requests, HSTS, COOP and a Secure cookie', async () => {
    const client = new ApiClient(proxiedUrl);
    const login = await client.login('kutai-kartanegara.staf-rehsos', DEMO_PASSWORD);
    expect(login.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
    expect(login.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect(login.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(login.headers.get('set-cookie')).toMatch(/;\s*Secure/i);
  });

  it('the receipt link uses ALUR_PUBLIC_URL, and the request address without it', async () => {
    const client = new ApiClient(test.server.url);
    const before = await client.request<{ publicUrl: string }>('GET', '/api/public/site');
    expect(before.body.publicUrl).toBe(test.server.url);
    process.env.ALUR_PUBLIC_URL = 'https://alur.dinsos.example.go.id/';
    try {
      const after = await client.request<{ publicUrl: string }>('GET', '/api/public/site');
      expect(after.body.publicUrl).toBe('https://alur.dinsos.example.go.id');
    } finally {
      delete process.env.ALUR_PUBLIC_URL;
    }
  });
});

describe('TLS served by Alur itself (ALUR_TLS_CERT / ALUR_TLS_KEY)', () => {
  let server: RunningServer;
  let cert: Buffer;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'issue-14-tls-'));
    const certFile = join(dir, 'cert.pem');
    const keyFile = join(dir, 'key.pem');
    // A self-signed certificate for 127.0.0.1, made here so nothing secret is checked in.
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=alur-test',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        keyFile,
        '-out',
        certFile,
      ],
      { stdio: 'ignore' },
    );
    cert = readFileSync(certFile);
    server = await startServer({
      target: { kind: 'pglite' },
      port: 0,
      definitionsDir,
      demoUsers: true,
      jobPollMs: 3_600_000,
      logger: pino({ level: 'silent' }),
      transport: transportFromEnv({ ALUR_TLS_CERT: certFile, ALUR_TLS_KEY: keyFile }),
    });
  }, 60_000);
  afterAll(async () => {
    await server.close();
  });

  it('answers over HTTPS with a certificate the client verifies, Secure cookies and HSTS', async () => {
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const answer = await new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
      (resolve, reject) => {
        const req = request(
          `${server.url}/api/auth/login`,
          { method: 'POST', ca: cert, headers: { 'content-type': 'application/json' } },
          (res) => {
            let body = '';
            res.on('data', (chunk: Buffer) => (body += chunk.toString()));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
          },
        );
        req.on('error', reject);
        req.end(JSON.stringify({ username: 'kutai-kartanegara.staf-rehsos', password: DEMO_PASSWORD }));
      },
    );
    expect(answer.status).toBe(200);
    expect(String(answer.headers['set-cookie'])).toMatch(/;\s*Secure/i);
    expect(String(answer.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
    expect(String(answer.headers['strict-transport-security'])).toMatch(/max-age=/);
  });
});
