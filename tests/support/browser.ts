import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Where screenshots go (kept by CI as test artifacts). */
export const ARTIFACTS = join(import.meta.dirname, '../artifacts');

/** Launches Debian's headless Chromium with a fresh user-data-dir (a persistent context on a new temp folder). */
export async function launchBrowser(viewport = { width: 1366, height: 768 }): Promise<BrowserContext> {
  const profile = mkdtempSync(join(tmpdir(), 'alur-chromium-'));
  return chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

/** Saves a full-page screenshot under tests/artifacts/<suite>/<name>.png. */
export async function screenshot(page: Page, suite: string, name: string): Promise<void> {
  mkdirSync(join(ARTIFACTS, suite), { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, suite, `${name}.png`), fullPage: true });
}
