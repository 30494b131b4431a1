import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../engine/app/demoUsers.ts';
import type { CaseState } from '../../engine/core/caseTypes.ts';
import { loadDefinitionPaths } from '../../engine/files/loadDefinitionFiles.ts';
import { planScenarios } from '../../engine/simulation/planScenarios.ts';
import { runScenario } from '../../engine/simulation/runScenario.ts';
import type { SchemaNode } from '../../engine/simulation/sampleValue.ts';
import { formDataFor } from '../../engine/simulation/scenarioData.ts';
import { apiDriver } from '../support/apiDriver.ts';
import { launchBrowser, screenshot, signIn } from '../support/browser.ts';
import { definitionsDir, startTestServer, type TestServer } from '../support/testServer.ts';

const SUITE = 'dashboard';
const REGENCY = 'kutai-kartanegara';
const SOP_ID = 'bantuan-permakanan';
const definition = loadDefinitionPaths([definitionsDir], definitionsDir)
  .folders.flatMap((f) => f.sops.map((s) => s.definition))
  .find((d) => d?.regency === REGENCY && d.id === SOP_ID)!;

describe('monitoring dashboard and the public satisfaction survey', () => {
  let test: TestServer;
  let browser: BrowserContext;
  let page: Page;
  const consoleErrors: string[] = [];
  const ended: Array<{ status: CaseState['status']; trackingCode: string; caseId: string }> = [];
  let sendBacks = 0;

  async function login(role: string): Promise<void> {
    await signIn(page, `${test.server.url}/`, `${REGENCY}.${role}`, DEMO_PASSWORD);
  }

  beforeAll(async () => {
    test = await startTestServer();
    // Real cases through the API: every branch of the SOP, and one run with a send-back.
    const firstRole = definition.actors.find((a) => a.id === definition.steps[0]!.actors[0])!.performerRole;
    const sendBackAt = definition.steps.find((s) => s.sendBack)?.id;
    for (const scenario of planScenarios(definition)) {
      for (const options of [
        {},
        ...(sendBackAt && scenario.visits.some((v) => v.stepId === sendBackAt) && sendBacks === 0
          ? [{ sendBackAt }]
          : []),
      ]) {
        const driver = apiDriver(REGENCY, SOP_ID, firstRole, test.as);
        const run = await runScenario(definition, driver, scenario, options);
        const body = (
          await (await test.as(REGENCY, firstRole)).get<{ trackingCode: string }>(`/api/cases/${driver.caseId()}`)
        ).body;
        ended.push({ status: run.state.status, trackingCode: body.trackingCode, caseId: driver.caseId() });
        if ('sendBackAt' in options) sendBacks++;
      }
    }
    // One case still open at its first step.
    await (
      await test.as(REGENCY, firstRole)
    ).post('/api/cases', { sopId: SOP_ID, data: (await import('../support/kutaiApplicant.ts')).kutaiApplicant });
    browser = await launchBrowser();
    page = await browser.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.text().includes('401')) consoleErrors.push(`${page.url()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
  }, 240_000);

  afterEach(async (context) => {
    if (context.task.result?.state === 'fail')
      await screenshot(page, SUITE, `failed-${context.task.name.slice(0, 30).replace(/[^a-z0-9]+/gi, '-')}`);
  });

  afterAll(async () => {
    await browser?.close();
    await test?.stop();
  });

  it('staff without monitoring rights see no dashboard link', async () => {
    await login('staf-linjamsos');
    await expect(page.locator('nav a:has-text("Dasbor")').count()).resolves.toBe(0);
  });

  it('the Kepala Dinas sees charts whose figures match the cases run', async () => {
    await login('kepala-dinas');
    await page.click('nav a:has-text("Dasbor")');
    await page.waitForSelector('[data-testid=kpis]');
    await expect(page.locator('[data-testid=kpi-opened]').innerText()).resolves.toBe(String(ended.length + 1));
    await expect(page.locator('[data-testid=kpi-closed]').innerText()).resolves.toBe(String(ended.length));
    for (const id of [
      'chart-opened-closed',
      'chart-open-by-stage',
      'chart-on-time',
      'chart-step-durations',
      'chart-send-backs',
      'chart-rejections',
    ]) {
      await expect(page.locator(`[data-testid=${id}] svg rect`).count(), id).resolves.toBeGreaterThan(0);
    }
    // The send-back chart's table names the step that sent the file back, once.
    await page.locator('[data-testid=chart-send-backs] summary').click();
    const sendBackStep = definition.steps.find((s) => s.sendBack)!;
    await expect(page.locator('[data-testid=chart-send-backs] table').innerText()).resolves.toContain(
      sendBackStep.activity.slice(0, 20),
    );
    const rejected = ended.filter((e) => e.status === 'rejected').length;
    expect(rejected).toBeGreaterThan(0);
    await page.locator('[data-testid=chart-rejections] summary').click();
    await expect(page.locator('[data-testid=chart-rejections] table tbody tr').first().innerText()).resolves.toMatch(
      new RegExp(`\\b${ended.length}\\s+${rejected}\\b`),
    );
    await screenshot(page, SUITE, '01-dashboard');
  });

  it('one SOP: exports need a reason, and the yearly evaluation report opens', async () => {
    await page.selectOption('#dash-sop', SOP_ID);
    await page.waitForSelector('[data-testid=evaluation-link]');
    await expect(page.locator('[data-testid=export-csv]').count()).resolves.toBe(0);
    await page.fill('#export-reason', 'Bahan rapat evaluasi SOP triwulan');
    const href = await page.locator('[data-testid=export-csv]').getAttribute('href');
    const csv = await page.request.get(`${test.server.url}${href!}`);
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain('\n');
    const evaluation = await page.request.get(
      `${test.server.url}${(await page.locator('[data-testid=evaluation-link]').getAttribute('href'))!}`,
    );
    expect(evaluation.status()).toBe(200);
    expect(await evaluation.text()).toContain(definition.name);
    await screenshot(page, SUITE, '02-dashboard-one-sop');
  });

  it('a complaint case is linked to the case it concerns, shown on both and counted on the dashboard', async () => {
    const complaintSop = loadDefinitionPaths([definitionsDir], definitionsDir)
      .folders.flatMap((f) => f.sops.map((x) => x.definition))
      .find((d) => d?.regency === REGENCY && d.id === 'pengaduan-langsung')!;
    const firstRole = complaintSop.actors.find((a) => a.id === complaintSop.steps[0]!.actors[0])!.performerRole;
    const opened = await (
      await test.as(REGENCY, firstRole)
    ).post<{ id: string }>('/api/cases', {
      sopId: complaintSop.id,
      data: formDataFor(complaintSop.caseData.schema as unknown as SchemaNode, {}),
    });
    expect(opened.status).toBe(201);
    const concerned = ended.find((e) => e.status === 'completed')!;
    await login(firstRole);
    await page.goto(`${test.server.url}/kasus/${opened.body.id}`);
    await page.waitForSelector('[data-testid=complaint-links] #concerns');
    await page.fill('#concerns', concerned.trackingCode.toLowerCase());
    await page.fill('#concerns-note', 'Bantuan terlambat diterima');
    await page.click('[data-testid=complaint-links] button:has-text("Tautkan")');
    await page.waitForSelector(`[data-testid=complaint-links] code:has-text("${concerned.trackingCode}")`);
    await screenshot(page, SUITE, '03-complaint-linked');
    // The complaint officer (sekretariat) may not open a rehsos case; the Kepala Dinas sees the complaint on it.
    await login('kepala-dinas');
    await page.goto(`${test.server.url}/kasus/${concerned.caseId}`);
    await page.waitForSelector('[data-testid=complaint-links]');
    const onConcerned = await page.locator('[data-testid=complaint-links]').innerText();
    expect(onConcerned).toContain(complaintSop.name);
    expect(onConcerned).toContain('Bantuan terlambat diterima');
    await page.goto(`${test.server.url}/dasbor`);
    await page.waitForSelector('[data-testid=chart-complaints] svg');
    await page.locator('[data-testid=chart-complaints] summary').click();
    await expect(page.locator('[data-testid=chart-complaints] table tbody').innerText()).resolves.toMatch(
      new RegExp(`${definition.name}\\s+1\\s+1\\s+1`),
    );
  });

  it('the applicant answers the satisfaction survey on the public page; the IKM appears on the dashboard', async () => {
    const done = ended.find((e) => e.status === 'completed')!;
    await page.goto(`${test.server.url}/lacak/${done.trackingCode}`);
    await page.waitForSelector('[data-testid=survey]');
    for (const name of [
      'persyaratan',
      'prosedur',
      'waktu',
      'biaya',
      'produk',
      'kompetensi',
      'perilaku',
      'pengaduan',
      'sarana',
    ]) {
      await page.check(`input[name=${name}][value="4"]`);
    }
    await page.fill('#survey-comment', 'Pelayanan cepat dan ramah.');
    await screenshot(page, SUITE, '04-survey');
    await page.click('button:has-text("Kirim survei")');
    await page.waitForSelector('[data-testid=survey-thanks]');
    await screenshot(page, SUITE, '05-survey-thanks');
    const kadis = await test.as(REGENCY, 'kepala-dinas');
    const satisfaction = await kadis.get<{ overall: { ikm: number; grade: string; responses: number } }>(
      '/api/monitoring/satisfaction',
    );
    expect(satisfaction.body.overall).toMatchObject({ ikm: 100, grade: 'A', responses: 1 });
    await page.goto(`${test.server.url}/dasbor`);
    await page.waitForSelector('[data-testid=kpi-ikm]');
    await expect(page.locator('[data-testid=kpi-ikm]').innerText()).resolves.toBe('100.0 (A)');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, SUITE, '06-dashboard-phone');
    await page.setViewportSize({ width: 1366, height: 768 });
    expect(consoleErrors).toEqual([]);
  });
});
