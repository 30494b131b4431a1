import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '../../engine/app/accounts/accountEvents.ts';
import { createAccount } from '../../engine/app/accounts/accountService.ts';
import { DEMO_PASSWORD } from '../../engine/app/demoUsers.ts';
import { ApiClient } from '../support/apiClient.ts';
import { launchBrowser, screenshot } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

const SUITE = 'address-selects';
const START = '/layanan/bantuan-permakanan/mulai';

describe('case forms: kecamatan → desa/kelurahan as cascading selects from the official region codes', () => {
  let test: TestServer;
  let desktop: BrowserContext;
  let phone: BrowserContext;
  let page: Page;
  const consoleErrors: string[] = [];

  async function signIn(p: Page, username: string): Promise<void> {
    await p.goto(`${test.server.url}/`);
    await p.waitForSelector('#username');
    await p.fill('#username', username);
    await p.fill('#password', DEMO_PASSWORD);
    await p.click('button[type=submit]');
    await p.waitForSelector('[data-testid=user-name]');
  }

  const options = (p: Page, selector: string): Promise<string[]> =>
    p.$$eval(`${selector} option`, (list) => list.map((o) => (o as HTMLOptionElement).value).filter((v) => v !== ''));

  beforeAll(async () => {
    test = await startTestServer();
    desktop = await launchBrowser({ width: 1280, height: 800 });
    phone = await launchBrowser({ width: 390, height: 844 });
    page = await desktop.newPage();
    page.on('console', (m) => {
      // The app asks /api/auth/me before signing in (401): expected.
      if (m.type() === 'error' && !/401/.test(m.text())) consoleErrors.push(`${page.url()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
    await signIn(page, 'kutai-kartanegara.staf-rehsos');
  }, 180_000);

  afterAll(async () => {
    await desktop?.close();
    await phone?.close();
    await test?.stop();
  });

  it('the kecamatan select lists the regency’s 20 kecamatan; desa waits for it', async () => {
    await page.goto(`${test.server.url}${START}`);
    await page.waitForSelector('select#root_district');
    const districts = await options(page, '#root_district');
    expect(districts).toHaveLength(20);
    expect(districts).toContain('Tenggarong');
    expect(await page.isDisabled('#root_village')).toBe(true);
    await screenshot(page, SUITE, '01-empty-desktop');
  });

  it('choosing Loa Kulu offers only its desa; changing the kecamatan clears a desa that is not in it', async () => {
    await page.selectOption('#root_district', 'Loa Kulu');
    await page.waitForSelector('#root_village:not([disabled])');
    const villages = await options(page, '#root_village');
    expect(villages).toContain('Sungai Payang');
    expect(villages).not.toContain('Loa Ipuh');
    await page.selectOption('#root_village', 'Sungai Payang');
    await page.selectOption('#root_district', 'Tenggarong');
    expect(await page.inputValue('#root_village')).toBe('');
    expect(await options(page, '#root_village')).toContain('Loa Ipuh');
    await page.selectOption('#root_district', 'Loa Kulu');
    await page.selectOption('#root_village', 'Sungai Payang');
    await screenshot(page, SUITE, '02-chosen-desktop');
  });

  it('the case stores the official names, so the TKSK of Kecamatan Loa Kulu (area 64.02.02) sees it and Tenggarong’s does not', async () => {
    await page.fill('#root_nik', '6402020102500031');
    await page.fill('#root_kkNumber', '6402020101010032');
    await page.fill('#root_fullName', 'Siti Aminah');
    await page.fill('#root_birthDate', '01/02/1950');
    await page.selectOption('#root_occupation', 'Tidak bekerja');
    await page.selectOption('#root_targetCategory', 'Lanjut Usia');
    await page.click('button:has-text("Buka kasus")');
    await page.waitForURL(/\/kasus\/[^/]+\/tanda-terima$/);
    const caseId = /\/kasus\/([^/]+)\//.exec(page.url())![1]!;
    const stored = (await test.server.db('cases').where({ id: caseId }).first('state')) as {
      state: { data: Record<string, unknown> };
    };
    expect(stored.state.data).toMatchObject({ district: 'Loa Kulu', village: 'Sungai Payang' });
    const client = async (username: string, areas: string[]): Promise<ApiClient> => {
      await createAccount(
        test.server.db,
        {
          regencyId: 'kutai-kartanegara',
          username,
          name: username,
          roles: ['tksk'],
          areas,
          credential: { kind: 'password', password: 'sandi wilayah uji' },
        },
        CLI_ACTOR,
      );
      const c = new ApiClient(test.server.url);
      await c.login(username, 'sandi wilayah uji');
      return c;
    };
    expect((await (await client('tksk.loakulu', ['64.02.02'])).get(`/api/cases/${caseId}`)).status).toBe(200);
    expect((await (await client('tksk.tenggarong', ['64.02.06'])).get(`/api/cases/${caseId}`)).status).toBe(403);
  });

  it('the same selects fit a 390 px phone', async () => {
    const small = await phone.newPage();
    await signIn(small, 'kutai-kartanegara.staf-rehsos');
    await small.goto(`${test.server.url}${START}`);
    await small.waitForSelector('select#root_district');
    await small.selectOption('#root_district', 'Loa Kulu');
    await small.selectOption('#root_village', 'Sungai Payang');
    const overflow = await small.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(small, SUITE, '03-chosen-phone');
    await small.close();
    expect(consoleErrors).toEqual([]);
  });
});
