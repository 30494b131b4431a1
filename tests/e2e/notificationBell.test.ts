import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../engine/app/demoUsers.ts';
import type { TaskState } from '../../engine/core/caseTypes.ts';
import { launchBrowser, screenshot } from '../support/browser.ts';
import { kutaiApplicant, permakananFirstStepChecklist } from '../support/kutaiApplicant.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

const SUITE = 'notifications';

describe('runtime UI: the notification bell in the staff header', () => {
  let test: TestServer;
  let browser: BrowserContext;
  let page: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    test = await startTestServer();
    // Two cases waiting for the head of office: two "new task" notifications in the bell.
    const staff = await test.as('kutai-kartanegara', 'staf-rehsos');
    for (const nik of ['6402010101010001', '6402010101010011']) {
      const opened = await staff.post<{ tasks: TaskState[] }>('/api/cases', {
        sopId: 'bantuan-permakanan',
        data: { ...kutaiApplicant, nik },
      });
      await staff.post(`/api/tasks/${opened.body.tasks[0]!.id}/complete`, { checklist: permakananFirstStepChecklist });
    }
    browser = await launchBrowser();
    page = await browser.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.text().includes('401')) consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await test?.stop();
  });

  async function login(width: number): Promise<void> {
    await page.setViewportSize({ width, height: 800 });
    await page.goto(`${test.server.url}/`);
    await page.waitForSelector('#username, [data-testid=user-name]');
    if ((await page.locator('[data-testid=user-name]').count()) === 0) {
      await page.fill('#username', 'kutai-kartanegara.kepala-dinas');
      await page.fill('#password', DEMO_PASSWORD);
      await page.click('button[type=submit]');
      await page.waitForSelector('[data-testid=user-name]');
    }
  }

  it('shows the unread count and the list; opening one marks it read and leads to the task (desktop)', async () => {
    await login(1366);
    await page.waitForSelector('[data-testid=bell-count]');
    expect(await page.locator('[data-testid=bell-count]').innerText()).toBe('2');
    await page.click('[data-testid=bell]');
    await page.waitForSelector('#bell-panel li');
    expect(await page.locator('#bell-panel li.unread').count()).toBe(2);
    expect(await page.locator('#bell-panel').innerText()).toContain('Tugas baru: Kepala Dinas Sosial menugaskan');
    await screenshot(page, SUITE, '01-bell-desktop');
    await page.locator('#bell-panel li a').first().click();
    await page.waitForURL(/\/kasus\/.+\/tugas\//);
    await page.waitForFunction(() => document.querySelector('[data-testid=bell-count]')?.textContent === '1');
    expect(consoleErrors).toEqual([]);
  });

  it('works at 390 px and "mark all as read" clears the count', async () => {
    await login(390);
    await page.click('[data-testid=bell]');
    await page.waitForSelector('#bell-panel li');
    await screenshot(page, SUITE, '02-bell-390');
    const box = await page.locator('#bell-panel').boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    await page.click('#bell-panel button:has-text("Tandai semua dibaca")');
    await page.waitForSelector('[data-testid=bell-count]', { state: 'detached' });
    expect(consoleErrors).toEqual([]);
  });
});
