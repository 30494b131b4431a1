import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Knex } from 'knex';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../engine/api/createApp.ts';
import { DEMO_PASSWORD } from '../../engine/app/demoUsers.ts';
import { openDatabase } from '../../engine/storage/database.ts';
import { ApiClient } from '../support/apiClient.ts';
import { databaseLabel } from '../support/testDatabase.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { applicant, writtenRows, type ErrorBody } from './support/securityFixture.ts';

const IP_LIMIT = 8;

describe(`login, sessions, CSRF and headers (${databaseLabel})`, () => {
  let test: TestServer;
  let previousLimit: string | undefined;
  beforeAll(async () => {
    previousLimit = process.env.ALUR_LOGIN_IP_LIMIT;
    process.env.ALUR_LOGIN_IP_LIMIT = String(IP_LIMIT);
    test = await startTestServer();
  }, 120_000);
  afterAll(async () => {
    if (previousLimit === undefined) delete process.env.ALUR_LOGIN_IP_LIMIT;
    else process.env.ALUR_LOGIN_IP_LIMIT = previousLimit;
    await test?.stop();
  });

  const login = (client: ApiClient, username: string, password: string, ip: string) =>
    client.request<ErrorBody>(
      'POST',
      '/api/auth/login',
      { username, password },
      { headers: { 'x-forwarded-for': ip } },
    );

  it('brute force on one account: five failures lock it, even the right password is then refused (429); other accounts are unaffected', async () => {
    const client = new ApiClient(test.server.url);
    for (let i = 0; i < 5; i++)
      expect((await login(client, 'kutai-kartanegara.tksk', `tebakan-${i}`, '10.0.0.1')).status).toBe(401);
    const locked = await login(client, 'kutai-kartanegara.tksk', DEMO_PASSWORD, '10.0.0.2');
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('RATE_LIMITED');
    expect((await login(client, 'kutai-kartanegara.staf-dayasos', DEMO_PASSWORD, '10.0.0.3')).status).toBe(200);
  });

  it('parallel guesses cannot slip past the lockout', async () => {
    const guesses = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        login(new ApiClient(test.server.url), 'kutai-kartanegara.pendamping-pkh', `salah-${i}`, `10.1.0.${i}`),
      ),
    );
    expect(guesses.every((g) => g.status === 401 || g.status === 429)).toBe(true);
    const row = (await test.server
      .db('users')
      .where({ username: 'kutai-kartanegara.pendamping-pkh' })
      .first('locked_until')) as { locked_until: Date | null };
    expect(row.locked_until).not.toBeNull();
  });

  it('one address guessing across many accounts is throttled — across server processes, because the count lives in the database', async () => {
    // A second server process on the same database (its own connection pool on PostgreSQL).
    const secondDb: Knex = test.target.kind === 'postgres' ? openDatabase(test.target) : test.server.db;
    const app = createApp({ db: secondDb, logger: pino({ level: 'silent' }) });
    const second: Server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    try {
      const urls = [test.server.url, `http://127.0.0.1:${(second.address() as AddressInfo).port}`];
      const accounts = ['staf-linjamsos', 'staf-dayasos', 'staf-pkbptmp', 'verifikator-dtks'];
      for (let i = 0; i < IP_LIMIT; i++) {
        const response = await login(
          new ApiClient(urls[i % 2]!),
          `kutai-kartanegara.${accounts[i % accounts.length]}`,
          'salah',
          '203.0.113.9',
        );
        expect(response.status, `attempt ${i}`).toBe(401);
      }
      for (const url of urls) {
        const throttled = await login(
          new ApiClient(url),
          'kutai-kartanegara.staf-linjamsos',
          DEMO_PASSWORD,
          '203.0.113.9',
        );
        expect(throttled.status).toBe(429);
        expect(throttled.body.error.message).toMatch(/alamat ini/);
      }
      // Another address is not affected.
      expect(
        (await login(new ApiClient(urls[1]!), 'kutai-kartanegara.staf-linjamsos', DEMO_PASSWORD, '203.0.113.10'))
          .status,
      ).toBe(200);
    } finally {
      await new Promise<void>((resolve) => second.close(() => resolve()));
      if (secondDb !== test.server.db) await secondDb.destroy();
    }
  });

  it('session cookies are httpOnly and SameSite, Secure behind HTTPS, and rotate on every login', async () => {
    const client = new ApiClient(test.server.url);
    const first = await client.login('kutai-kartanegara.kabid-linjamsos', DEMO_PASSWORD);
    const cookie = first.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^alur_session=[A-Za-z0-9_-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    const oldToken = /^alur_session=([^;]+)/.exec(cookie)![1]!;
    const second = await client.login('kutai-kartanegara.kabid-linjamsos', DEMO_PASSWORD);
    const newToken = /^alur_session=([^;]+)/.exec(second.headers.get('set-cookie')!)![1]!;
    expect(newToken).not.toBe(oldToken);
    expect(second.body.csrfToken).not.toBe(first.body.csrfToken);
    // The previous session ended with the new login: a stolen old cookie is worthless.
    const stale = await fetch(`${test.server.url}/api/auth/me`, { headers: { cookie: `alur_session=${oldToken}` } });
    expect(stale.status).toBe(401);
    expect((await client.get('/api/auth/me')).status).toBe(200);
    expect((await client.post('/api/auth/logout')).status).toBe(200);
    expect((await client.get('/api/auth/me')).status).toBe(401);

    process.env.ALUR_SECURE_COOKIES = '1';
    try {
      const secure = await new ApiClient(test.server.url).login('kutai-kartanegara.kabid-linjamsos', DEMO_PASSWORD);
      expect(secure.headers.get('set-cookie')).toMatch(/; Secure/);
    } finally {
      delete process.env.ALUR_SECURE_COOKIES;
    }
  });

  it('cookie-authenticated writes need the CSRF token; cross-site writes are refused; nothing is written', async () => {
    const staff = await test.as('kutai-kartanegara', 'staf-rehsos');
    const before = await writtenRows(test.server.db);
    const noToken = await staff.request<ErrorBody>(
      'POST',
      '/api/cases',
      { sopId: 'bantuan-permakanan', data: applicant },
      { csrf: false },
    );
    expect([noToken.status, noToken.body.error.code]).toEqual([403, 'CSRF_FAILED']);
    const wrongToken = await staff.request<ErrorBody>(
      'POST',
      '/api/cases',
      { sopId: 'bantuan-permakanan', data: applicant },
      { csrf: false, headers: { 'x-csrf-token': 'tebakan' } },
    );
    expect(wrongToken.status).toBe(403);
    const crossSite = await staff.request<ErrorBody>(
      'POST',
      '/api/cases',
      { sopId: 'bantuan-permakanan', data: applicant },
      { headers: { 'sec-fetch-site': 'cross-site' } },
    );
    expect([crossSite.status, crossSite.body.error.code]).toEqual([403, 'CSRF_FAILED']);
    const crossSiteLogin = await new ApiClient(test.server.url).request<ErrorBody>(
      'POST',
      '/api/auth/login',
      { username: 'kutai-kartanegara.admin', password: DEMO_PASSWORD },
      { headers: { 'sec-fetch-site': 'cross-site' } },
    );
    expect(crossSiteLogin.status).toBe(403);
    expect(await writtenRows(test.server.db)).toEqual(before);
  });

  it('security headers: a strict Content-Security-Policy and the usual hardening on API and pages', async () => {
    for (const path of ['/api/health', '/']) {
      const response = await fetch(`${test.server.url}${path}`);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toMatch(/default-src 'self'/);
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      expect(csp).toMatch(/object-src 'none'/);
      expect(csp).toMatch(/frame-ancestors 'none'/);
      expect(csp).toMatch(/base-uri 'self'/);
      expect(csp).toMatch(/form-action 'self'/);
      expect(csp).not.toMatch(/unsafe-eval/);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('strict-transport-security')).toMatch(/max-age=/);
      expect(response.headers.get('x-powered-by')).toBeNull();
    }
  });

  it('passwords are stored as salted scrypt hashes', async () => {
    const rows = (await test.server.db('users').select('password_hash').limit(20)) as Array<{ password_hash: string }>;
    expect(rows.every((r) => r.password_hash.startsWith('scrypt$16384$8$1$'))).toBe(true);
  });
});
