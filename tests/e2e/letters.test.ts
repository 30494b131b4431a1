import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../engine/app/demoUsers.ts';
import type { TaskState } from '../../engine/core/caseTypes.ts';
import { ARTIFACTS, launchBrowser, screenshot } from '../support/browser.ts';
import { kutaiApplicant, permakananFirstStepChecklist } from '../support/kutaiApplicant.ts';
import { pdfSignatures, savePdfArtifact } from '../support/pdfTools.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

const SUITE = 'letters';
const REGENCY = 'kutai-kartanegara';
type CaseBody = { id: string; tasks: TaskState[] };

describe('runtime UI: prepare → paraf → sign → verify a letter', () => {
  let test: TestServer;
  let browser: BrowserContext;
  let page: Page;
  let caseId: string;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    test = await startTestServer();
    const as = (role: string) => test.as(REGENCY, role);
    const next = async (c: CaseBody, input: Record<string, unknown>): Promise<CaseBody> => {
      let current = c;
      for (const task of c.tasks.filter((t) => t.status === 'open'))
        current = (await (await as(task.role)).post<CaseBody>(`/api/tasks/${task.id}/complete`, input)).body;
      return current;
    };
    let c = (
      await (
        await as('staf-rehsos')
      ).post<CaseBody>('/api/cases', {
        sopId: 'bantuan-permakanan',
        data: { ...kutaiApplicant, fullName: 'Siti Rahayu' },
      })
    ).body;
    c = await next(c, { checklist: permakananFirstStepChecklist });
    c = await next(c, { checklist: { 'berkas-permohonan': true } });
    c = await next(c, {
      checklist: { 'formulir-asesmen': true },
      formData: { assessmentDate: '2026-12-01', selfCareAbility: 'Tidak mampu', eligible: true },
    });
    c = await next(c, { checklist: { 'draft-sk': true } });
    caseId = c.id;
    browser = await launchBrowser({ width: 1280, height: 800 });
    page = await browser.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error' && !/\b40[01]\b/.test(m.text())) consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await test?.stop();
  });

  async function loginAs(role: string, kase = caseId, waitFor = '[data-testid=output-sk-penerima]'): Promise<void> {
    await browser.clearCookies();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${test.server.url}/kasus/${kase}`);
    await page.waitForSelector('#username');
    await page.fill('#username', `${REGENCY}.${role}`);
    await page.fill('#password', DEMO_PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForSelector(waitFor);
  }

  it('staff prepare a preview, the Kabid initials, the Kepala Dinas signs; the QR page proves the file', async () => {
    const output = '[data-testid=output-sk-penerima]';
    await loginAs('staf-rehsos');
    expect(await page.locator(output).innerText()).toContain('Ditandatangani oleh Kepala Dinas Sosial');
    await page.click(`${output} button:has-text("Siapkan surat")`);
    await page.waitForSelector(`${output} a:has-text("Pratinjau")`);
    expect(await page.locator(output).innerText()).toContain('Menunggu paraf Kepala Bidang Rehabilitasi Sosial');
    // Staff have no Tandatangani button until the paraf is given, and the API refuses them anyway.
    expect(await page.locator(`${output} button:has-text("Tandatangani")`).count()).toBe(0);
    await screenshot(page, SUITE, '01-prepared-staff');

    await loginAs('kabid-rehsos');
    await page.click(`${output} button:has-text("Paraf")`);
    await page.waitForSelector(`${output} :text("Diparaf Kepala Bidang Rehabilitasi Sosial")`);
    // The Kabid initialled; signing is the Kepala Dinas's, so no Tandatangani button here.
    expect(await page.locator(`${output} button:has-text("Tandatangani")`).count()).toBe(0);
    expect(await page.locator(output).innerText()).toContain('Menunggu tanda tangan Kepala Dinas Sosial');
    await screenshot(page, SUITE, '02-initialled-kabid');
    await page.locator('[data-testid=outputs]').screenshot({ path: join(ARTIFACTS, SUITE, '02b-outputs-kabid.png') });

    await loginAs('kepala-dinas');
    await page.click(`${output} button:has-text("Tandatangani")`);
    // Signing takes the number: the page asks first.
    await page.click('dialog[open] [data-testid=confirm-yes]');
    await page.waitForSelector(`${output} :text("Bertanda tangan elektronik")`);
    const number = (await page.locator(output).innerText()).match(/400\.9\/\d{3}\/DINSOS\/REHSOS\/\d{4}/)?.[0];
    expect(number).toBeTruthy();
    await screenshot(page, SUITE, '03-signed-kadis-1280');
    await page.setViewportSize({ width: 390, height: 800 });
    await screenshot(page, SUITE, '04-signed-kadis-390');
    await page.locator('[data-testid=outputs]').screenshot({ path: join(ARTIFACTS, SUITE, '04b-outputs-390.png') });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // The letter itself, as the PDF the office hands out (pages kept as PNG to look at).
    const kadis = await test.as(REGENCY, 'kepala-dinas');
    const outputs = await kadis.get<{ outputs: Array<{ outputId: string; document: { id: string } | null }> }>(
      `/api/cases/${caseId}/outputs`,
    );
    const documentId = outputs.body.outputs.find((o) => o.outputId === 'sk-penerima')!.document!.id;
    const pdf = await kadis.download(`/api/documents/${documentId}/pdf`);
    expect(pdfSignatures(pdf.bytes)).toContain('Signature is Valid');
    savePdfArtifact(pdf.bytes, SUITE, '05-sk-signed');
    const code = (await kadis.get<{ verifyUrl: string }>(`/api/documents/${documentId}`)).body.verifyUrl
      .split('/')
      .pop()!;

    // The public QR page, signed out: masked recipient, hash; the genuine file passes, an altered one does not.
    await browser.clearCookies();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${test.server.url}/verifikasi/${code}`);
    await page.waitForSelector('[data-testid=verification]');
    const facts = await page.locator('[data-testid=verification]').innerText();
    expect(facts).toContain(number!);
    expect(facts).toContain('S***i R*****');
    expect(facts).not.toContain('Rahayu');
    const dir = mkdtempSync(join(tmpdir(), 'alur-letter-'));
    writeFileSync(join(dir, 'asli.pdf'), pdf.bytes);
    const altered = Buffer.from(pdf.bytes);
    altered[altered.length - 30] = altered[altered.length - 30]! ^ 1;
    writeFileSync(join(dir, 'ubah.pdf'), altered);
    await page.setInputFiles('input[type=file]', join(dir, 'asli.pdf'));
    await page.click('button:has-text("Periksa berkas")');
    await page.waitForSelector('[data-testid=check-result]');
    expect(await page.locator('[data-testid=check-result]').innerText()).toContain('ASLI');
    await screenshot(page, SUITE, '06-verify-genuine-1280');
    await page.setInputFiles('input[type=file]', join(dir, 'ubah.pdf'));
    await page.click('button:has-text("Periksa berkas")');
    await page.waitForSelector('[data-testid=check-result]:has-text("BUKAN")');
    await page.setViewportSize({ width: 390, height: 800 });
    await screenshot(page, SUITE, '07-verify-altered-390');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(consoleErrors).toEqual([]);
  });

  it('a rejection with a reason issues the rejection letter: paraf, signature, and /lacak says it was issued', async () => {
    const started = await (
      await test.as(REGENCY, 'staf-rehsos')
    ).post<CaseBody & { trackingCode: string }>('/api/cases', {
      sopId: 'bantuan-permakanan',
      data: { ...kutaiApplicant, fullName: 'Siti Rahmah' },
    });
    const reason = 'Pemohon sudah menerima bantuan permakanan dari program provinsi.';
    await loginAs('kabid-rehsos', started.body.id, '[data-testid=case-reject]');
    await page.click('[data-testid=case-reject]');
    await page.fill('dialog[open] textarea', reason);
    await screenshot(page, SUITE, '08-reject-dialog-kabid');
    await page.click('dialog[open] [data-testid=confirm-yes]');
    const output = '[data-testid=output-surat-penolakan]';
    // The rejection prepared the letter at once: the Kabid's paraf is next.
    await page.waitForSelector(`${output} button:has-text("Paraf")`);
    await page.click(`${output} button:has-text("Paraf")`);
    await page.waitForSelector(`${output} :text("Menunggu tanda tangan Kepala Dinas Sosial")`);
    await screenshot(page, SUITE, '09-rejection-letter-initialled');

    await loginAs('kepala-dinas', started.body.id, output);
    await page.click(`${output} button:has-text("Tandatangani")`);
    await page.click('dialog[open] [data-testid=confirm-yes]');
    await page.waitForSelector(`${output} :text("Bertanda tangan elektronik")`);
    const number = (await page.locator(output).innerText()).match(/400\.9\/\d{3}\/TOLAK\/DINSOS\/REHSOS\/\d{4}/)?.[0];
    expect(number).toBeTruthy();
    await screenshot(page, SUITE, '10-rejection-letter-signed');

    await browser.clearCookies();
    await page.goto(`${test.server.url}/lacak/${started.body.trackingCode}`);
    await page.waitForSelector('[data-testid=public-rejection-letter]');
    expect(await page.locator('[data-testid=public-rejection]').innerText()).toContain(reason);
    expect(await page.locator('[data-testid=public-rejection-letter]').innerText()).toContain(number!);
    expect(await page.locator('[data-testid=public-complaints]').innerText()).toContain('SP4N-LAPOR!');
    expect(await page.locator('body').innerText()).not.toContain('Siti Rahmah');
    await screenshot(page, SUITE, '11-lacak-rejection-1280');
    await page.setViewportSize({ width: 390, height: 800 });
    await screenshot(page, SUITE, '12-lacak-rejection-390');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(consoleErrors).toEqual([]);
  });
});
