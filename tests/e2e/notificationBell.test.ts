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
    for (const nik of ['6402010102500001', '6402010102500011']) {
      const opened = await staff.post<{ tasks: TaskState[] }>('/api/cases', {
        sopId: 'bantuan-permakanan',
        data: { ...kutaiApplicant, nik },
      });
      await staff.post(`/api/tasks/${opened.body.tasks[0]!.id}/complete`, { checklist: permakananFirstStepChecklist });
    }
    browser = await launchBrowser();
    page = await browser.newPage();
    page.on('console', (m) => {
      // 401 before signing in and the deliberate 400 (completion without a reason) are expected answers.
      if (m.type() === 'error' && !/\b40[01]\b/.test(m.text())) consoleErrors.push(m.text());
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

  it('a service step task says the connector does it and a manual completion needs a reason (desktop, 390 px)', async () => {
    const front = await test.as('bengkayang', 'petugas-pelayanan');
    const opened = await front.post<{ id: string; tasks: TaskState[] }>('/api/cases', {
      sopId: 'pbi-jaminan-kesehatan-dtsen',
      data: {
        nik: '6107010101010001',
        kkNumber: '6107010101010002',
        fullName: 'Maria',
        birthDate: '2001-01-01',
        village: 'Bumi Emas',
        district: 'Bengkayang',
        requestType: 'Pendaftaran baru PBI JK',
      },
    });
    const docs = { ktp: true, kk: true, 'surat-pengantar-desa': true };
    const first = await front.post<{ tasks: TaskState[] }>(`/api/tasks/${opened.body.tasks[0]!.id}/complete`, {
      checklist: docs,
    });
    const second = await front.post<{ tasks: TaskState[] }>(
      `/api/tasks/${first.body.tasks.find((t) => t.status === 'open')!.id}/complete`,
      {
        checklist: { ...docs, 'register-layanan': true },
        formData: { receivedDate: '2026-12-07', registerNumber: 'REG-9' },
      },
    );
    const task = second.body.tasks.find((t) => t.status === 'open')!;
    await page.setViewportSize({ width: 1366, height: 800 });
    await page.goto(`${test.server.url}/`);
    await page.waitForSelector('[data-testid=user-name]');
    await page.locator('button:has-text("Keluar")').click();
    await page.waitForSelector('#username');
    await page.fill('#username', 'bengkayang.petugas-data');
    await page.fill('#password', DEMO_PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-testid=user-name]');
    await page.goto(`${test.server.url}/kasus/${opened.body.id}/tugas/${task.id}`);
    await page.waitForSelector('[data-testid=service-step]');
    expect(await page.locator('[data-testid=service-step]').innerText()).toContain('Alur memanggil "siks-ng"');
    // Completing by hand without a reason is refused with the engine's message; with one it goes through.
    await page.click('button:has-text("Selesaikan langkah")');
    await page.click('dialog[open] [data-testid=confirm-yes]');
    await page.waitForSelector('text=tuliskan alasannya');
    await page.fill('[data-testid=manual-reason]', 'SIKS-NG tidak dapat dihubungi; dicek langsung di aplikasi');
    await screenshot(page, SUITE, '03-service-step-desktop');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, SUITE, '04-service-step-390');
    await page.click('button:has-text("Selesaikan langkah")');
    await page.click('dialog[open] [data-testid=confirm-yes]');
    await page.waitForSelector('text=Langkah selesai.');
    expect(consoleErrors).toEqual([]);
  });
});
