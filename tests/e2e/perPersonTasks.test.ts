import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../engine/app/demoUsers.ts';
import type { TaskState } from '../../engine/core/caseTypes.ts';
import { horizontalOverflow } from '../support/axe.ts';
import { launchBrowser, screenshot } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

const SUITE = 'per-person-tasks';
// The block fixture: desa and puskesmas verify at once, then one assessment per disaster victim.
const blocksDir = join(import.meta.dirname, '../fixtures/blocks');

describe('per-person tasks in the browser: the inbox and the task page say for whom the work is', () => {
  let test: TestServer;
  let browser: BrowserContext;
  let page: Page;
  let caseId = '';

  beforeAll(async () => {
    test = await startTestServer({ definitionsDir: blocksDir });
    const loket = await test.as('testkab', 'petugas');
    const open = async (): Promise<TaskState[]> =>
      (await loket.get<{ tasks: TaskState[] }>(`/api/cases/${caseId}`)).body.tasks.filter((t) => t.status === 'open');
    const opened = await loket.post<{ id: string }>('/api/cases', {
      sopId: 'bantuan-per-penerima',
      data: {
        lokasi: 'Tenggarong',
        penerima: [
          { nama: 'Siti A.', usia: 40 },
          { nama: 'Pak Darmo', usia: 72 },
          { nama: 'Rina', usia: 9 },
        ],
      },
    });
    caseId = opened.body.id;
    await loket.post(`/api/tasks/${(await open())[0]!.id}/complete`, {});
    const [desaTask, puskesmasTask] = await open();
    await (await test.as('testkab', 'desa')).post(`/api/tasks/${desaTask!.id}/complete`, {});
    await (
      await test.as('testkab', 'puskesmas')
    ).post(`/api/tasks/${puskesmasTask!.id}/complete`, { formData: { wabah: false }, choice: 'Aman' });
    await loket.post(`/api/tasks/${(await open())[0]!.id}/complete`, {});
    await loket.post(`/api/tasks/${(await open())[0]!.id}/complete`, {});
    browser = await launchBrowser({ width: 1280, height: 900 });
    page = await browser.newPage();
    await page.goto(`${test.server.url}/`);
    await page.fill('#username', 'testkab.petugas');
    await page.fill('#password', DEMO_PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-testid=user-name]');
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await test?.stop();
  });

  it('the inbox lists one assessment per person with "Penerima n dari 3" and their name', async () => {
    await page.goto(`${test.server.url}/`);
    await page.waitForSelector('[data-testid=person-mark]');
    const marks = await page.locator('[data-testid=person-mark]').allTextContents();
    expect(marks).toEqual(['Penerima 1 dari 3: Siti A.', 'Penerima 2 dari 3: Pak Darmo', 'Penerima 3 dari 3: Rina']);
    await screenshot(page, SUITE, 'inbox-1280');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, SUITE, 'inbox-390');
    expect(await horizontalOverflow(page)).toBe(0);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('the task page names the person, and the case page shows the work still open per person', async () => {
    await page.locator('tr', { hasText: 'Pak Darmo' }).locator('a.button').click();
    await page.waitForSelector('[data-testid=task-thread] [data-testid=person-mark]');
    expect(await page.locator('[data-testid=task-thread]').textContent()).toContain('Penerima 2 dari 3: Pak Darmo');
    // Of the list, the task page shows this person's entry only (numbered as in the list); the case page shows all.
    await page.waitForSelector('[data-testid=item-penerima-only]');
    const shown = await page.$$eval('[data-testid^=item-penerima-]:not([data-testid$=-only])', (items) =>
      items.map((i) => i.textContent ?? ''),
    );
    expect(shown).toHaveLength(1);
    expect(shown[0]).toContain('Pak Darmo');
    await screenshot(page, SUITE, 'task-1280');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, SUITE, 'task-390');
    expect(await horizontalOverflow(page)).toBe(0);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${test.server.url}/kasus/${caseId}`);
    await page.waitForSelector('[data-testid=open-block]');
    expect(await page.locator('[data-testid=open-block]').textContent()).toContain('0 dari 3');
    await page.waitForSelector('[data-testid=item-penerima-2]');
    expect(await page.locator('[data-testid^=item-penerima-]').count()).toBe(3);
    await screenshot(page, SUITE, 'case-1280');
  });
});
