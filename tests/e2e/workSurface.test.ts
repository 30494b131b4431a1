import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../engine/app/demoUsers.ts';
import type { CaseState, TaskState } from '../../engine/core/caseTypes.ts';
import { loadDefinitionPaths } from '../../engine/files/loadDefinitionFiles.ts';
import { planScenarios } from '../../engine/simulation/planScenarios.ts';
import { runScenario } from '../../engine/simulation/runScenario.ts';
import { apiDriver } from '../support/apiDriver.ts';
import { axeViolations, horizontalOverflow } from '../support/axe.ts';
import { launchBrowser, screenshot, signIn } from '../support/browser.ts';
import { kutaiApplicant } from '../support/kutaiApplicant.ts';
import { definitionsDir, startTestServer, type TestServer } from '../support/testServer.ts';

const SUITE = 'work-surface';
const definitions = loadDefinitionPaths([definitionsDir], definitionsDir).folders.flatMap((f) =>
  f.sops.map((s) => s.definition),
);
const lansia = definitions.find((d) => d?.regency === 'bangkalan' && d.id === 'pengantar-lansia-bpstw')!;
const permakanan = definitions.find((d) => d?.regency === 'kutai-kartanegara' && d.id === 'bantuan-permakanan')!;
const starter = (d: typeof lansia) => d.actors.find((a) => a.id === d.steps[0]!.actors[0])!.performerRole;

describe('the staff work surface: lifecycle, ergonomics, regency time, public standards (issue 17)', () => {
  let test: TestServer;
  let browser: BrowserContext;
  let page: Page;
  const consoleErrors: string[] = [];
  let caseId = '';
  let trackingCode = '';
  let taskId = '';
  let rejectedCode = '';
  let verificationCode = '';

  async function login(regency: string, role: string): Promise<void> {
    await signIn(page, `${test.server.url}/`, `${regency}.${role}`, DEMO_PASSWORD);
  }

  /** Screenshots at 1280 and 390 px, no sideways scrolling on the phone, and no WCAG 2 AA finding. */
  async function checkScreen(name: string, ready: string, phoneScroll = true): Promise<void> {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.waitForSelector(ready);
    await screenshot(page, SUITE, `${name}-1280`);
    expect(await axeViolations(page), `${name}: axe`).toEqual([]);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForSelector(ready);
    await screenshot(page, SUITE, `${name}-390`);
    if (phoneScroll) expect(await horizontalOverflow(page), `${name}: sideways scroll at 390 px`).toBe(0);
    expect(await axeViolations(page), `${name}: axe at 390 px`).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  beforeAll(async () => {
    test = await startTestServer();
    const staff = await test.as('kutai-kartanegara', 'staf-rehsos');
    const opened = await staff.post<CaseState & { id: string; trackingCode: string; tasks: TaskState[] }>(
      '/api/cases',
      { sopId: 'bantuan-permakanan', data: { ...kutaiApplicant, fullName: 'Siti Aminah Lestari' } },
    );
    caseId = opened.body.id;
    trackingCode = opened.body.trackingCode;
    taskId = opened.body.tasks.find((t) => t.status === 'open')!.id;
    // A Bangkalan application refused by the Kabid: its reason and the complaint channels go on /lacak.
    const driver = apiDriver('bangkalan', lansia.id, starter(lansia), test.as);
    const scenario = planScenarios(lansia)[0]!;
    const run = await runScenario(lansia, driver, { ...scenario, visits: scenario.visits.slice(0, 1) });
    rejectedCode = (run.state as CaseState & { trackingCode: string }).trackingCode;
    await (
      await test.as('bangkalan', 'kabid-rehsos')
    ).post(`/api/cases/${driver.caseId()}/reject`, { reason: 'Lansia masih memiliki keluarga yang merawat' });
    // A whole permakanan case to its numbered letter, for the verification page.
    const full = apiDriver('kutai-kartanegara', permakanan.id, starter(permakanan), test.as);
    await runScenario(permakanan, full, planScenarios(permakanan)[0]!);
    const kadis = await test.as('kutai-kartanegara', 'kepala-dinas');
    const outputs = await kadis.get<{ outputs: Array<{ outputId: string; issuable: boolean; produced: boolean }> }>(
      `/api/cases/${full.caseId()}/outputs`,
    );
    const letter = outputs.body.outputs.find((o) => o.issuable && o.produced)!;
    // Staff prepare the letter, the Kabid initials it, the Kepala Dinas signs it (issue 18).
    await (
      await test.as('kutai-kartanegara', 'staf-rehsos')
    ).post(`/api/cases/${full.caseId()}/outputs/${letter.outputId}/prepare`);
    const drafts = await kadis.get<{ outputs: Array<{ outputId: string; draft: { id: string } | null }> }>(
      `/api/cases/${full.caseId()}/outputs`,
    );
    const draftId = drafts.body.outputs.find((o) => o.outputId === letter.outputId)!.draft!.id;
    await (await test.as('kutai-kartanegara', 'kabid-rehsos')).post(`/api/letter-drafts/${draftId}/initial`);
    const issued = await kadis.post<{ document: { verificationCode: string } }>(
      `/api/cases/${full.caseId()}/outputs/${letter.outputId}/issue`,
      {},
    );
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
    verificationCode = issued.body.document.verificationCode;
    browser = await launchBrowser({ width: 1280, height: 900 });
    page = await browser.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.text().includes('401') && !m.text().startsWith('Form validation failed'))
        consoleErrors.push(`${page.url()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await test?.stop();
  });

  it('the login page is WCAG 2 AA clean at both widths', async () => {
    await page.goto(`${test.server.url}/`);
    await checkScreen('01-login', '#username');
  });

  it('the catalogue offers only services I may start; the start form sums up its errors and focuses the first', async () => {
    await login('kutai-kartanegara', 'staf-rehsos');
    await page.click('a:has-text("Layanan")');
    await page.waitForSelector('[data-testid=service-bantuan-permakanan]');
    // A service of the Sekretariat (first step by its own staff) is not offered to a Rehsos officer.
    expect(await page.locator('[data-testid^=service-]').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid=service-pengaduan-langsung]').count()).toBe(0);
    await page.click('[data-testid=service-bantuan-permakanan] >> text=Mulai layanan');
    await page.waitForSelector('#root_nik');
    await page.fill('#root_birthDate', '31/02/1950');
    await page.locator('#root_birthDate').blur();
    await page.waitForSelector('text=Tanggal tidak sah');
    await page.fill('#root_birthDate', '01/02/1950');
    await page.click('button:has-text("Buka kasus")');
    await page.waitForSelector('[data-testid=error-summary]');
    const focused = await page.evaluate(() => document.activeElement?.id ?? '');
    expect(focused).toMatch(/^root_/);
    const summary = await page.locator('[data-testid=error-summary]').innerText();
    expect(summary).toContain('Periksa');
    expect(summary).not.toMatch(/Please|must have required|\broot\b/);
    await screenshot(page, SUITE, '02-start-form-errors-1280');
  });

  it('the inbox finds a task by NIK suffix, claims it in bulk, and fits a phone', async () => {
    await page.goto(`${test.server.url}/`);
    await page.waitForSelector('[data-testid=inbox]');
    await page.fill('#inbox-q', kutaiApplicant.nik.slice(-6));
    await page.click('form[role=search] button[type=submit]');
    await page.waitForSelector(`[data-testid=inbox] tr:has-text("${trackingCode}")`);
    expect(await page.locator('[data-testid=inbox] tbody tr').count()).toBe(1);
    await page.check(`[data-testid=select-${taskId}]`);
    await page.waitForSelector('[data-testid=bulk-bar]');
    await checkScreen('03-inbox', '[data-testid=inbox]');
    await page.click('[data-testid=bulk-claim]');
    await page.click('dialog[open] [data-testid=confirm-yes]');
    await page.waitForSelector('[data-testid=bulk-bar]', { state: 'detached' });
  });

  it('the case page: times in WITA, release the claimed task, cancel only with a reason, no raw ids', async () => {
    await page.goto(`${test.server.url}/kasus/${caseId}`);
    await page.waitForSelector('[data-testid=case-status]');
    // Kutai Kartanegara keeps Central Indonesian Time, whatever the PC's zone (the test browser runs in UTC).
    expect(await page.locator('[data-testid=case-opened]').innerText()).toMatch(/WITA$/);
    await page.click(`[data-testid=unclaim-${taskId}]`);
    await page.click('dialog[open] [data-testid=confirm-yes]');
    await page.waitForSelector(`[data-testid=claim-${taskId}]`);
    await page.click('[data-testid=case-cancel]');
    await page.waitForSelector('dialog[open] textarea');
    expect(await page.locator('dialog[open] [data-testid=confirm-yes]').isDisabled()).toBe(true);
    await screenshot(page, SUITE, '04-case-cancel-dialog-1280');
    await page.click('dialog[open] button:has-text("Kembali")');
    const text = await page.locator('main').innerText();
    expect(text).not.toMatch(/sistem:sop-definitions|nilai true|nilai false|\bundefined\b/);
    await checkScreen('05-case', '[data-testid=case-status]');
    expect(await page.locator('[data-testid=timeline]').innerText()).toContain('Tugas dilepas');
  });

  it('the task page asks before finishing the step, and its draft is gone after logout', async () => {
    await page.goto(`${test.server.url}/kasus/${caseId}/tugas/${taskId}`);
    await page.waitForSelector('[data-testid=checklist]');
    await page.locator('[data-testid=checklist] input[type=checkbox]').first().check();
    await checkScreen('06-task', '[data-testid=checklist]');
    await page.click('button:has-text("Selesaikan langkah")');
    await page.waitForSelector('dialog[open]:has-text("Selesaikan langkah ini?")');
    await screenshot(page, SUITE, '07-task-confirm-1280');
    await page.click('dialog[open] button:has-text("Kembali")');
    expect(await page.evaluate((id) => localStorage.getItem(`alur.draft.${id}`), taskId)).not.toBeNull();
    await page.locator('button:has-text("Keluar")').click();
    await page.waitForSelector('#username');
    expect(await page.evaluate((id) => localStorage.getItem(`alur.draft.${id}`), taskId)).toBeNull();
  });

  it('the register filters by service and status', async () => {
    await login('kutai-kartanegara', 'kepala-dinas');
    await page.goto(`${test.server.url}/register`);
    await page.selectOption('#register-sop', 'bantuan-permakanan');
    await page.selectOption('#status', 'open');
    await page.click('button:has-text("Cari")');
    await page.waitForSelector(`[data-testid=register] a:has-text("${trackingCode}")`);
    await checkScreen('08-register', '[data-testid=register]');
  });

  it('the Kepala Dinas makes a Plh delegation and ends it early with a reason', async () => {
    await page.goto(`${test.server.url}/pelimpahan`);
    await page.waitForSelector('#del-to');
    const sekretaris = await page.locator('#del-to option', { hasText: 'Sekretaris' }).first().getAttribute('value');
    await page.selectOption('#del-to', sekretaris!);
    const today = new Date();
    const dd = (d: Date) =>
      `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
    await page.fill('#del-start', dd(today));
    await page.fill('#del-end', dd(new Date(today.getTime() + 3 * 86_400_000)));
    await page.click('button:has-text("Limpahkan")');
    await page.click('dialog[open] [data-testid=confirm-yes]');
    await page.waitForSelector('[data-testid=delegations] .badge:has-text("Berlaku")');
    await checkScreen('09-delegations', '[data-testid=delegations]');
    await page.locator('[data-testid^=end-delegation-]').first().click();
    await page.fill('dialog[open] textarea', 'Kepala Dinas kembali bertugas');
    await page.click('dialog[open] [data-testid=confirm-yes]');
    await page.waitForSelector('[data-testid=delegations] td:has-text("Kepala Dinas kembali bertugas")');
  });

  it('an archive request from the case page appears in the archive control register', async () => {
    await page.goto(`${test.server.url}/kasus/${caseId}`);
    await page.click('[data-testid=archive-request]');
    await page.selectOption('#archive-kind', 'copy');
    await page.fill('#archive-recipient', 'Inspektorat Kabupaten');
    await page.fill('dialog[open] textarea', 'Pemeriksaan rutin');
    await page.click('dialog[open] [data-testid=confirm-yes]');
    await page.goto(`${test.server.url}/arsip`);
    await page.waitForSelector(`[data-testid=archive-register] td:has-text("Inspektorat Kabupaten")`);
    await checkScreen('10-archive-register', '[data-testid=archive-register]');
  });

  it('the auditor reads who accessed the case', async () => {
    await login('kutai-kartanegara', 'auditor');
    await page.goto(`${test.server.url}/log-akses?kasus=${caseId}`);
    await page.waitForSelector('[data-testid=access-log] td:has-text("Melihat kasus")');
    await checkScreen('11-access-log', '[data-testid=access-log]');
  });

  it('/lacak shows the rejection reason and the complaint channels, on a phone too', async () => {
    await page.goto(`${test.server.url}/lacak/${rejectedCode}`);
    await page.waitForSelector('[data-testid=public-rejection]');
    expect(await page.locator('[data-testid=public-rejection]').innerText()).toContain('keluarga yang merawat');
    expect(await page.locator('[data-testid=public-complaints]').innerText()).toContain('lapor.go.id');
    await checkScreen('12-lacak-rejected', '[data-testid=public-status]');
  });

  it('the verification page dates the letter in the regency zone', async () => {
    await page.goto(`${test.server.url}/verifikasi/${verificationCode}`);
    await page.waitForSelector('[data-testid=verification]');
    // Issued minutes ago: its day is Kutai Kartanegara's day (WITA), whatever the test browser's zone (UTC).
    const witaDay = new Intl.DateTimeFormat('id-ID', { dateStyle: 'long', timeZone: 'Asia/Makassar' }).format(
      new Date(),
    );
    expect(await page.locator('[data-testid=verification]').innerText()).toContain(witaDay);
    await checkScreen('13-verification', '[data-testid=verification]');
  });

  it('the public Standar Pelayanan needs no login and lists the six components', async () => {
    await page.goto(`${test.server.url}/standar-pelayanan`);
    await page.waitForSelector('[data-testid=standard-regencies]');
    if (await page.locator('[data-testid=user-name]').count()) {
      await page.locator('button:has-text("Keluar")').click();
      await page.waitForSelector('[data-testid=user-name]', { state: 'detached' });
    }
    await page.click('a:has-text("Bangkalan")');
    await page.waitForSelector('[data-testid=standard-pengantar-lansia-bpstw]');
    await page.click('[data-testid=standard-pengantar-lansia-bpstw] summary');
    const text = await page.locator('[data-testid=standard-pengantar-lansia-bpstw]').innerText();
    for (const part of ['Persyaratan', 'prosedur', 'Jangka waktu', 'Biaya', 'Produk', 'pengaduan'])
      expect(text).toContain(part);
    await checkScreen('14-public-standards', '[data-testid=standard-pengantar-lansia-bpstw]');
    expect(consoleErrors).toEqual([]);
  });
});
