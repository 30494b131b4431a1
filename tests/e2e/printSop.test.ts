import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../engine/app/demoUsers.ts';
import type { SopDefinition } from '../../engine/definition/sopTypes.ts';
import { loadDefinitionPaths } from '../../engine/files/loadDefinitionFiles.ts';
import { ARTIFACTS, launchBrowser, screenshot } from '../support/browser.ts';
import { definitionsDir, startTestServer, type TestServer } from '../support/testServer.ts';
import { printedChecks, type PrintedProblem } from './printChecks.ts';

// Every SOP of the three packs printed to PDF by headless Chromium (A4 landscape, as the layout wants),
// then read back with poppler's pdftotext: the whole cover, every step's activity, time and output on one
// page, the table header on every chart page. Page images of a few SOPs are kept for looking at.
const OUT = join(ARTIFACTS, 'print');
const PICTURED = new Set([
  'santunan-veteran',
  'pengaduan-online',
  'penanganan-disabilitas-telantar',
  'pengelolaan-surat-keluar',
]);

const loaded = loadDefinitionPaths([definitionsDir], definitionsDir);
const packs = loaded.folders.map((folder) => ({
  regency: folder.regency!.id,
  sops: folder.sops.flatMap((s) => (s.definition ? [s.definition] : [])),
}));

describe('the printed SOP: complete cover, whole rows per page, repeated headers, honest marks', () => {
  let test: TestServer;
  let browser: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    test = await startTestServer();
    browser = await launchBrowser({ width: 1280, height: 900 });
    page = await browser.newPage();
    mkdirSync(OUT, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await test?.stop();
  });

  /** Prints one SOP to PDF and returns what its printout misses. */
  async function print(regency: string, sop: SopDefinition): Promise<PrintedProblem[]> {
    const problems: PrintedProblem[] = [];
    await page.emulateMedia({ media: 'screen' });
    await page.goto(`${test.server.url}/designer/sop/${sop.id}/cetak`);
    await page.waitForSelector('[data-testid=print-chart]');
    const pages = Number(await page.getAttribute('[data-testid=print-chart]', 'data-pages'));
    await page.waitForFunction((n) => document.querySelectorAll('.print-overlay').length === n, pages);
    // Nothing is cut off: no chart or cover cell has more content than its box shows.
    const clipped = await page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLElement>('table.print-chart td, table.sop-header td'))
        .filter((td) => td.scrollHeight > td.clientHeight + 1 || td.scrollWidth > td.clientWidth + 1)
        .map((td) => td.innerText.slice(0, 60)),
    );
    clipped.forEach((text) => problems.push({ sop: sop.id, problem: `sel terpotong: ${text}` }));
    if (sop.id === 'santunan-veteran') {
      // The print view on screen, wide and on a phone (the sheets keep their A4 width and scroll sideways).
      await screenshot(page, 'print', 'screen-1280');
      await page.setViewportSize({ width: 390, height: 844 });
      await screenshot(page, 'print', 'screen-390');
      await page.setViewportSize({ width: 1280, height: 900 });
    }
    await page.emulateMedia({ media: 'print' });
    const file = join(OUT, `${regency}--${sop.id}.pdf`);
    await page.pdf({ path: file, format: 'A4', landscape: true, printBackground: true, preferCSSPageSize: true });
    const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
    problems.push(...printedChecks(sop, text, pages));
    if (PICTURED.has(sop.id)) execFileSync('pdftoppm', ['-png', '-r', '80', file, join(OUT, `${regency}--${sop.id}`)]);
    return problems;
  }

  it.each(packs.map((p) => [p.regency, p] as const))(
    'every SOP of %s prints whole',
    async (regency, pack) => {
      await browser.clearCookies();
      await page.emulateMedia({ media: 'screen' });
      await page.goto(`${test.server.url}/designer/`);
      await page.waitForSelector('#username');
      await page.fill('#username', `${regency}.penyusun-sop`);
      await page.fill('#password', DEMO_PASSWORD);
      await page.click('button[type=submit]');
      await page.waitForSelector('[data-testid=user-name]');
      const problems: PrintedProblem[] = [];
      for (const sop of pack.sops) problems.push(...(await print(regency, sop)));
      expect(pack.sops.length).toBeGreaterThan(0);
      expect(problems).toEqual([]);
    },
    900_000,
  );
});
