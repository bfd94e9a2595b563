import { expect } from 'vitest';
import { screenshot } from './support/browser.js';
import { browserSuite } from './support/browser-suite.js';
import { openUi, phoneOf, startEmulator } from './support/emulator-page.js';
import { sendStkPush } from './support/stk-push.js';

const suite = browserSuite();
const { e2e } = suite;

const extra = ['254712345678', '254722000000', '254110000001', '254700000005'];

e2e(
  'with five phones the dashboard stays readable from 390 to 1920 px: nothing clipped, nothing sideways',
  async () => {
    const emu = await startEmulator({
      world: { customers: [{ msisdn: '254700000005', name: 'Wanjiru Kamau', pin: '1234', balance: 900 }] },
    });
    // Five phones chosen before the page opens, as a returning user would have them.
    const { page, errors } = await openUi(
      suite.browser,
      emu.url,
      { width: 1024, height: 800 },
      '#/transactions',
    );
    try {
      await page.evaluate(
        (list) => localStorage.setItem('daraja-emulator.phones', JSON.stringify(list)),
        ['254708374149', ...extra],
      );
      await page.reload();
      await phoneOf(page, 'Wanjiru Kamau').waitFor();
      expect(await page.getByRole('article', { name: /^Phone of / }).count()).toBe(5);
      await sendStkPush(emu.url, {
        amount: 1999,
        accountReference: 'A-LONG-ACCOUNT-REFERENCE-42',
        callbackUrl: suite.sink.url('/layout'),
        phone: '254722000000',
      });
      const table = page.getByRole('table', { name: /Transactions/ });
      await table.getByText('A-LONG-ACCOUNT-REFERENCE-42').waitFor();

      for (const width of [390, 768, 1024, 1280, 1920]) {
        await page.setViewportSize({ width, height: 900 });
        // Every cell shows all of its text, inside the window.
        const clipped = await table.evaluate((el) =>
          [...el.querySelectorAll('td')]
            .filter((td) => {
              const box = td.getBoundingClientRect();
              return td.scrollWidth > td.clientWidth + 1 || box.right > window.innerWidth + 1;
            })
            .map((td) => `${td.dataset.label}: ${td.textContent}`),
        );
        expect(clipped, `at ${width} px`).toEqual([]);
        if (width >= 1000) {
          const pane = await page.locator('.dashboard-pane').boundingBox();
          expect(pane?.width ?? 0, `dashboard width at ${width} px`).toBeGreaterThanOrEqual(width / 2 - 40);
        }
        await screenshot(page, `layout-five-phones-${width}`);
      }
      expect(errors).toEqual([]);
    } finally {
      await page.close();
      await emu.close();
    }
  },
);
