import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const repoRoot = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
export const artifactsDir = join(repoRoot, 'test-artifacts', 'e2e');

/** The system's chromium (`apt-get install chromium`); CHROMIUM_PATH points elsewhere. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Browser tests are skipped, not failed, where no chromium is installed; the skip shows in the test report. */
export const hasBrowser = existsSync(chromiumPath);

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1440, height: 900 };

/**
 * The system chromium, headless, with a throwaway profile; nothing is downloaded. Playwright takes the profile
 * folder only through a persistent context (it refuses `--user-data-dir` in `launch`), hence a context here.
 */
export async function launchBrowser(
  options: { args?: string[]; ignoreHTTPSErrors?: boolean } = {},
): Promise<{ browser: BrowserContext; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'daraja-e2e-'));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    ...(options.ignoreHTTPSErrors ? { ignoreHTTPSErrors: true } : {}),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(options.args ?? []),
    ],
  });
  return {
    browser,
    close: async () => {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Console errors and uncaught exceptions of a page; a clean UI has none. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  return errors;
}

/**
 * Saves a full-page screenshot to test-artifacts/e2e/. It first checks that nothing sticks out sideways:
 * a page wider than the viewport scrolls horizontally on a phone, which the screenshot would hide.
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (overflow > 0) throw new Error(`${name}: the page is ${overflow}px wider than the viewport`);
  mkdirSync(artifactsDir, { recursive: true });
  const path = join(artifactsDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
