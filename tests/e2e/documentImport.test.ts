import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../engine/app/demoUsers.ts';
import { axeViolations } from '../support/axe.ts';
import { launchBrowser, screenshot, signIn, screenshotBothWidths } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

const SUITE = 'document-import';
const SEED = join(import.meta.dirname, '../fixtures/seeds/kutai-kartanegara-sop-2025.md');

describe('Impor dari dokumen: the document beside the draft, one-click review, the publish gate, the honest library', () => {
  let test: TestServer;
  let browser: BrowserContext;
  let page: Page;
  const consoleErrors: string[] = [];

  async function login(path: string, account: string): Promise<void> {
    await signIn(page, `${test.server.url}${path}`, account, DEMO_PASSWORD);
  }

  const bothWidths = (name: string): Promise<void> => screenshotBothWidths(page, SUITE, name);

  beforeAll(async () => {
    test = await startTestServer();
    browser = await launchBrowser({ width: 1280, height: 900 });
    page = await browser.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error' && !/40[139]|422/.test(m.text())) consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
  }, 180_000);

  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') {
      await screenshot(page, SUITE, `failed-${context.task.name.slice(0, 40).replace(/[^a-z0-9]+/gi, '-')}`);
      console.error('browser errors so far:', consoleErrors);
    }
  });

  afterAll(async () => {
    await browser?.close();
    await test?.stop();
  });

  it('a drafter imports the SOP book and gets one draft per SOP', async () => {
    await login('/designer/', 'kutai-kartanegara.penyusun-sop');
    await page.click('[data-testid=import-document]');
    await page.setInputFiles('#sop-document', SEED);
    await page.waitForSelector('[data-testid=doc-import-result]');
    await expect(page.locator('[data-testid=doc-import-result] h2').innerText()).resolves.toMatch(/12 draf dibuat/);
    expect(await axeViolations(page)).toEqual([]);
    await bothWidths('01-imported');
  });

  it('shows the document beside the table, highlights a step’s lines, and checks parts one click each', async () => {
    await page.click('[data-testid=created-penanganan-pengaduan-secara-langsung] a');
    await page.waitForSelector('[data-testid=source-pane] [data-testid=doc-text]');
    // The table beside the document, as drafters work (the YAML editor's own scroller is outside this screen's check).
    if ((await page.getAttribute('[data-testid=toggle-yaml]', 'aria-pressed')) === 'true')
      await page.click('[data-testid=toggle-yaml]');
    const before = await page.locator('.review-item').count();
    expect(before).toBeGreaterThan(0);
    await expect(page.locator('tr.flagged').count()).resolves.toBeGreaterThan(0);
    await page.click('[data-testid=row-0] td:first-child button');
    await page.waitForSelector('.doc-line.hit');
    await expect(page.locator('.doc-line.hit').first().innerText()).resolves.toMatch(/\S/);
    // A row's highlight runs to the line before the next row: the two rows' lines touch and never overlap.
    const hitLines = () =>
      page.$$eval('.doc-line.hit', (rows) => rows.map((r) => Number(r.getAttribute('data-line')!.split('-')[1])));
    const first = await hitLines();
    await page.click('[data-testid=row-1] td:first-child button');
    await page.waitForFunction(
      (old) => document.querySelector('.doc-line.hit')?.getAttribute('data-line') !== old,
      `1-${first[0]}`,
    );
    const second = await hitLines();
    expect(second[0]).toBe(first.at(-1)! + 1);
    await page.click('[data-testid=row-0] td:first-child button');
    await page.waitForSelector(`.doc-line.hit[data-line$="-${first[0]}"]`);
    expect(await axeViolations(page)).toEqual([]);
    await bothWidths('02-side-by-side');
    await page.locator('.review-item button:has-text("Sudah diperiksa")').first().click();
    await page.waitForSelector('text=/Sudah diperiksa: .*revisi 2 disimpan/');
    await expect(page.locator('.review-item').count()).resolves.toBe(before - 1);
  });

  it('the drafter cannot submit while parts remain unchecked: the refusal lists them with positions', async () => {
    await page.click('button:has-text("Ajukan untuk disahkan")');
    await page.fill('#review-note', 'Mohon diperiksa');
    await page.click('[data-testid=submit-confirm]');
    await page.waitForSelector('text=/bagian hasil impor belum diperiksa/');
    await expect(page.locator('.alert.error, [role=alert]').first().innerText()).resolves.toMatch(/langkah \d+/);
    await bothWidths('03-submit-refused');
  });

  it('Bengkayang’s published SOPs carry the source notice on the catalogue; Kutai Kartanegara’s do not', async () => {
    await login('/', 'bengkayang.petugas-pelayanan');
    await page.goto(`${test.server.url}/layanan`);
    await page.waitForSelector('[data-testid^=service-]');
    const services = await page.locator('[data-testid^=service-]').count();
    await expect(page.locator('[data-testid^=service-] [data-testid=source-notice]').count()).resolves.toBe(services);
    await expect(page.locator('[data-testid=source-notice]').first().innerText()).resolves.toBe(
      'Catatan sumber: langkah disusun dari ruang lingkup keputusan; belum dari naskah teknis resmi',
    );
    expect(await axeViolations(page)).toEqual([]);
    await bothWidths('04-catalogue-bengkayang');
    await login('/', 'kutai-kartanegara.staf-rehsos');
    await page.goto(`${test.server.url}/layanan`);
    await page.waitForSelector('[data-testid^=service-]');
    await expect(page.locator('[data-testid=source-notice]').count()).resolves.toBe(0);
    expect(consoleErrors).toEqual([]);
  });
});
