import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { artifactsDir, DESKTOP } from './support/browser.js';
import { browserSuite } from './support/browser-suite.js';
import { openUi, startEmulator } from './support/emulator-page.js';
import { seedHistory } from './support/seed-history.js';

const suite = browserSuite();
const { e2e } = suite;
const COUNT = 10_000;

/**
 * Milliseconds, measured in the page, from `act` until an element matching `selector` holds `text`:
 * the time a person waits for the rows after opening a list or changing a filter.
 */
async function timeUntil(page: Page, act: string, selector: string, text: string): Promise<number> {
  return page.evaluate(
    ({ act, selector, text }) =>
      new Promise<number>((resolve) => {
        const start = performance.now();
        // `act` is a hash to open or a `label=value` filter to set.
        if (act.startsWith('#')) location.hash = act;
        else {
          const [label, value] = act.split('=') as [string, string];
          const field = [...document.querySelectorAll('label')].find((l) => l.textContent?.trim() === label)
            ?.control as HTMLSelectElement | HTMLInputElement | null;
          if (!field) throw new Error(`no field ${label}`);
          if (field instanceof HTMLInputElement && field.type === 'checkbox') field.click();
          else {
            const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field), 'value')?.set;
            setter?.call(field, value);
            field.dispatchEvent(new Event('change', { bubbles: true }));
            field.dispatchEvent(new Event('input', { bubbles: true }));
          }
        }
        const check = () => {
          const found = [...document.querySelectorAll(selector)].some((el) => el.textContent?.includes(text));
          if (found) resolve(performance.now() - start);
          else requestAnimationFrame(check);
        };
        check();
      }),
    { act, selector, text },
  );
}

e2e(
  'with 10,000 transactions, journal entries and deliveries every list opens and filters on the server (figures reported)',
  async () => {
    const emu = await startEmulator({
      clock: 'manual',
      history: { transactions: 20_000, journal: 20_000, deliveries: 20_000 },
    });
    seedHistory(emu.emulator, COUNT, suite.sink.url('/seeded'));
    const { page, errors } = await openUi(suite.browser, emu.url, DESKTOP, '#/settings');
    try {
      const footer = '.list-footer p';
      const figures: Record<string, number> = {
        'transactions: open': await timeUntil(page, '#/transactions', footer, 'of 10,000 transactions'),
        'transactions: filter by status': await timeUntil(
          page,
          'Status=failed',
          footer,
          'of 3,334 transactions',
        ),
      };
      await page.goto(`${emu.url}/#/settings`);
      await page.getByRole('button', { name: 'Save settings' }).waitFor();
      figures['journal: open'] = await timeUntil(page, '#/journal', footer, 'of 10,000 requests');
      figures['journal: rejections only'] = await timeUntil(
        page,
        'Rejections only=',
        footer,
        'of 100 rejected requests',
      );
      figures['callbacks: open'] = await timeUntil(page, '#/deliveries', footer, 'of 10,000 callbacks');
      figures['callbacks: filter by transaction'] = await timeUntil(
        page,
        'Transaction=ws_CO_SEED004242',
        footer,
        'All 1 callbacks shown.',
      );
      expect(
        await page
          .getByRole('table', { name: /Callback deliveries/ })
          .locator('tbody tr')
          .count(),
      ).toBe(1);

      const rounded = Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, Math.round(v)]));
      mkdirSync(artifactsDir, { recursive: true });
      writeFileSync(join(artifactsDir, 'scale-figures.json'), `${JSON.stringify(rounded, null, 2)}\n`);
      console.log(`List timings with ${COUNT} records each (ms):`, rounded);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
      await emu.close();
    }
  },
  120_000,
);
