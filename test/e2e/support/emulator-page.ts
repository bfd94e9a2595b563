import type { BrowserContext, Page } from 'playwright-core';
import type { EmulatorOptions } from 'daraja-emulator';
import { collectErrors } from './browser.js';
import { builtUi } from './ui-build.js';
import { within } from './within.js';
import { Emulator } from '../../../emulator/src/internals.js';

/** An emulator listening on a free port and serving the built UI, as `npm start` runs it. */
export async function startEmulator(options: Omit<EmulatorOptions, 'uiDir'> = {}, port = 0) {
  const emulator = new Emulator({ ...options, uiDir: builtUi() });
  const listening = await within('starting the emulator', emulator.listen(port, '127.0.0.1'));
  return {
    emulator,
    url: listening.url,
    port: listening.port,
    close: () => within('closing the emulator', emulator.close()),
  };
}

/** Opens the UI at `hash` and waits until the live socket is connected, so no event can be missed. */
export async function openUi(
  browser: BrowserContext,
  url: string,
  viewport: { width: number; height: number },
  hash = '#/phones',
): Promise<{ page: Page; errors: string[] }> {
  const page = await within('opening a browser tab', browser.newPage());
  // A tab that stopped answering must not keep the test from reporting what went wrong.
  const close = page.close.bind(page);
  page.close = (options) => within('closing the browser tab', close(options));
  await page.setViewportSize(viewport);
  // Fail within the test's own timeout, with the locator that did not appear, rather than Playwright's 30 s.
  page.setDefaultTimeout(15_000);
  // A first load in a browser that has just started (and the emulator's UI files read for the first time)
  // can take longer than that on a busy machine; still well within the test's own timeout.
  page.setDefaultNavigationTimeout(30_000);
  const errors = collectErrors(page);
  await page.goto(`${url}/${hash}`);
  await page.getByRole('status', { name: 'Live updates: Live' }).waitFor();
  return { page, errors };
}

/** The phone of a customer, by name, as a locator. */
export function phoneOf(page: Page, name = 'John Doe') {
  return page.getByRole('article', { name: new RegExp(`Phone of ${name}`) });
}
