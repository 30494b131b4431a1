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

/**
 * Signs in on the login form the app shows at `url`: if someone is already signed in there, signs them
 * out first (a fresh login every time, as a second person at the same PC would). Waits for `waitFor`
 * (default: the signed-in user's name in the header).
 */
export async function signIn(
  page: Page,
  url: string,
  username: string,
  password: string,
  waitFor = '[data-testid=user-name]',
): Promise<void> {
  await page.goto(url);
  // The app decides after its session request whether to show the login form or the signed-in page.
  await page.waitForSelector('#username, [data-testid=user-name]');
  const signOut = page.locator('button:has-text("Keluar"), button:has-text("Sign out")');
  if ((await page.locator('[data-testid=user-name]').count()) && (await signOut.count())) {
    await signOut.first().click();
    await page.waitForSelector('#username');
  }
  await page.fill('#username', username);
  await page.fill('#password', password);
  await page.click('button[type=submit]');
  await page.waitForSelector(waitFor);
}

/** Full-page screenshots of the current screen at 1280 and 390 px wide, then back to 1280. */
export async function screenshotBothWidths(page: Page, suite: string, name: string): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 900 });
  await screenshot(page, suite, `${name}-1280`);
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, suite, `${name}-390`);
  await page.setViewportSize({ width: 1280, height: 900 });
}
