import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../engine/app/demoUsers.ts';
import { ARTIFACTS, launchBrowser, screenshot } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

// The fixture SOP with one fork and one per-person block, saved as a Kutai Kartanegara draft: the drafter
// sees both blocks in the table and changes them there, then prints it (A4 landscape, read back with pdftotext).
const SUITE = 'designer-blocks';
const REGENCY = 'kutai-kartanegara';
const SOP_ID = 'uji-blok-paralel-penerima';
const FIXTURE = readFileSync(join(import.meta.dirname, '../fixtures/block-print/blok-paralel-penerima.yaml'), 'utf8');
const squeeze = (s: string) => s.replace(/\s+/g, '');

describe('designer: parallel branches and per-beneficiary work in the table, the diagram and the printout', () => {
  let test: TestServer;
  let browser: BrowserContext;
  let page: Page;

  async function shots(name: string, show?: string): Promise<void> {
    for (const [width, height] of [
      [1280, 800],
      [390, 844],
    ] as const) {
      await page.setViewportSize({ width, height });
      if (show) await page.locator(show).first().scrollIntoViewIfNeeded();
      await screenshot(page, SUITE, `${name}-${width}`);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  }

  beforeAll(async () => {
    test = await startTestServer();
    const drafter = await test.as(REGENCY, 'penyusun-sop');
    const created = await drafter.request('POST', '/api/designer/sops', {
      sopId: SOP_ID,
      name: 'Uji Blok Paralel dan Per Penerima',
      from: { template: true },
    });
    expect(created.status).toBe(201);
    const saved = await drafter.request('POST', `/api/designer/sops/${SOP_ID}/drafts`, {
      source: FIXTURE,
      baseRevision: 1,
    });
    expect(saved.status).toBe(201);
    browser = await launchBrowser({ width: 1280, height: 800 });
    page = await browser.newPage();
    await page.goto(`${test.server.url}/designer/`);
    await page.fill('#username', `${REGENCY}.penyusun-sop`);
    await page.fill('#password', DEMO_PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-testid=user-name]');
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await test?.stop();
  });

  it('the table shows the fork and the per-person block with their pickers; a fork of one branch is a positioned problem', async () => {
    await page.goto(`${test.server.url}/designer/sop/${SOP_ID}`);
    await page.waitForSelector('[data-testid=sop-table]');
    await page.waitForSelector('[data-testid=no-problems]');
    await expect(page.inputValue('[data-testid=end-1]')).resolves.toBe('@parallel');
    await expect(page.inputValue('[data-testid=end-5]')).resolves.toBe('@forEach');
    expect(await page.isChecked('[data-testid=branch-1-data-desa]')).toBe(true);
    expect(await page.isChecked('[data-testid=branch-1-data-puskesmas]')).toBe(true);
    await expect(page.inputValue('[data-testid=join-1]')).resolves.toBe('rekap-data');
    await expect(page.inputValue('[data-testid=foreach-list-5]')).resolves.toBe('penerima');
    await expect(page.inputValue('[data-testid=foreach-label-5]')).resolves.toBe('nama');
    await expect(page.inputValue('[data-testid=foreach-start-5]')).resolves.toBe('survei-rumah');
    await expect(page.inputValue('[data-testid=foreach-join-5]')).resolves.toBe('penetapan');
    await shots('01-table-blocks', '[data-testid=block-row-1]');
    // One branch only: the table says so at once, and the checker points at the line of `branches`.
    await page.click('[data-testid=branch-1-data-puskesmas]');
    await page.waitForSelector('[data-testid=block-row-1] [role=alert]');
    await page.waitForSelector('[data-testid=problems] li');
    const problems = await page.locator('[data-testid=problems] li').allInnerTexts();
    expect(problems.join('\n')).toMatch(/^\d+:\d+ .*2/m);
    await shots('02-one-branch-problem', '[data-testid=problems]');
    await page.click('[data-testid=branch-1-data-puskesmas]');
    await page.waitForSelector('[data-testid=no-problems]');
    // The label of each person's tasks can be dropped: `label` leaves the YAML.
    await page.selectOption('[data-testid=foreach-label-5]', '');
    await page.waitForSelector('[data-testid=no-problems]');
    await page.selectOption('[data-testid=foreach-label-5]', 'nama');
  });

  it('the diagram beside the table draws the fork and join bars and frames the per-person rows', async () => {
    await page.click('#tab-flow');
    await page.waitForSelector('[data-testid=flow-preview]');
    const bars = await page.locator('[data-testid=swim-bar]').count();
    expect(bars).toBe(2);
    expect(await page.locator('[data-testid=swim-frame]').count()).toBe(1);
    await shots('03-diagram-blocks', '[data-testid=swim-frame]');
  });

  it('the printout draws the branches starting together and marks every per-person row, on the chart and the cover', async () => {
    const out = join(ARTIFACTS, SUITE);
    mkdirSync(out, { recursive: true });
    await page.goto(`${test.server.url}/designer/sop/${SOP_ID}/cetak`);
    await page.waitForSelector('[data-testid=print-chart]');
    const pages = Number(await page.getAttribute('[data-testid=print-chart]', 'data-pages'));
    await page.waitForFunction((n) => document.querySelectorAll('.print-overlay').length === n, pages);
    expect(await page.locator('.print-overlay .print-bar').count()).toBe(2);
    expect(await page.locator('.print-overlay .print-frame').count()).toBeGreaterThanOrEqual(1);
    await shots('04-print-screen');
    await page.emulateMedia({ media: 'print' });
    const file = join(out, `${SOP_ID}.pdf`);
    await page.pdf({ path: file, format: 'A4', landscape: true, printBackground: true, preferCSSPageSize: true });
    await page.emulateMedia({ media: 'screen' });
    execFileSync('pdftoppm', ['-png', '-r', '80', file, join(out, SOP_ID)]);
    const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
    const sheets = text.split('\f').map(squeeze);
    const cover = sheets[0]!;
    expect(cover).toContain(squeeze('Langkah 3 dan 4 dikerjakan bersamaan (paralel) setelah langkah 2'));
    expect(cover).toContain(squeeze('Langkah 7 dan 8 dikerjakan untuk setiap penerima: Daftar penerima'));
    // Each per-person row carries the mark on the chart page where its activity is.
    for (const activity of ['TKSK mengunjungi rumah penerima', 'Staf mencatat hasil survei penerima']) {
      const home = sheets.slice(1).find((p) => p.includes(squeeze(activity)));
      expect(home, activity).toBeDefined();
      expect(home).toContain(squeeze('Dikerjakan untuk setiap penerima: Daftar penerima'));
    }
    const chart = sheets.slice(1).join('');
    expect(chart).toContain(squeeze('Cabang paralel: langkah 3 dan 4 dimulai bersamaan'));
    expect(chart).toContain(squeeze('Menunggu semua cabang dari langkah 2'));
  });
});
