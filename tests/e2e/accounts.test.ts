import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../engine/app/demoUsers.ts';
import { launchBrowser, screenshot } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

const SUITE = 'accounts';

describe('staff app: a regency admin manages accounts; new staff set their own password', () => {
  let test: TestServer;
  let desktop: BrowserContext;
  let phone: BrowserContext;
  let page: Page;
  const consoleErrors: string[] = [];
  let temporaryPassword = '';

  async function signIn(p: Page, username: string, password: string): Promise<void> {
    await p.goto(`${test.server.url}/`);
    await p.waitForSelector('#username, [data-testid=user-name]');
    if (await p.locator('[data-testid=user-name]').count()) {
      await p.locator('button:has-text("Keluar")').click();
      await p.waitForSelector('#username');
    }
    await p.fill('#username', username);
    await p.fill('#password', password);
    await p.click('button[type=submit]');
    await p.waitForSelector('[data-testid=user-name]');
  }

  beforeAll(async () => {
    test = await startTestServer();
    desktop = await launchBrowser();
    phone = await launchBrowser({ width: 390, height: 844 });
    page = await desktop.newPage();
    page.on('console', (m) => {
      // Refusals the test provokes on purpose are answered 400/401/403 and logged by the browser.
      if (m.type() === 'error' && !/40[013]/.test(m.text())) consoleErrors.push(`${page.url()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
  }, 180_000);

  afterAll(async () => {
    await desktop?.close();
    await phone?.close();
    await test?.stop();
  });

  it('the admin opens Akun Pegawai from the menu and sees the regency’s accounts', async () => {
    await signIn(page, 'kutai-kartanegara.admin', DEMO_PASSWORD);
    await page.click('a:has-text("Akun Pegawai")');
    await page.waitForSelector('[data-testid="account-kutai-kartanegara.staf-rehsos"]');
    await page.fill('#account-search', 'rehsos');
    await page.click('button:has-text("Cari")');
    await page.waitForSelector('[data-testid="account-kutai-kartanegara.admin"]', { state: 'detached' });
    const rows = await page.locator('[data-testid=account-list] tbody tr').count();
    expect(rows).toBeGreaterThan(0);
    expect(await page.locator('[data-testid=account-list]').innerText()).not.toContain('kutai-kartanegara.admin');
    await screenshot(page, SUITE, '01-list-desktop');
  });

  it('a NIP that is not 18 digits is refused with an Indonesian message that names the field, not a pattern', async () => {
    await page.fill('#account-name', 'Dewi Lestari');
    await page.fill('#account-username', 'dewi.rehsos');
    await page.fill('#account-nip', '19630824 199403 2');
    await page.check('input[name=roles][value=staf-rehsos]');
    await page.check('input[name=credential][value=temporary]');
    await page.click('button:has-text("Buat akun")');
    const alert = page.locator('.alert.error');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('NIP terdiri atas 18 angka, yang diisi 15 angka');
    await screenshot(page, SUITE, '02-nip-refused');
  });

  it('creates the account with the NIP as printed and shows the temporary password once', async () => {
    await page.fill('#account-nip', '19630824 199403 2 007');
    await page.fill('#account-position', 'Pekerja Sosial Ahli Muda');
    await page.selectOption('#account-unit', 'rehsos');
    // Cascading selects from the official region codes: kecamatan, then its desa/kelurahan.
    await page.selectOption('#area-district', '64.02.06');
    await page.selectOption('#area-village', '64.02.06.1002');
    await page.click('button:has-text("Tambah wilayah")');
    await page.waitForSelector('[data-testid=chosen-areas] >> text=Loa Ipuh, Kec. Tenggarong');
    await screenshot(page, SUITE, '03a-area-picker');
    await page.click('button:has-text("Buat akun")');
    await page.waitForSelector('[data-testid=account-secret]');
    temporaryPassword = (await page.locator('[data-testid=account-secret]').innerText()).trim();
    expect(temporaryPassword.length).toBeGreaterThanOrEqual(16);
    await page.fill('#account-search', '199403 2');
    await page.click('button:has-text("Cari")');
    const row = page.locator('[data-testid="account-dewi.rehsos"]');
    await row.waitFor();
    expect(await row.innerText()).toContain('NIP 19630824 199403 2 007');
    expect(await row.innerText()).toContain('wajib ganti sandi');
    const stored = (await test.server.db('users').where({ username: 'dewi.rehsos' }).first('areas')) as {
      areas: string[];
    };
    expect(stored.areas).toEqual(['64.02.06.1002']);
    await screenshot(page, SUITE, '03-created-desktop');
  });

  it('the new staff member must replace the temporary password before anything else', async () => {
    await signIn(page, 'dewi.rehsos', temporaryPassword);
    await page.waitForSelector('text=Anda masuk dengan kata sandi sementara');
    await screenshot(page, SUITE, '04-forced-change');
    await page.fill('#current-password', temporaryPassword);
    await page.fill('#new-password', 'password123');
    await page.fill('#repeat-password', 'password123');
    await page.click('button:has-text("Simpan kata sandi")');
    await page.waitForSelector('text=paling sering dipakai');
    await page.fill('#new-password', 'sawah hijau di tenggarong');
    await page.fill('#repeat-password', 'sawah hijau di tenggarong');
    await page.click('button:has-text("Simpan kata sandi")');
    await page.waitForSelector('text=Anda masuk dengan kata sandi sementara', { state: 'detached' });
    await page.goto(`${test.server.url}/`);
    await page.waitForSelector('h1:has-text("Kotak Masuk")');
    expect(await page.locator('text=Anda masuk dengan kata sandi sementara').count()).toBe(0);
  });

  it('on a 390 px phone the admin disables and re-enables the account', async () => {
    const small = await phone.newPage();
    await signIn(small, 'kutai-kartanegara.admin', DEMO_PASSWORD);
    await small.goto(`${test.server.url}/akun`);
    await small.fill('#account-search', 'dewi');
    await small.click('button:has-text("Cari")');
    const row = small.locator('[data-testid="account-dewi.rehsos"]');
    await row.waitFor();
    await screenshot(small, SUITE, '05-list-390');
    await row.locator('button:has-text("Nonaktifkan")').click();
    await small.waitForSelector('[data-testid="account-dewi.rehsos"] >> text=nonaktif');
    const status = (await test.server.db('users').where({ username: 'dewi.rehsos' }).first('active')) as {
      active: boolean;
    };
    expect(status).toEqual({ active: false });
    await row.locator('button:has-text("Aktifkan")').click();
    await small.waitForSelector('[data-testid="account-dewi.rehsos"] >> text=aktif');
    await screenshot(small, SUITE, '06-enabled-390');
    await small.close();
  });

  it('an activation link lets the person choose a password and sign in', async () => {
    await signIn(page, 'kutai-kartanegara.admin', DEMO_PASSWORD);
    await page.goto(`${test.server.url}/akun`);
    await page.fill('#account-name', 'Yusuf Pratama');
    await page.fill('#account-username', 'yusuf.loket');
    await page.check('input[name=roles][value=petugas-pengaduan]');
    await page.click('button:has-text("Buat akun")');
    await page.waitForSelector('[data-testid=account-secret]');
    const link = (await page.locator('[data-testid=account-secret]').innerText()).trim();
    expect(link).toMatch(/\/aktivasi#[A-Za-z0-9_-]{40,}$/);
    await page.locator('button:has-text("Keluar")').click();
    await page.goto(link);
    await page.fill('#new-password', 'mahakam mengalir tenang');
    await screenshot(page, SUITE, '07-activation');
    await page.click('button:has-text("Simpan kata sandi")');
    await page.waitForSelector('text=Akun yusuf.loket aktif');
    await signIn(page, 'yusuf.loket', 'mahakam mengalir tenang');
    expect(consoleErrors).toEqual([]);
  });
});
