import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../engine/app/demoUsers.ts';
import { ARTIFACTS, launchBrowser, screenshot, signIn } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { testLogoPng } from '../support/testImage.ts';
import { pdfImages } from '../support/pdfTools.ts';

const SUITE = 'designer';
const REGENCY = 'kutai-kartanegara';
const SOP_NAME = 'Layanan Surat Keterangan Uji';
const SOP_ID = 'layanan-surat-keterangan-uji';

describe('designer: a drafter writes an SOP, an approver publishes it, staff run it at once', () => {
  let test: TestServer;
  let browser: BrowserContext;
  let page: Page;
  const consoleErrors: string[] = [];
  let caseId = '';

  async function login(path: string, role: string): Promise<void> {
    await signIn(page, `${test.server.url}${path}`, `${REGENCY}.${role}`, DEMO_PASSWORD);
  }

  /** The drafter submits the saved revision, with a note for the approver. */
  async function submit(): Promise<void> {
    await page.click('button:has-text("Ajukan untuk disahkan")');
    await page.fill('#review-note', 'Mohon diperiksa');
    await page.click('[data-testid=submit-confirm]');
    await page.waitForSelector('text=Diajukan untuk disahkan.');
  }

  /** The approver publishes: number and date entered (or kept), signer prefilled, then confirmed. */
  async function publish(version: number): Promise<void> {
    await page.click('[data-testid=publish]');
    await page.waitForFunction(() => document.querySelector<HTMLInputElement>('#publish-signer-name')?.value !== '');
    if ((await page.inputValue('#publish-number')) === '')
      await page.fill('#publish-number', 'P-101/DINSOS/SET/000.9.3.3/12/2026');
    if ((await page.inputValue('#publish-effective')) === '') await page.fill('#publish-effective', '2026-12-07');
    if ((await page.inputValue('#publish-signer-title')) === '')
      await page.fill('#publish-signer-title', 'Kepala Dinas Sosial');
    await page.click('[data-testid=publish-next]');
    await page.click('[data-testid=publish-confirm-yes]');
    await page.waitForSelector(`text=Terbit sebagai versi ${version}`);
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
    browser = await launchBrowser();
    page = await browser.newPage();
    page.on('console', (m) => {
      // 401/409 are expected refusals of the journey, and 415 the deliberately wrong logo file.
      if (m.type() === 'error' && !/\b(401|409|415)\b/.test(m.text())) consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
  }, 180_000);

  afterEach(async (context) => {
    // A failed step leaves its screen and the browser's errors behind for whoever reads the CI log.
    if (context.task.result?.state === 'fail') {
      await screenshot(page, SUITE, `failed-${context.task.name.slice(0, 40).replace(/[^a-z0-9]+/gi, '-')}`);
      console.error('browser errors so far:', consoleErrors);
    }
  });

  afterAll(async () => {
    await browser?.close();
    await test?.stop();
  });

  /** The kop's logo on the page now: its image's pixel size once loaded (0 × 0 while none or broken). */
  async function kopLogoSize(): Promise<{ width: number; height: number }> {
    await page.waitForFunction(() => document.querySelector<HTMLImageElement>('[data-testid=kop-logo]')?.complete);
    return page.$eval('[data-testid=kop-logo]', (img) => ({
      width: (img as HTMLImageElement).naturalWidth,
      height: (img as HTMLImageElement).naturalHeight,
    }));
  }

  /** Screenshots at 1280 and 390 px wide, then back to the journey's own window size. */
  async function screenshotsAt1280And390(name: string): Promise<void> {
    const size = page.viewportSize();
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: width > 400 ? 900 : 844 });
      await screenshot(page, SUITE, `${name}-${width}`);
    }
    if (size) await page.setViewportSize(size);
  }

  it('the admin uploads the regency logo in Pengaturan kabupaten; a wrong file is refused in Indonesian', async () => {
    await login('/designer/pengaturan', 'admin');
    await page.waitForSelector('[data-testid=logo-none]');
    await page.setInputFiles('[data-testid=logo-file]', {
      name: 'lambang.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.7 bukan gambar'),
    });
    await page.waitForSelector('[role=alert]:has-text("PNG atau JPEG")');
    await page.setInputFiles('[data-testid=logo-file]', {
      name: 'lambang-uji.png',
      mimeType: 'image/png',
      buffer: testLogoPng(240, 200),
    });
    await page.waitForSelector('text=Lambang tersimpan');
    await expect(kopLogoSize()).resolves.toEqual({ width: 240, height: 200 });
    await expect(page.locator('[data-testid=logo-panel]').innerText()).resolves.toContain('240 × 200 px');
    await screenshotsAt1280And390('00-logo-upload');
  });

  it('a drafter creates an SOP from the template and sees it in the list', async () => {
    await login('/designer/', 'penyusun-sop');
    await page.waitForSelector('[data-testid=sop-list]');
    await expect(page.locator('[data-testid=sop-bantuan-sandang]').innerText()).resolves.toContain('Terbit');
    await screenshot(page, SUITE, '01-sop-list');
    await page.click('a:has-text("SOP baru")');
    await page.fill('#sop-name', SOP_NAME);
    await expect(page.inputValue('#sop-id')).resolves.toBe(SOP_ID);
    await screenshot(page, SUITE, '02-new-sop');
    await page.click('button:has-text("Buat draf")');
    await page.waitForSelector('[data-testid=yaml-editor] .cm-content');
    await page.waitForSelector('[data-testid=no-problems]');
    await expect(page.locator('[data-testid=revision]').innerText()).resolves.toBe('Revisi 1');
    await screenshot(page, SUITE, '03-editor-template');
  });

  it('sees a validation error inline on typing, jumps to it from the problems list and fixes it', async () => {
    await cursorAtEndOf('actor: kepala');
    await page.keyboard.type('a');
    await page.waitForSelector('.cm-lintRange-error');
    const problem = page.locator('[data-testid=problems] li button').first();
    await expect(problem.innerText()).resolves.toMatch(/^\d+:\d+ Pelaksana `kepalaa`/);
    await page.locator('.cm-lintRange-error').first().hover();
    await screenshot(page, SUITE, '04-inline-error');
    await page.click('[data-testid=yaml-editor] .cm-line >> nth=0');
    await problem.click();
    // The jump put the cursor on the error: deleting the typo there fixes it.
    // The editor lives in a shadow root (its styles must be constructed sheets under the CSP).
    await expect(
      page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.classList.contains('cm-content')),
    ).resolves.toBe(true);
    await page.keyboard.press('End');
    await page.keyboard.press('Backspace');
    await page.waitForSelector('[data-testid=no-problems]');
    expect(await page.locator('.cm-lintRange-error').count()).toBe(0);
  });

  it('edits through the structured form, which updates the YAML, and saves the draft', async () => {
    await page.click('[role=tab]:has-text("Isian terstruktur")');
    await page.selectOption('#step-picker', { index: 2 });
    const activity = page.locator('textarea[id$="activity"]');
    await activity.fill('Kepala Bidang menyetujui dan menandatangani surat keterangan');
    await page.waitForSelector('.cm-line:has-text("menandatangani surat keterangan")');
    await screenshot(page, SUITE, '05-structured-editor');
    await page.keyboard.press('Control+s');
    await page.waitForSelector('text=Tersimpan sebagai revisi 2');
    await expect(page.locator('[data-testid=dirty]').count()).resolves.toBe(0);
  });

  it('previews the official flowchart, the staff forms and a simulation with deadlines', async () => {
    await page.click('[role=tab]:has-text("Bagan alir")');
    await page.waitForSelector('[data-testid=flow-preview] svg');
    const header = await page.locator('[data-testid=sop-header]').innerText();
    for (const label of [
      'Nomor SOP',
      'Disahkan oleh',
      'Dasar Hukum',
      'Kualifikasi Pelaksana',
      'Keterkaitan',
      'Peralatan/Perlengkapan',
      'Peringatan',
      'Pencatatan dan Pendataan',
    ])
      expect(header).toContain(label);
    const svg = await page.locator('[data-testid=flow-preview] svg').innerHTML();
    for (const label of ['Kelengkapan', 'Waktu', 'Output', 'Keterangan', 'Ya', 'Tidak', 'Petugas'])
      expect(svg).toContain(label);
    await screenshot(page, SUITE, '06-flowchart');
    await page.click('[role=tab]:has-text("Pratinjau formulir")');
    await page.selectOption('#form-step', { index: 2 });
    await page.waitForSelector('#preview-form input[type=checkbox]');
    await screenshot(page, SUITE, '07-form-preview');
    await page.click('[role=tab]:has-text("Simulasi")');
    await page.click('button:has-text("Jalankan simulasi")');
    await page.waitForSelector('[data-testid=simulation-outcome]');
    await expect(page.locator('[data-testid=simulation-outcome]').innerText()).resolves.toBe('selesai');
    await expect(page.locator('[data-testid=simulation]').innerText()).resolves.toMatch(/Cabang: Ya[\s\S]*terpenuhi/);
    await screenshot(page, SUITE, '08-simulation');
  });

  it('the drafter submits; an approver publishes the new version', async () => {
    await submit();
    await expect(page.locator('[data-testid=status]').innerText()).resolves.toBe('Menunggu pengesahan');
    await login('/designer/', 'pengesah-sop');
    await page.click(`a:has-text("${SOP_NAME}")`);
    await page.waitForSelector('[data-testid=publish]');
    await screenshot(page, SUITE, '09-approver-review');
    await publish(1);
    await expect(page.locator('[data-testid=status]').innerText()).resolves.toBe('Terbit');
    await screenshot(page, SUITE, '10-published');
    await page.click('a:has-text("Cetak dokumen SOP")');
    await page.waitForSelector('[data-testid=print-chart] svg');
    // The printed SOP's header cell carries the uploaded lambang beside the office name.
    await expect(kopLogoSize()).resolves.toEqual({ width: 240, height: 200 });
    await expect(page.locator('.sop-office [data-testid=kop-logo]').count()).resolves.toBe(1);
    await screenshotsAt1280And390('11-print-view');
    mkdirSync(join(ARTIFACTS, SUITE), { recursive: true });
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({
      path: join(ARTIFACTS, SUITE, 'sop-document.pdf'),
      format: 'A4',
      landscape: true,
      printBackground: true,
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfImages(pdf)).toContainEqual({ page: 1, width: 240, height: 200 });
    await page.emulateMedia({ media: 'screen' });
  });

  it('a staff member starts and completes a case of the new SOP in the runtime UI, without a restart', async () => {
    await login('/', 'petugas-pengaduan');
    await page.click('a:has-text("Layanan")');
    await page.waitForSelector(`[data-testid=service-${SOP_ID}]`);
    await page.click(`[data-testid=service-${SOP_ID}] >> text=Mulai layanan`);
    await page.waitForSelector('#root_fullName');
    await page.fill('#root_fullName', 'Rahmawati');
    await page.fill('#root_nik', '6402015804580009');
    await page.click('button:has-text("Buka kasus")');
    await page.waitForSelector('[data-testid=tracking-code]');
    caseId = /\/kasus\/([^/]+)\/tanda-terima/.exec(page.url())![1]!;
    // The receipt's kop: the lambang at the left of the office lines.
    await expect(kopLogoSize()).resolves.toEqual({ width: 240, height: 200 });
    await expect(page.locator('[data-testid=receipt] .letterhead [data-testid=kop-logo]').count()).resolves.toBe(1);
    await screenshotsAt1280And390('12-runtime-receipt');
    for (const [role, activity] of [
      ['petugas-pengaduan', 'Pemohon menyerahkan berkas'],
      ['petugas-pengaduan', 'Petugas memeriksa kelengkapan'],
      ['ketua-tim-pengaduan', 'menandatangani surat keterangan'],
    ] as const) {
      if (role !== 'petugas-pengaduan' || activity.startsWith('Kepala')) await login('/', role);
      await page.goto(`${test.server.url}/kasus/${caseId}`);
      const item = page
        .locator('li', { hasText: activity })
        .filter({ has: page.locator('a.button') })
        .first();
      await item.locator('a.button').click();
      await page.waitForSelector('h1');
      for (const box of await page.locator('[data-testid=checklist] input[type=checkbox]').all()) await box.check();
      if (await page.locator('#root_complete').count()) await page.check('#root_complete');
      await page.click('button:has-text("Selesaikan langkah")');
      await page.click('dialog[open] [data-testid=confirm-yes]');
      await page.waitForSelector('text=Langkah selesai.');
    }
    await page.waitForSelector('[data-testid=case-status]:has-text("Selesai")');
    await expect(page.locator('[data-testid=timeline]').innerText()).resolves.toContain('Keputusan aturan: Ya');
    await screenshot(page, SUITE, '13-runtime-case-completed');
  });

  it('a new version: the approver dry-runs moving the running case, then confirms it', async () => {
    await page.goto(`${test.server.url}/layanan/${SOP_ID}/mulai`);
    await page.waitForSelector('#root_fullName');
    await page.fill('#root_fullName', 'Siti Rahayu');
    await page.fill('#root_nik', '6402015804580010');
    await page.click('button:has-text("Buka kasus")');
    await page.waitForSelector('[data-testid=tracking-code]');
    const trackingCode = (await page.locator('[data-testid=tracking-code]').innerText()).trim();
    await login('/designer/', 'penyusun-sop');
    await page.goto(`${test.server.url}/designer/sop/${SOP_ID}`);
    await page.waitForSelector('[data-testid=yaml-editor] .cm-content');
    // This journey edits the YAML text; the light structured view keeps re-rendering out of the typing's way.
    await page.click('[role=tab]:has-text("Isian terstruktur")');
    await cursorAtEndOf('time: 15 menit');
    for (let i = 0; i < '15 menit'.length; i++) await page.keyboard.press('Backspace');
    await page.keyboard.type('30 menit');
    await page.waitForSelector('[data-testid=no-problems]');
    await page.click('[data-testid=save]');
    await page.waitForSelector('text=Tersimpan sebagai revisi 3');
    await submit();
    await login('/designer/', 'pengesah-sop');
    await page.goto(`${test.server.url}/designer/sop/${SOP_ID}`);
    await publish(2);
    await page.click('a:has-text("Pindahkan kasus")');
    await page.waitForSelector('[data-testid=migration-plan]');
    await expect(page.locator('[data-testid=migration-plan]').innerText()).resolves.toContain(trackingCode);
    await page.click('button:has-text("Pilih semua yang dapat dipindah")');
    await screenshot(page, SUITE, '14-migration-dry-run');
    await page.click('button:has-text("Pindahkan 1 kasus")');
    await page.waitForSelector('text=1 kasus dipindahkan ke versi 2.');
    await page.waitForSelector('[data-testid=no-cases]');
  });

  it('imports a pack: a validation report first, nothing saved while a file fails', async () => {
    await login('/designer/', 'penyusun-sop');
    await page.click('a:has-text("Impor paket")');
    const good = (
      await page.request
        .get(`${test.server.url}/api/designer/sops/${SOP_ID}`)
        .then((r) => r.json() as Promise<{ source: string }>)
    ).source.replace(`id: ${SOP_ID}`, 'id: impor-uji');
    const bad = good.replace('id: impor-uji', 'id: impor-rusak').replace('actor: petugas\n', 'actor: petugass\n');
    await page.setInputFiles('#pack', [
      { name: 'impor-uji.yaml', mimeType: 'application/yaml', buffer: Buffer.from(good) },
      { name: 'impor-rusak.yaml', mimeType: 'application/yaml', buffer: Buffer.from(bad) },
    ]);
    await page.waitForSelector('[data-testid=import-report]');
    await expect(page.locator('[data-testid=import-report]').innerText()).resolves.toMatch(
      /\d+:\d+ Pelaksana `petugass`/,
    );
    await expect(page.locator('button:has-text("Simpan semua sebagai draf")').isDisabled()).resolves.toBe(true);
    await screenshot(page, SUITE, '15-import-report');
  });

  it('works in English, by keyboard, at 1366×768, without console errors', async () => {
    await login('/designer/', 'penyusun-sop');
    await page.selectOption('#lang', 'en');
    await page.waitForSelector('h1:has-text("SOPs of")');
    await page.click(`a:has-text("${SOP_NAME}")`);
    await page.waitForSelector('[data-testid=yaml-editor] .cm-content');
    await page.click('a:has-text("History & diff")');
    await page.selectOption('#diff-from', 'r1');
    await page.selectOption('#diff-to', 'v1');
    await page.waitForSelector('[data-testid=diff] tr.diff-added');
    await screenshot(page, SUITE, '16-history-diff-english');
    await page.selectOption('#lang', 'id');
    await page.goto(`${test.server.url}/designer/`);
    await page.waitForSelector('[data-testid=sop-list]');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent ?? '')).resolves.toContain(
      'Lewati ke isi utama',
    );
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).toBe('solid');
    await screenshot(page, SUITE, '17-keyboard-focus');
    expect(consoleErrors).toEqual([]);
  });
});
