import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../engine/app/demoUsers.ts';
import { launchBrowser, screenshot, signIn } from '../support/browser.ts';
import { pdfSignatures, pdfText, savePdfArtifact } from '../support/pdfTools.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

const SUITE = 'runtime-ui';
// A real 1×1 PNG, the kind of scan a front-desk officer uploads.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describe('runtime UI: a Kutai Kartanegara staff team runs an SOP from application to SK', () => {
  let test: TestServer;
  let browser: BrowserContext;
  let page: Page;
  const consoleErrors: string[] = [];
  let caseId = '';
  let trackingCode = '';

  async function login(username: string): Promise<void> {
    await signIn(page, `${test.server.url}/`, `kutai-kartanegara.${username}`, DEMO_PASSWORD);
  }

  /** Opens the case page and the open task of a step (the current user's lane). */
  async function openTask(stepActivity: string): Promise<void> {
    await page.goto(`${test.server.url}/kasus/${caseId}`);
    const item = page
      .locator('li', { hasText: stepActivity })
      .filter({ has: page.locator('a.button') })
      .first();
    await item.locator('a.button').click();
    await page.waitForSelector('h1');
  }

  async function completeStep(): Promise<void> {
    await page.click('button:has-text("Selesaikan langkah")');
    // Finishing a step asks for confirmation (issue 17): it cannot be undone.
    await page.click('dialog[open] [data-testid=confirm-yes]');
    await page.waitForSelector('text=Langkah selesai.');
  }

  async function checkAll(): Promise<void> {
    for (const box of await page.locator('[data-testid=checklist] input[type=checkbox]').all()) await box.check();
  }

  beforeAll(async () => {
    test = await startTestServer();
    browser = await launchBrowser();
    page = await browser.newPage();
    page.on('console', (m) => {
      // RJSF logs its own client-side validation result; the test checks those messages on screen instead.
      if (m.type() === 'error' && !m.text().includes('401') && !m.text().startsWith('Form validation failed'))
        consoleErrors.push(`${page.url()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await test?.stop();
  });

  it('the front desk opens a case from the catalogue and gets a receipt with a tracking code', async () => {
    await page.goto(`${test.server.url}/`);
    await screenshot(page, SUITE, '01-login');
    await login('staf-rehsos');
    await expect(page.locator('[data-testid=user-roles]').innerText()).resolves.toContain('Staf Bidang Rehsos');
    await page.click('a:has-text("Layanan")');
    await page.waitForSelector('[data-testid=service-alat-bantu-aksesibilitas]');
    await screenshot(page, SUITE, '02-catalogue');
    await page.click('[data-testid=service-alat-bantu-aksesibilitas] >> text=Mulai layanan');
    await page.waitForSelector('#root_nik');
    await page.fill('#root_nik', '12345');
    await page.click('button:has-text("Buka kasus")');
    await page.waitForSelector('text=harus terdiri dari 16 digit angka');
    await screenshot(page, SUITE, '03-start-form-errors');
    await page.fill('#root_nik', '6402015804580001');
    await page.fill('#root_kkNumber', '6402010101580002');
    await page.fill('#root_fullName', 'Siti Aminah');
    await page.fill('#root_birthDate', '18/04/1958');
    // Kecamatan, then desa/kelurahan: cascading selects from the regency's official region list.
    await page.selectOption('#root_district', 'Tenggarong');
    await page.selectOption('#root_village', 'Loa Ipuh');
    await page.selectOption('#root_targetCategory', 'Lanjut Usia');
    await page.selectOption('#root_occupation', 'Tidak bekerja');
    await page.click('button:has-text("Buka kasus")');
    await page.waitForSelector('[data-testid=tracking-code]');
    trackingCode = (await page.locator('[data-testid=tracking-code]').innerText()).trim();
    caseId = /\/kasus\/([^/]+)\/tanda-terima/.exec(page.url())![1]!;
    expect(trackingCode).toMatch(/^ALR-[A-Z0-9]{10}$/);
    await screenshot(page, SUITE, '04-receipt');
  });

  it('the front desk records the application with an uploaded scan', async () => {
    await openTask('Permohonan oleh Penyandang disabilitas');
    await page.setInputFiles('input[aria-label*="KTP"]', { name: 'ktp-siti.png', mimeType: 'image/png', buffer: PNG });
    await page.waitForSelector('[data-testid=checklist] a.badge:has-text("ktp-siti.png")');
    await checkAll();
    await screenshot(page, SUITE, '05-task-upload');
    await completeStep();
  });

  it('the Kepala Dinas sends the file back because a document is missing; the public page shows it waiting', async () => {
    await login('kepala-dinas');
    await page.click('a:has-text("Kotak Masuk")');
    await page.waitForSelector('[data-testid=inbox]');
    await screenshot(page, SUITE, '06-kadis-inbox');
    await openTask('Disposisi dari Kepala Dinas Sosial');
    await page.click('button:has-text("Berkas permohonan tidak lengkap")');
    await page.fill('#reason', 'Foto kondisi rumah tampak depan tidak jelas; mohon dilampirkan ulang');
    await screenshot(page, SUITE, '07-send-back');
    await page.click('button:has-text("Kembalikan berkas")');
    await page.click('dialog[open] [data-testid=confirm-yes]');
    await page.waitForSelector('[data-testid=case-status]:has-text("Menunggu kelengkapan")');
    await page.goto(`${test.server.url}/lacak/${trackingCode}`);
    await page.waitForSelector('[data-testid=public-status]');
    await expect(page.locator('[data-testid=public-stage]').innerText()).resolves.toContain('Langkah 1 dari 8');
    const text = await page.locator('[data-testid=public-status]').innerText();
    expect(text).toContain('Menunggu kelengkapan');
    expect(text).not.toContain('Siti');
    expect(text).not.toContain('6402015804580001');
    await screenshot(page, SUITE, '08-public-status-waiting');
  });

  it('the team completes every step through the rule decision to the SK', async () => {
    await login('staf-rehsos');
    await openTask('Permohonan oleh Penyandang disabilitas');
    await checkAll();
    await completeStep();
    await login('kepala-dinas');
    await openTask('Disposisi dari Kepala Dinas Sosial');
    await checkAll();
    await completeStep();
    await login('staf-rehsos');
    await openTask('Staf Bidang Rehsos menyampaikan hasil Analisa');
    await checkAll();
    await completeStep();
    await login('kabid-rehsos');
    await openTask('Kabid Rehsos memerintahkan');
    await checkAll();
    await completeStep();
    for (const role of ['staf-rehsos', 'tksk']) {
      await login(role);
      await openTask('Staf Rehsos melaksanakan asesmen');
      await checkAll();
      await page.fill('#root_assessmentDate', '20/11/2026');
      await page.check('#root_economicallyUnable');
      await page.selectOption('#root_assistiveDevice', 'Kursi roda');
      await page.check('#root_eligible');
      if (role === 'staf-rehsos') await screenshot(page, SUITE, '09-assessment-form');
      await completeStep();
    }
    await login('kabid-rehsos');
    await openTask('Melaporkan hasil asesmen');
    await checkAll();
    await page.check('#root_kabidApproved');
    await completeStep();
    await screenshot(page, SUITE, '10-case-after-decision');
    const timeline = await page.locator('[data-testid=timeline]').innerText();
    expect(timeline).toContain('Keputusan aturan: Layak');
    expect(timeline).toContain('Keputusan aturan: Ya');
    expect(timeline).toContain('Kabid Rehsos menyetujui: terpenuhi');
    await login('kepala-dinas');
    await openTask('Penetapan Penerima Bantuan');
    await checkAll();
    await completeStep();
    // The SK is prepared (a numberless preview) and signed electronically by the Kepala Dinas, after confirming.
    await page.click('[data-testid=outputs] button:has-text("Siapkan surat")');
    await page.click('[data-testid=outputs] button:has-text("Tandatangani")');
    await page.click('dialog[open] [data-testid=confirm-yes]');
    await page.waitForSelector('[data-testid=outputs] a:has-text("Cetak")');
    expect(await page.locator('[data-testid=outputs]').innerText()).toMatch(/400\.9\/001\/DINSOS\/REHSOS\/\d{4}/);
    await page.click('[data-testid=outputs] a:has-text("Cetak")');
    await page.waitForSelector('[data-testid=letter-pdf]');
    const documentId = /\/dokumen\/([^/?]+)/.exec(page.url())![1]!;
    const pdf = await page.request.get(`${test.server.url}/api/documents/${documentId}/pdf`);
    expect(pdf.status()).toBe(200);
    const letter = pdfText(await pdf.body());
    expect(letter).toContain('DINAS SOSIAL KABUPATEN KUTAI KARTANEGARA');
    expect(letter).toMatch(/NOMOR 400\.9\/001\/DINSOS\/REHSOS\/\d{4}/);
    expect(letter).toContain('Siti Aminah');
    // Signed as the act was done: by the signed-in Kepala Dinas, not the name in regency.yaml.
    expect(letter).toContain('Kepala Dinas Sosial (demo)');
    expect(pdfSignatures(await pdf.body())).toContain('Signature is Valid');
    savePdfArtifact(await pdf.body(), SUITE, '11-sk-letter');
    const meta = (await (await page.request.get(`${test.server.url}/api/documents/${documentId}`)).json()) as {
      verifyUrl: string;
    };
    const verifyUrl = meta.verifyUrl;
    await login('staf-rehsos');
    await openTask('Penyaluran Alat Bantu');
    await checkAll();
    await page.fill('#root_handoverDate', '21/11/2026');
    await page.fill('#root_itemDescription', 'Kursi roda standar');
    await page.check('#root_integrityPactSigned');
    await completeStep();
    await page.waitForSelector('[data-testid=case-status]:has-text("Selesai")');
    await screenshot(page, SUITE, '12-case-completed');
    await page.goto(`${test.server.url}/lacak/${trackingCode}`);
    await page.waitForSelector('[data-testid=public-status]:has-text("Selesai")');
    await screenshot(page, SUITE, '13-public-status-done');
    await page.goto(verifyUrl);
    await page.waitForSelector('[data-testid=verification]:has-text("SAH")');
    const verification = await page.locator('[data-testid=verification]').innerText();
    expect(verification).not.toContain('Siti');
    await screenshot(page, SUITE, '14-public-verification');
  });

  it('the register finds the case by NIK with the NIK masked, and the UI works in English and on a phone', async () => {
    await page.goto(`${test.server.url}/register`);
    await page.fill('#q', '6402015804580001');
    await page.click('button:has-text("Cari")');
    await page.waitForSelector('[data-testid=register] >> text=Siti Aminah');
    const row = await page.locator('[data-testid=register] tbody tr').first().innerText();
    expect(row).toContain('0001');
    expect(row).not.toContain('6402015804580001');
    await screenshot(page, SUITE, '15-register');
    await page.selectOption('#lang', 'en');
    await page.click('a:has-text("Inbox")');
    await page.waitForSelector('h1:has-text("Inbox")');
    await screenshot(page, SUITE, '16-inbox-english');
    await page.selectOption('#lang', 'id');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${test.server.url}/kasus/${caseId}`);
    await page.waitForSelector('[data-testid=timeline]');
    await screenshot(page, SUITE, '17-case-phone');
    await page.setViewportSize({ width: 1366, height: 768 });
    expect(consoleErrors).toEqual([]);
  });

  it('keyboard users can reach the main actions with visible focus', async () => {
    await page.goto(`${test.server.url}/layanan`);
    await page.keyboard.press('Tab');
    const skip = await page.evaluate(() => document.activeElement?.textContent ?? '');
    expect(skip).toContain('Lewati ke isi utama');
    const css = readFileSync(join(import.meta.dirname, '../../ui-shared/styles/app.css'), 'utf8');
    expect(css).toMatch(/:focus-visible\s*\{\s*outline: 3px solid/);
  });
});
