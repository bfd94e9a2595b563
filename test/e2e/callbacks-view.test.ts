import { expect } from 'vitest';
import { DESKTOP, PHONE } from './support/browser.js';
import { browserSuite } from './support/browser-suite.js';
import { openUi, startEmulator } from './support/emulator-page.js';
import { seedHistory } from './support/seed-history.js';

const suite = browserSuite();
const { e2e } = suite;

e2e(
  'the Callbacks view lists 200 deliveries one line each, filters them, and opens one in a detail pane',
  async () => {
    const emu = await startEmulator({ clock: 'manual' });
    seedHistory(emu.emulator, 200, suite.sink.url('/seeded'));
    const { page, errors } = await openUi(suite.browser, emu.url, DESKTOP, '#/deliveries');
    try {
      const table = page.getByRole('table', { name: /Callback deliveries/ });
      await page.getByText('Showing the newest 50 of 200 callbacks.').waitFor();
      // One line per delivery: the page stays a few screens long, not one expanded card per delivery.
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      expect(height).toBeLessThan(5_000);
      expect(await page.getByRole('article').filter({ hasText: 'Request body' }).count()).toBe(0);

      await page.getByLabel('Transaction').fill('ws_CO_SEED000007');
      await page.getByText('All 1 callbacks shown.').waitFor();
      await page.getByLabel('Transaction').fill('');
      await page.getByLabel('Status').selectOption('delivered');
      await page.getByText('No callbacks match.').waitFor();
      await page.getByLabel('Status').selectOption('scheduled');
      await page.getByLabel('Kind').selectOption('stk-callback');
      await page.getByText('Showing the newest 50 of 200 callbacks.').waitFor();
      await page.getByLabel('Search callbacks').fill('SEED000123');
      await page.getByText('All 1 callbacks shown.').waitFor();

      await table.getByRole('link').first().click();
      const detail = page.getByRole('article', { name: /^Delivery / });
      await detail.getByText('Request body').waitFor();
      await detail.getByText('"seeded": 123').waitFor();
      expect(page.url()).toMatch(/#\/deliveries\/.+/);

      await page.setViewportSize(PHONE);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
      await emu.close();
    }
  },
);
