import { mkdtempSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../engine/app/demoUsers.ts';
import { runDueJobs } from '../../engine/app/jobScheduler.ts';
import { backgroundJobs, BACKUP_JOB } from '../../engine/server/jobs.ts';
import { startServer, type RunningServer } from '../../engine/server/startServer.ts';
import { ApiClient } from '../support/apiClient.ts';
import { launchBrowser, screenshot } from '../support/browser.ts';
import { kutaiApplicant } from '../support/kutaiApplicant.ts';
import { definitionsDir } from '../support/testServer.ts';

const SUITE = 'other-computer';

/** This machine's first non-loopback IPv4 address: what another PC in the office would type. */
function lanAddress(): string {
  for (const addresses of Object.values(networkInterfaces()))
    for (const a of addresses ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  throw new Error('Mesin ini tidak punya alamat IPv4 selain loopback; tes ini membutuhkannya.');
}

describe('the staff app opened from another computer over plain HTTP', () => {
  let server: RunningServer;
  let browser: BrowserContext;
  let page: Page;
  let caseId = '';
  const failedRequests: string[] = [];
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    const host = lanAddress();
    server = await startServer({
      target: { kind: 'pglite' },
      host,
      port: 0,
      definitionsDir,
      demoUsers: true,
      jobPollMs: 3_600_000,
      logger: pino({ level: 'silent' }),
      transport: { https: false },
    });
    expect(server.url).toContain(host);
    const staff = new ApiClient(server.url);
    await staff.login('kutai-kartanegara.staf-rehsos', DEMO_PASSWORD);
    const opened = await staff.post('/api/cases', { sopId: 'bantuan-permakanan', data: kutaiApplicant });
    caseId = String((opened.body as { id: string }).id);
    browser = await launchBrowser();
    page = await browser.newPage();
    page.on('requestfailed', (r) => failedRequests.push(`${r.url()} ${r.failure()?.errorText ?? ''}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.text().includes('401')) consoleErrors.push(m.text());
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('loads the app (scripts over http, no upgrade to https), signs in and opens a case', async () => {
    const response = await page.goto(`${server.url}/`);
    expect(response?.headers()['content-security-policy']).not.toContain('upgrade-insecure-requests');
    await page.waitForSelector('#username');
    await screenshot(page, SUITE, '01-login-from-lan');
    await page.fill('#username', 'kutai-kartanegara.staf-rehsos');
    await page.fill('#password', DEMO_PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-testid=user-name]');
    await page.goto(`${server.url}/kasus/${caseId}`);
    await page.waitForSelector('[data-testid=timeline]');
    expect(await page.locator('[data-testid=case-status]').innerText()).not.toBe('');
    await screenshot(page, SUITE, '02-case-from-lan');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, SUITE, '03-case-from-lan-390');
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`${server.url}/kasus/${caseId}/tanda-terima`);
    await page.waitForSelector('[data-testid=tracking-code]');
    expect(await page.locator('[data-testid=receipt]').innerText()).toContain(`${server.url}/lacak`);
    await screenshot(page, SUITE, '04-receipt-from-lan');
    expect(failedRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it("shows the admin the daily backup's last result on the dashboard", async () => {
    process.env.ALUR_BACKUP_DIR = mkdtempSync(join(tmpdir(), 'issue-14-e2e-backup-'));
    try {
      const ran = await runDueJobs(
        server.db,
        backgroundJobs.filter((j) => j.name === BACKUP_JOB),
        'e2e',
      );
      expect(ran).toEqual([BACKUP_JOB]);
      await page.click('button:has-text("Keluar")');
      await page.waitForSelector('#username');
      await page.fill('#username', 'kutai-kartanegara.admin');
      await page.fill('#password', DEMO_PASSWORD);
      await page.click('button[type=submit]');
      await page.waitForSelector('[data-testid=user-name]');
      await page.goto(`${server.url}/dasbor`);
      const line = page.locator('[data-testid=backup-status]');
      await line.waitFor();
      expect(await line.innerText()).toMatch(/Cadangan harian:.*berhasil, [\d.]+ MB; 1 berkas disimpan/);
      await screenshot(page, SUITE, '05-admin-backup-status');
      await page.setViewportSize({ width: 390, height: 844 });
      await screenshot(page, SUITE, '06-admin-backup-status-390');
      await page.setViewportSize({ width: 1366, height: 768 });
      await page.click('button:has-text("Cadangkan sekarang")');
      await page.waitForSelector('text=Dijadwalkan');
    } finally {
      delete process.env.ALUR_BACKUP_DIR;
    }
  });
});
