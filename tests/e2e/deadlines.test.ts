import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../engine/app/demoUsers.ts';
import { nationalCalendarStatus } from '../../engine/calendar/nationalCalendar.ts';
import { loadDefinitionPaths } from '../../engine/files/loadDefinitionFiles.ts';
import { planScenarios } from '../../engine/simulation/planScenarios.ts';
import { runScenario } from '../../engine/simulation/runScenario.ts';
import { apiDriver } from '../support/apiDriver.ts';
import { launchBrowser, screenshot, signIn } from '../support/browser.ts';
import { definitionsDir, startTestServer, type TestServer } from '../support/testServer.ts';

const SUITE = 'deadlines';
const REGENCY = 'bangkalan';
// Its steps have no time of their own; the Jangka Waktu runs from the completeness check.
const definition = loadDefinitionPaths([definitionsDir], definitionsDir)
  .folders.flatMap((f) => f.sops.map((s) => s.definition))
  .find((d) => d?.regency === REGENCY && d.id === 'pengantar-lansia-bpstw')!;

describe('deadlines on screen: the case deadline beside the step, the holiday calendar for admins', () => {
  let test: TestServer;
  let browser: BrowserContext;
  let page: Page;
  let caseId = '';
  let openRole = '';
  const errors: string[] = [];
  const year = new Date().getUTCFullYear();
  const provisional = [year, year + 1].filter((y) => nationalCalendarStatus(y).status === 'provisional');

  async function login(path: string, role: string): Promise<void> {
    await signIn(page, `${test.server.url}${path}`, `${REGENCY}.${role}`, DEMO_PASSWORD);
  }

  async function both(name: string): Promise<void> {
    await page.setViewportSize({ width: 1366, height: 768 });
    await screenshot(page, SUITE, `${name}-desktop`);
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, SUITE, `${name}-390`);
    await page.setViewportSize({ width: 1366, height: 768 });
  }

  beforeAll(async () => {
    test = await startTestServer();
    const scenario = planScenarios(definition)[0]!;
    const firstRole = definition.actors.find((a) => a.id === definition.steps[0]!.actors[0])!.performerRole;
    const driver = apiDriver(REGENCY, definition.id, firstRole, test.as);
    const checkAt = scenario.visits.findIndex((v) => v.stepId === 'pemeriksaan-berkas');
    const run = await runScenario(definition, driver, { ...scenario, visits: scenario.visits.slice(0, checkAt + 1) });
    caseId = driver.caseId();
    openRole = run.state.tasks.find((t) => t.status === 'open')!.role;
    browser = await launchBrowser();
    page = await browser.newPage();
    page.on('pageerror', (e) => errors.push(String(e)));
  }, 240_000);

  afterEach(async (context) => {
    if (context.task.result?.state === 'fail')
      await screenshot(page, SUITE, `failed-${context.task.name.slice(0, 30).replace(/[^a-z0-9]+/gi, '-')}`);
  });

  afterAll(async () => {
    await browser?.close();
    await test?.stop();
  });

  it('the inbox shows the service deadline for a step without its own time, not "Tanpa batas"', async () => {
    await login('/', openRole);
    const row = page.locator('[data-testid=inbox] tbody tr').first();
    await row.locator('[data-testid=case-due]').waitFor();
    expect(await row.locator('[data-testid=case-due]').innerText()).toContain('Layanan');
    expect(await row.innerText()).not.toContain('Tanpa batas');
    await both('inbox');
  });

  it('the case page shows the step and the service deadline', async () => {
    await page.goto(`${test.server.url}/kasus/${caseId}`);
    await page.locator('[data-testid=task-due]').first().waitFor();
    expect(await page.locator('[data-testid=task-due]').first().innerText()).toContain('Layanan');
    expect(await page.locator('[data-testid=case-due]').innerText()).not.toBe('Tanpa batas');
    await both('case');
  });

  it('the admin sees the calendar status, the provisional warning, and the audit trail of changes', async () => {
    await login('/kalender', 'admin');
    await page.goto(`${test.server.url}/kalender`);
    // The table's header shows at once; its rows come with the answer.
    await page.locator('[data-testid=calendar-status] tbody tr').first().waitFor();
    const status = await page.locator('[data-testid=calendar-status]').innerText();
    expect(status).toContain('2026');
    expect(status).toContain('1497');
    if (provisional.length > 0)
      expect(await page.locator('[data-testid=calendar-warning]').innerText()).toContain(
        `Kalender ${provisional.join(', ')} belum ditetapkan`,
      );
    await page.selectOption('label:has-text("Jenis") select', 'regional');
    await page.fill('input[inputmode=numeric]', '2026');
    await page.locator('label:has-text("Keputusan") input').fill('Keputusan Bupati Bangkalan uji');
    await page.fill('textarea', '2026-10-02 Hari Jadi Kabupaten (uji)');
    await page.click('button:has-text("Simpan")');
    await page.locator('[data-testid=calendar-changes]').waitFor();
    expect(await page.locator('[data-testid=calendar-changes]').innerText()).toContain('Hari Jadi Kabupaten (uji)');
    await both('calendar-admin');
  });

  it('the drafter sees the provisional warning in the designer', async () => {
    if (provisional.length === 0) return;
    await login('/designer/', 'penyusun-sop');
    await page.locator('[data-testid=calendar-warning]').waitFor();
    expect(await page.locator('[data-testid=calendar-warning]').innerText()).toContain('belum ditetapkan');
    await both('designer-warning');
    expect(errors).toEqual([]);
  });
});
