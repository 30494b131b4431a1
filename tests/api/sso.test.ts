import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../engine/app/demoUsers.ts';
import { ApiClient } from '../support/apiClient.ts';
import { signInAtProvider, startTestProvider, type TestProvider } from '../support/oidcTestProvider.ts';
import { databaseLabel } from '../support/testDatabase.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

const REGENCY = 'kutai-kartanegara';
const PROVIDER_PORT = 4132;

type SsoAnswer = {
  settings: Record<string, unknown> | null;
  events: Array<{ action: string; subject: string | null; detail: { reason?: string } | null }>;
};

describe(`single sign-on with a real OpenID provider: code flow, state, nonce, matching (${databaseLabel})`, () => {
  let test: TestServer;
  let provider: TestProvider;
  let admin: ApiClient;
  let callbackPrefix: string;

  const settings = (over: Record<string, unknown> = {}) => ({
    providerName: 'SSO Pemkab',
    issuer: provider.issuer,
    clientId: provider.clientId,
    clientSecret: provider.clientSecret,
    claim: 'preferred_username',
    matchBy: 'username',
    enabled: true,
    createUnknown: false,
    newUserRole: null,
    allowLocalPasswords: true,
    ...over,
  });

  /** Starts a login as a browser would: Alur's cookie binding it, and the provider address. */
  async function start(): Promise<{ cookie: string; location: string }> {
    const response = await fetch(`${test.server.url}/api/auth/sso/${REGENCY}/start`, { redirect: 'manual' });
    expect(response.status).toBe(303);
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('alur_sso='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    return { cookie: cookie.split(';')[0]!, location: response.headers.get('location')! };
  }

  async function callback(url: string, cookie?: string): Promise<Response> {
    return fetch(url, { redirect: 'manual', headers: cookie ? { cookie } : {} });
  }

  beforeAll(async () => {
    test = await startTestServer();
    callbackPrefix = `${test.server.url}/api/auth/sso/${REGENCY}/callback`;
    provider = await startTestProvider(PROVIDER_PORT, callbackPrefix);
    admin = await test.as(REGENCY, 'admin');
  }, 180_000);
  afterAll(async () => {
    await provider?.stop();
    await test?.stop();
  });

  it('refuses settings a provider cannot work with, in Indonesian, naming the field', async () => {
    const plainHttp = await admin.request('PUT', '/api/admin/sso', settings({ issuer: 'http://sso.example.go.id' }));
    expect(plainHttp.status).toBe(400);
    expect(plainHttp.body).toMatchObject({ error: { path: '/issuer' } });
    expect(JSON.stringify(plainHttp.body)).toContain('https://');
    const noRole = await admin.request('PUT', '/api/admin/sso', settings({ createUnknown: true }));
    expect(noRole.status).toBe(400);
    expect(noRole.body).toMatchObject({ error: { path: '/newUserRole' } });
    const staff = await test.as(REGENCY, 'staf-rehsos');
    expect((await staff.get('/api/admin/sso')).status).toBe(403);
    // Without settings the regency offers no SSO.
    expect((await fetch(`${test.server.url}/api/auth/sso/${REGENCY}/start`, { redirect: 'manual' })).status).toBe(404);
  });

  it('stores the settings; the secret is never read back and the login page lists the provider', async () => {
    const saved = await admin.request('PUT', '/api/admin/sso', settings());
    expect(saved.status).toBe(200);
    const read = await admin.get<SsoAnswer>('/api/admin/sso');
    expect(read.body.settings).toMatchObject({ providerName: 'SSO Pemkab', hasSecret: true });
    expect(read.text).not.toContain(provider.clientSecret);
    expect(read.body.events[0]).toMatchObject({ action: 'settings_changed' });
    const listed = await new ApiClient(test.server.url).get<{ providers: unknown[] }>('/api/auth/sso');
    expect(listed.body.providers).toEqual([
      { regencyId: REGENCY, regencyName: expect.any(String) as string, providerName: 'SSO Pemkab' },
    ]);
  });

  it('signs an existing account in: code flow with PKCE, an ordinary Alur session, matched by username', async () => {
    const { cookie, location } = await start();
    const authorization = new URL(location);
    expect(authorization.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorization.searchParams.get('state')).toBeTruthy();
    expect(authorization.searchParams.get('nonce')).toBeTruthy();
    const back = await signInAtProvider(location, `${REGENCY}.staf-rehsos`, callbackPrefix);
    const answer = await callback(back, cookie);
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe('/');
    const session = answer.headers
      .getSetCookie()
      .find((c) => c.startsWith('alur_session='))!
      .split(';')[0]!;
    const me = await fetch(`${test.server.url}/api/auth/me`, { headers: { cookie: session } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { user: { username: string } }).user.username).toBe(`${REGENCY}.staf-rehsos`);
    // The same answer again: the pending login was used once.
    const replay = await callback(back, cookie);
    expect(replay.status).toBe(400);
  });

  it('a callback whose state does not match the login started in this browser is refused with 400', async () => {
    const { cookie, location } = await start();
    const back = new URL(await signInAtProvider(location, `${REGENCY}.staf-rehsos`, callbackPrefix));
    back.searchParams.set('state', 'bukan-state-yang-dikirim');
    const answer = await callback(back.href, cookie);
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toContain('text/html');
    expect(await answer.text()).toContain('tidak cocok');
  });

  it('an ID token whose nonce is not the one sent is refused with 400', async () => {
    const { cookie, location } = await start();
    const forged = new URL(location);
    forged.searchParams.set('nonce', 'nonce-lain-dari-penyerang');
    const back = await signInAtProvider(forged.href, `${REGENCY}.staf-rehsos`, callbackPrefix);
    const answer = await callback(back, cookie);
    expect(answer.status).toBe(400);
    expect(answer.headers.getSetCookie().some((c) => c.startsWith('alur_session='))).toBe(false);
  });

  it('a callback without the browser cookie of its login is refused with 400 (login CSRF)', async () => {
    const { location } = await start();
    const back = await signInAtProvider(location, `${REGENCY}.staf-rehsos`, callbackPrefix);
    expect((await callback(back)).status).toBe(400);
  });

  it('an unknown person is refused with 403 and the refusal is recorded; nobody is created', async () => {
    const { cookie, location } = await start();
    const back = await signInAtProvider(location, 'orang.asing', callbackPrefix);
    const answer = await callback(back, cookie);
    expect(answer.status).toBe(403);
    expect(await answer.text()).toContain('belum punya akun Alur');
    expect(await test.server.db('users').where({ username: 'orang.asing' }).first()).toBeUndefined();
    const read = await admin.get<SsoAnswer>('/api/admin/sso');
    expect(read.body.events[0]).toMatchObject({
      action: 'refused',
      subject: 'orang.asing',
      detail: { reason: 'unknown_user' },
    });
  });

  it('with automatic creation turned on, an unknown person gets an account with the chosen role', async () => {
    expect(
      (await admin.request('PUT', '/api/admin/sso', settings({ createUnknown: true, newUserRole: 'staf-rehsos' })))
        .status,
    ).toBe(200);
    const { cookie, location } = await start();
    const answer = await callback(await signInAtProvider(location, 'pegawai.baru', callbackPrefix), cookie);
    expect(answer.status).toBe(303);
    const created = (await test.server.db('users').where({ username: 'pegawai.baru' }).first()) as {
      regency_id: string;
      roles: string[];
      email: string;
    };
    expect(created).toMatchObject({
      regency_id: REGENCY,
      roles: ['staf-rehsos'],
      email: 'pegawai.baru@pemkab.example.go.id',
    });
    const read = await admin.get<SsoAnswer>('/api/admin/sso');
    expect(read.body.events.map((e) => e.action).slice(0, 2)).toEqual(['signed_in', 'account_created']);
  });

  it('matches by e-mail when configured so', async () => {
    await admin.request('PUT', '/api/admin/sso', settings({ claim: 'email', matchBy: 'email' }));
    await test.server
      .db('users')
      .where({ username: `${REGENCY}.kabid-rehsos` })
      .update({ email: 'Kabid.Surel@pemkab.example.go.id' });
    const { cookie, location } = await start();
    const answer = await callback(await signInAtProvider(location, 'kabid.surel', callbackPrefix), cookie);
    expect(answer.status).toBe(303);
  });

  it('with local passwords off the regency’s accounts are refused at /api/auth/login, pointing to SSO; others are not', async () => {
    await admin.request('PUT', '/api/admin/sso', settings({ allowLocalPasswords: false }));
    const refused = await new ApiClient(test.server.url).request('POST', '/api/auth/login', {
      username: `${REGENCY}.staf-rehsos`,
      password: DEMO_PASSWORD,
    });
    expect(refused.status).toBe(403);
    expect(JSON.stringify(refused.body)).toContain('Masuk dengan SSO Pemkab');
    const otherRegency = await new ApiClient(test.server.url).request('POST', '/api/auth/login', {
      username: 'bangkalan.admin',
      password: DEMO_PASSWORD,
    });
    expect(otherRegency.status).toBe(200);
    await admin.request('PUT', '/api/admin/sso', settings({ allowLocalPasswords: true }));
    await new ApiClient(test.server.url).login(`${REGENCY}.staf-rehsos`, DEMO_PASSWORD);
  });
});
