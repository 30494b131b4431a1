import type { BrowserContext, Locator, Page } from 'playwright-core';
import { parse } from 'yaml';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../engine/app/demoUsers.ts';
import { launchBrowser, screenshot } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

const SUITE = 'designer-flowchart';
const REGENCY = 'kutai-kartanegara';
const SOP_NAME = 'Uji Bagan Alir';
const SOP_ID = 'uji-bagan-alir';

interface SavedStep {
  id: string;
  activity: string;
  next?: string;
  end?: string;
  decision?: { branches: Array<{ label: string; goto: string }> };
}

describe('designer: the flowchart edits (drag a shape, draw a connector) and the drafter sees no developer words', () => {
  let test: TestServer;
  let browser: BrowserContext;
  let page: Page;
  let revision = 1;
  const consoleErrors: string[] = [];

  /** One screenshot at 1280 px and one at 390 px wide, the view panel scrolled to `show` when given. */
  async function shots(name: string, show?: string): Promise<void> {
    for (const [width, height] of [
      [1280, 800],
      [390, 844],
    ] as const) {
      await page.setViewportSize({ width, height });
      if (show) await page.locator(show).first().scrollIntoViewIfNeeded();
      await screenshot(page, SUITE, `${name}-${width}`);
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${name} overflows at 390 px`).toBeLessThanOrEqual(1);
    await page.setViewportSize({ width: 1280, height: 800 });
  }

  /** Saves the draft and reads the steps back from the server, as the YAML the drafter's edits wrote. */
  async function savedSteps(): Promise<SavedStep[]> {
    await page.click('[data-testid=save]');
    revision += 1;
    await page.waitForSelector(`text=Tersimpan sebagai revisi ${revision}`);
    const body = await page.request
      .get(`${test.server.url}/api/designer/sops/${SOP_ID}`)
      .then((r) => r.json() as Promise<{ source: string }>);
    return (parse(body.source) as { steps: SavedStep[] }).steps;
  }

  async function centre(locator: Locator): Promise<{ x: number; y: number }> {
    const box = (await locator.boundingBox())!;
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  }

  /** A person's drag with the mouse: press on one element, move in small steps, release over the other. */
  async function drag(from: Locator, to: Locator): Promise<void> {
    // A viewport tall enough for the whole diagram, scrolled to it, so neither end moves while dragging.
    await page.setViewportSize({ width: 1280, height: 1400 });
    await page.locator('svg.swim-editable').scrollIntoViewIfNeeded();
    const a = await centre(from);
    const b = await centre(to);
    await page.mouse.move(a.x, a.y);
    await page.mouse.down();
    await page.mouse.move(b.x, b.y, { steps: 12 });
    await page.mouse.up();
    await page.setViewportSize({ width: 1280, height: 800 });
  }

  /** Puts the cursor at the end of the first editor line containing `text`. */
  async function cursorAtEndOf(text: string): Promise<void> {
    // CodeMirror renders only the lines in view: walk up from the end with the keyboard instead.
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+End');
    for (let i = 0; i < 300 && !(await page.locator('.cm-activeLine').innerText()).includes(text); i++)
      await page.keyboard.press('ArrowUp');
    await page.keyboard.press('End');
  }

  beforeAll(async () => {
    test = await startTestServer();
    browser = await launchBrowser({ width: 1280, height: 800 });
    page = await browser.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.text().includes('401')) consoleErrors.push(m.text());
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

  it('a new draft opens in the table with the YAML beside it', async () => {
    await page.goto(`${test.server.url}/designer/`);
    await page.fill('#username', `${REGENCY}.penyusun-sop`);
    await page.fill('#password', DEMO_PASSWORD);
    await page.click('button[type=submit]');
    await page.click('a:has-text("SOP baru")');
    await page.fill('#sop-name', SOP_NAME);
    await page.click('button:has-text("Buat draf")');
    await page.waitForSelector('[data-testid=sop-table]');
    if ((await page.getAttribute('[data-testid=toggle-yaml]', 'aria-pressed')) !== 'true')
      await page.click('[data-testid=toggle-yaml]');
    await page.waitForSelector('[data-testid=no-problems]');
  });

  it('fast typing in the YAML while the table is open loses no keystroke', async () => {
    const added = ' beserta fotokopi KTP, KK dan surat pengantar desa yang masih berlaku';
    await cursorAtEndOf('activity: Pemohon menyerahkan berkas permohonan');
    // No delay between keys: each keystroke re-renders the table, which used to undo the newest keys.
    await page.keyboard.type(added);
    const full = `Pemohon menyerahkan berkas permohonan${added}`;
    await page.waitForSelector(`.cm-line:has-text("activity: ${full}")`);
    await page.waitForFunction(
      (text) => document.querySelector<HTMLTextAreaElement>('[data-testid=row-0] textarea')?.value === text,
      full,
    );
    expect((await savedSteps())[0]!.activity).toBe(full);
  });

  /** Whether the diagram lists the activities in this order. */
  async function diagramOrder(...activities: string[]): Promise<void> {
    await page.waitForFunction((list) => {
      const text = document.querySelector('svg.swim-editable')?.textContent ?? '';
      const at = list.map((a) => text.indexOf(a));
      return at.every((x, k) => x >= 0 && (k === 0 || x > at[k - 1]!));
    }, activities);
  }

  it('dragging the first shape onto the second row moves the step there, in the YAML and the table', async () => {
    await page.click('#tab-flow');
    await page.waitForSelector('[data-testid=shape-1]');
    await drag(page.locator('[data-testid=shape-0]').first(), page.locator('[data-testid=shape-1]').first());
    expect((await savedSteps()).map((s) => s.id)).toEqual(['verifikasi', 'pengajuan', 'persetujuan']);
    // Nothing leads to the moved step now: the checker says so and the diagram stays the last valid one.
    await page.waitForSelector('[data-testid=problems] li:has-text("tidak pernah dicapai")');
    await page.click('#tab-table');
    await expect(page.inputValue('[data-testid=row-0] textarea >> nth=0')).resolves.toBe(
      'Petugas memeriksa kelengkapan berkas',
    );
    await page.click('#tab-flow');
    await page.waitForSelector('[data-testid=shape-1]');
    await shots('01-moved-last-valid-diagram', 'svg.swim-editable');
  });

  it('a connector drawn from a decision asks Ya or Tidak and sets that answer only', async () => {
    // The diagram on screen is still the one before the move: the decision is its second row.
    await drag(page.locator('[data-testid=handle-1]').first(), page.locator('[data-testid=shape-0]').first());
    await page.waitForSelector('[data-testid=connect-choice]');
    await shots('02-which-answer');
    await page.click('[data-testid=connect-choice] button:has-text("Tidak")');
    await page.waitForSelector('[data-testid=connect-choice]', { state: 'detached' });
    const branches = (await savedSteps())[0]!.decision!.branches;
    expect(branches.map((b) => [b.label, b.goto])).toEqual([
      ['Ya', 'persetujuan'],
      ['Tidak', 'pengajuan'],
    ]);
    // Every step is reached again: the diagram follows the text.
    await page.waitForSelector('[data-testid=no-problems]');
    await diagramOrder('Petugas memeriksa', 'Pemohon menyerahkan', 'menyetujui permohonan');
  });

  it('a connector drawn from a step to the "Selesai" ending ends that step there', async () => {
    await drag(page.locator('[data-testid=handle-1]').first(), page.locator('.swim-ending-selesai'));
    const steps = await savedSteps();
    expect(steps[1]).toMatchObject({ id: 'pengajuan', end: 'selesai' });
    expect(steps[1]!.next).toBeUndefined();
    await page.waitForSelector('[data-testid=no-problems]');
    await shots('03-connected', 'svg.swim-editable');
  });

  it("the structured fields and the problem list speak in the drafter's words, not JSON Schema", async () => {
    const developer = /together|anyOf|\$ref|uiSchema|JSON Schema|react-jsonschema-form|json-rules-engine/;
    await page.click('#tab-structured');
    await page.selectOption('#step-picker', { index: 0 });
    await page.waitForSelector('.rjsf label');
    const stepWords = await page.locator('.rjsf label, .rjsf legend, .rjsf .field-description').allInnerTexts();
    expect(stepWords.join(' | ')).toContain('Pelaksana langkah');
    expect(stepWords.filter((w) => developer.test(w))).toEqual([]);
    await shots('04-structured-step', '.rjsf label:has-text("Formulir")');
    await page.click('[role=tab]:has-text("Data & aturan")');
    await page.waitForSelector('.rjsf label');
    const dataWords = await page.locator('.rjsf label, .rjsf legend, .rjsf .field-description').allInnerTexts();
    expect(dataWords.join(' | ')).toContain('Formulir bernama');
    expect(dataWords.filter((w) => developer.test(w))).toEqual([]);
    await shots('05-structured-data', '.rjsf label:has-text("Formulir bernama")');
    // A misspelt joint actor in the YAML: the problem names the right key by its label.
    await cursorAtEndOf('actor: pemohon');
    for (let i = 0; i < 'pemohon'.length; i++) await page.keyboard.press('Backspace');
    await page.keyboard.type('{togeter: [petugas, kepala]}');
    const problem = page.locator('[data-testid=problems] li:has-text("togeter")').first();
    await expect(problem.innerText()).resolves.toContain('Mungkin maksud Anda Pelaksana bersama?');
    expect(await problem.innerText()).not.toMatch(/together|anyOf|decidedBy/);
    await expect(problem.locator('abbr.term').first().getAttribute('title')).resolves.toContain('YAML: together');
    await shots('06-problem-in-plain-words', '[data-testid=problems]');
  });
});
