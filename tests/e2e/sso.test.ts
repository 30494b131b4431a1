import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../engine/app/demoUsers.ts';
import { launchBrowser, screenshot } from '../support/browser.ts';
import { startTestProvider, type TestProvider } from '../support/oidcTestProvider.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

const SUITE = 'sso';
const REGENCY = 'kutai-kartanegara';
const PROVIDER_PORT = 4131;

describe('staff app: signing in with the regency’s OpenID Connect provider (a real oidc-provider)', () => {
  let test: TestServer;
  let provider: TestProvider;
  let desktop: BrowserContext;
  let phone: BrowserContext;
  let page: Page;
  const consoleErrors: string[] = [];

  async function signInWithPassword(p: Page, username: string): Promise<void> {
    await p.goto(`${test.server.url}/`);
    await p.waitForSelector('#username');
    await p.fill('#username', username);
    await p.fill('#password', DEMO_PASSWORD);
    await p.click('button[type=submit]');
    await p.waitForSelector('[data-testid=user-name]');
  }

  /** At the provider's sign-in page: any login is accepted; then the consent page. */
  async function signInAtProvider(p: Page, login: string): Promise<void> {
    await p.waitForSelector('input[name=login]');
    await p.fill('input[name=login]', login);
    await p.fill('input[name=password]', 'sandi-penyedia');
    await p.click('button:has-text("Sign-in")');
    await p.waitForSelector('button:has-text("Continue")');
    await p.click('button:has-text("Continue")');
  }

  beforeAll(async () => {
    test = await startTestServer();
    provider = await startTestProvider(PROVIDER_PORT, `${test.server.url}/api/auth/sso/${REGENCY}/callback`);
    desktop = await launchBrowser({ width: 1280, height: 800 });
    phone = await launchBrowser({ width: 390, height: 844 });
    page = await desktop.newPage();
    page.on('console', (m) => {
      // Refusals the test provokes on purpose are answered 401/403 and logged by the browser. The provider's
      // pages (web fonts unreachable offline) and the sandboxed refusal page (no favicon, no scripts) are not the app.
      const foreign = page.url().startsWith(provider.issuer) || page.url().includes('/api/auth/sso/');
      if (m.type() === 'error' && !foreign && !/40[013]/.test(m.text()))
        consoleErrors.push(`${page.url()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
  }, 180_000);

  afterAll(async () => {
    await desktop?.close();
    await phone?.close();
    await provider?.stop();
    await test?.stop();
  });

  it('the regency admin enters the provider in Akun Pegawai → Masuk dengan SSO', async () => {
    await signInWithPassword(page, `${REGENCY}.admin`);
    await page.click('a:has-text("Akun Pegawai")');
    await page.waitForSelector('[data-testid=sso-settings]');
    await page.fill('#sso-providerName', 'SSO Pemkab Kukar');
    await page.fill('#sso-issuer', provider.issuer);
    await page.fill('#sso-clientId', provider.clientId);
    await page.fill('#sso-clientSecret', provider.clientSecret);
    expect(await page.inputValue('#sso-claim')).toBe('preferred_username');
    expect(await page.isChecked('#sso-allowLocalPasswords')).toBe(true);
    expect(await page.isChecked('#sso-createUnknown')).toBe(false);
    await page.click('button:has-text("Simpan pengaturan SSO")');
    await page.waitForSelector('text=Pengaturan SSO disimpan.');
    expect(await page.inputValue('#sso-clientSecret')).toBe('');
    expect(await page.getAttribute('#sso-clientSecret', 'placeholder')).toContain('tersimpan');
    await page.locator('[data-testid=sso-settings]').screenshot({
      path: `${process.cwd()}/tests/artifacts/${SUITE}/01-settings-desktop.png`,
    });
    const small = await phone.newPage();
    await signInWithPassword(small, `${REGENCY}.admin`);
    await small.goto(`${test.server.url}/akun`);
    await small.waitForSelector('[data-testid=sso-events]');
    const overflow = await small.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await small.locator('[data-testid=sso-settings]').screenshot({
      path: `${process.cwd()}/tests/artifacts/${SUITE}/01-settings-phone.png`,
    });
    await small.click('button:has-text("Keluar")');
    await small.close();
    await page.click('button:has-text("Keluar")');
    await page.waitForSelector('#username');
  });

  it('the login page offers "Masuk dengan SSO Pemkab Kukar"', async () => {
    await page.goto(`${test.server.url}/`);
    await page.waitForSelector('a:has-text("Masuk dengan SSO Pemkab Kukar")');
    await screenshot(page, SUITE, '02-login-desktop');
    const small = await phone.newPage();
    await small.goto(`${test.server.url}/`);
    await small.waitForSelector('a:has-text("Masuk dengan SSO Pemkab Kukar")');
    await screenshot(small, SUITE, '02-login-phone');
    await small.close();
  });

  it('a staff member signs in at the provider and lands in Alur with an ordinary session', async () => {
    await page.click('a:has-text("Masuk dengan SSO Pemkab Kukar")');
    expect(page.url()).toContain(provider.issuer);
    await signInAtProvider(page, `${REGENCY}.staf-rehsos`);
    await page.waitForSelector('[data-testid=user-name]');
    expect(page.url()).toBe(`${test.server.url}/`);
    expect(await page.locator('[data-testid=user-name]').innerText()).toContain('(demo)');
    const me = await page.request.get(`${test.server.url}/api/auth/me`);
    expect(((await me.json()) as { user: { username: string } }).user.username).toBe(`${REGENCY}.staf-rehsos`);
    await screenshot(page, SUITE, '03-signed-in');
  });

  it('logging out ends the Alur session', async () => {
    await page.click('button:has-text("Keluar")');
    await page.waitForSelector('#username');
    expect((await page.request.get(`${test.server.url}/api/auth/me`)).status()).toBe(401);
    const cookies = await desktop.cookies(test.server.url);
    expect(cookies.find((c) => c.name === 'alur_session')?.value ?? '').toBe('');
  });

  it('a person the provider knows but Alur does not is refused with a clear page, and it is recorded', async () => {
    // Forget the provider's own session so another person can sign in there.
    await desktop.clearCookies({ name: /^_/ });
    await page.goto(`${test.server.url}/`);
    await page.click('a:has-text("Masuk dengan SSO Pemkab Kukar")');
    const refusal = page.waitForResponse((r) => r.url().includes('/callback'));
    await signInAtProvider(page, 'orang.asing');
    expect((await refusal).status()).toBe(403);
    await page.waitForSelector('h1:has-text("Masuk dengan SSO ditolak")');
    expect(await page.locator('main').innerText()).toContain('"orang.asing" belum punya akun Alur di kabupaten ini');
    await screenshot(page, SUITE, '04-unknown-refused-desktop');
    const small = await phone.newPage();
    await small.goto(`${test.server.url}/`);
    await small.click('a:has-text("Masuk dengan SSO Pemkab Kukar")');
    await signInAtProvider(small, 'orang.asing.lain');
    await small.waitForSelector('h1:has-text("Masuk dengan SSO ditolak")');
    await screenshot(small, SUITE, '04-unknown-refused-phone');
    await small.close();
    await page.click('a:has-text("Kembali ke halaman masuk")');
    await signInWithPassword(page, `${REGENCY}.admin`);
    await page.goto(`${test.server.url}/akun`);
    const events = page.locator('[data-testid=sso-events]');
    await events.waitFor();
    expect(await events.innerText()).toContain('ditolak (orang.asing): belum punya akun Alur');
  });

  it('with local passwords turned off, the password form refuses the regency’s staff and points to SSO', async () => {
    await page.uncheck('#sso-allowLocalPasswords');
    await page.click('button:has-text("Simpan pengaturan SSO")');
    await page.waitForSelector('text=Pengaturan SSO disimpan.');
    await page.click('button:has-text("Keluar")');
    await page.waitForSelector('#username');
    await page.fill('#username', `${REGENCY}.staf-rehsos`);
    await page.fill('#password', DEMO_PASSWORD);
    await page.click('button[type=submit]');
    const alert = page.locator('.alert.error');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('Masuk dengan SSO Pemkab Kukar');
    await screenshot(page, SUITE, '05-local-password-refused');
    const small = await phone.newPage();
    await small.goto(`${test.server.url}/`);
    await small.fill('#username', `${REGENCY}.staf-rehsos`);
    await small.fill('#password', DEMO_PASSWORD);
    await small.click('button[type=submit]');
    await small.locator('.alert.error').waitFor();
    await screenshot(small, SUITE, '05-local-password-refused-phone');
    await small.close();
    expect(consoleErrors).toEqual([]);
  });
});
