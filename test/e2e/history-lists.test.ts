import { expect } from 'vitest';
import { DESKTOP } from './support/browser.js';
import { browserSuite } from './support/browser-suite.js';
import { openUi, startEmulator } from './support/emulator-page.js';
import { seedHistory } from './support/seed-history.js';

const suite = browserSuite();
const { e2e } = suite;

e2e(
  'past 200 requests the journal filters rejections on the server and every list says how many there are',
  async () => {
    const emu = await startEmulator({ clock: 'manual' });
    // 300 requests; the 100th, 200th and 300th were rejected, so the oldest rejection is not among the newest 200.
    seedHistory(emu.emulator, 300, suite.sink.url('/seeded'));
    const { page, errors } = await openUi(suite.browser, emu.url, DESKTOP, '#/journal');
    try {
      await page.getByText('Showing the newest 50 of 300 requests.').waitFor();
      await page.getByLabel('Rejections only').check();
      await page.getByText('All 3 rejected requests shown.').waitFor();
      expect(await page.locator('li.journal-entry.rejected').count()).toBe(3);

      await page.goto(`${emu.url}/#/transactions`);
      await page.getByText('Showing the newest 50 of 300 transactions.').waitFor();
      await page.getByRole('button', { name: 'Show 50 more' }).click();
      await page.getByText('Showing the newest 100 of 300 transactions.').waitFor();
      expect(
        await page
          .getByRole('table', { name: /Transactions/ })
          .locator('tbody tr')
          .count(),
      ).toBe(100);
      await page.getByLabel('Status').selectOption('failed');
      await page.getByText('Showing the newest 50 of 100 transactions.').waitFor();
      expect(errors).toEqual([]);
    } finally {
      await page.close();
      await emu.close();
    }
  },
);
