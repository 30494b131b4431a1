import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../engine/app/demoUsers.ts';
import { launchBrowser, screenshot } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

const SUITE = 'account-edit';
const TARGET = 'kutai-kartanegara.staf-rehsos';

describe('staff app: the regency admin edits an account and sees its history', () => {
  let test: TestServer;
  let desktop: BrowserContext;
  let phone: BrowserContext;
  let page: Page;
  const consoleErrors: string[] = [];

  async function signIn(p: Page): Promise<void> {
    await p.goto(`${test.server.url}/`);
    await p.waitForSelector('#username');
    await p.fill('#username', 'kutai-kartanegara.admin');
    await p.fill('#password', DEMO_PASSWORD);
    await p.click('button[type=submit]');
    await p.waitForSelector('[data-testid=user-name]');
  }

  beforeAll(async () => {
    test = await startTestServer();
    desktop = await launchBrowser({ width: 1280, height: 800 });
    phone = await launchBrowser({ width: 390, height: 844 });
    page = await desktop.newPage();
    page.on('console', (m) => {
      // 400 answers the test provokes on purpose, and the 401 of /api/auth/me before signing in.
      if (m.type() === 'error' && !/40[01]/.test(m.text())) consoleErrors.push(`${page.url()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
    await signIn(page);
  }, 180_000);

  afterAll(async () => {
    await desktop?.close();
    await phone?.close();
    await test?.stop();
  });

  it('opens the edit form of an account with its current data', async () => {
    await page.goto(`${test.server.url}/akun`);
    const row = page.locator(`[data-testid="account-${TARGET}"]`);
    await row.locator('button:has-text("Ubah")').click();
    await page.waitForSelector('[data-testid=account-editor]');
    expect(await page.inputValue('#edit-name')).toBe('Staf Bidang Rehsos (demo)');
    expect(await page.isChecked('input[name=edit-roles][value=staf-rehsos]')).toBe(true);
    // Demo accounts are seeded by the server, not created by an admin: their history starts empty.
    await page.waitForSelector('[data-testid=account-history-empty]');
  });

  it('an e-mail without a domain is refused in Indonesian, nothing saved', async () => {
    await page.fill('#edit-email', 'dewi@kantor');
    await page.click('button:has-text("Simpan perubahan")');
    const alert = page.locator('[data-testid=account-editor] .alert.error');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('Alamat surel "dewi@kantor" tidak lengkap');
  });

  it('saves name, NIP as printed, jabatan, unit, roles, area, e-mail and phone; the history names the changes', async () => {
    await page.fill('#edit-name', 'Dewi Lestari');
    await page.fill('#edit-nip', '19630824 199403 2 007');
    await page.fill('#edit-position', 'Pekerja Sosial Ahli Muda');
    await page.selectOption('#edit-unit', 'rehsos');
    await page.check('input[name=edit-roles][value=tksk]');
    await page.selectOption('#edit-area-district', '64.02.06');
    await page.click('[data-testid=account-editor] button:has-text("Tambah wilayah")');
    await page.fill('#edit-email', 'dewi@dinsos.kukarkab.go.id');
    await page.fill('#edit-phone', '081234567890');
    await page.click('button:has-text("Simpan perubahan")');
    await page.waitForSelector('[data-testid=account-editor] .alert.ok');
    const history = page.locator('[data-testid=account-history] li').first();
    await expect
      .poll(() => history.innerText())
      .toContain('Diubah: Nama lengkap, Peran, NIP, Jabatan, Unit kerja, Surel, Telepon, Wilayah kerja');
    expect(await history.innerText()).toContain('Data diubah — Administrator Sistem (demo)');
    const stored = (await test.server.db('users').where({ username: TARGET }).first()) as Record<string, unknown>;
    expect(stored).toMatchObject({
      display_name: 'Dewi Lestari',
      nip: '196308241994032007',
      position: 'Pekerja Sosial Ahli Muda',
      unit: 'rehsos',
      roles: ['staf-rehsos', 'tksk'],
      areas: ['64.02.06'],
      email: 'dewi@dinsos.kukarkab.go.id',
      phone: '081234567890',
    });
    expect(await page.locator(`[data-testid="account-${TARGET}"]`).innerText()).toContain('NIP 19630824 199403 2 007');
    await screenshot(page, SUITE, '01-edited-desktop');
  });

  it('at 390 px the list is stacked cards and the editor fits', async () => {
    const small = await phone.newPage();
    await signIn(small);
    await small.goto(`${test.server.url}/akun`);
    const row = small.locator(`[data-testid="account-${TARGET}"]`);
    await row.waitFor();
    expect(await row.evaluate((r) => getComputedStyle(r).display)).toBe('block');
    const overflow = await small.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await row.scrollIntoViewIfNeeded();
    await small.screenshot({ path: `${process.cwd()}/tests/artifacts/${SUITE}/02-list-phone.png` });
    await row.locator('button:has-text("Ubah")').click();
    await small.waitForSelector('[data-testid=account-history] li');
    expect(await small.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await small.locator('[data-testid=account-editor]').screenshot({
      path: `${process.cwd()}/tests/artifacts/${SUITE}/03-editor-phone.png`,
    });
    await small.close();
    expect(consoleErrors).toEqual([]);
  });
});
