import { expect } from 'vitest';
import { DESKTOP } from './support/browser.js';
import { browserSuite } from './support/browser-suite.js';
import { openUi, startEmulator } from './support/emulator-page.js';
import { sendStkPush } from './support/stk-push.js';

const suite = browserSuite();
const { e2e } = suite;

e2e(
  'after Resend the delivery shows the newest state even when the answer to the click comes after the live event',
  async () => {
    const emu = await startEmulator();
    const { page, errors } = await openUi(suite.browser, emu.url, DESKTOP, '#/journal');
    try {
      const ack = await sendStkPush(emu.url, {
        amount: 5,
        accountReference: 'RESEND-1',
        callbackUrl: suite.sink.url('/stk/resend'),
      });
      await fetch(`${emu.url}/_emulator/stk/${ack.CheckoutRequestID}/decline`, { method: 'POST' });
      await suite.sink.next((r) => r.path === '/stk/resend');

      // The transaction's story shows its delivery as a card with a Resend button.
      await page.goto(`${emu.url}/#/transactions/${ack.CheckoutRequestID}`);
      const card = page.getByRole('article', { name: /^Delivery / });
      await card.getByText('Attempt 1 at').waitFor();

      // The answer to the click is held back until the resent callback has been delivered and its live event
      // has reached the page: the slow-network order that used to leave the card on "scheduled".
      await page.route('**/_emulator/deliveries/*/resend', async (route) => {
        const response = await route.fetch();
        await card.getByText('Attempt 2 at').waitFor();
        await route.fulfill({ response });
      });
      // The held-back answer must have reached the page before the card is judged or the page moves on.
      const answered = page.waitForResponse((response) => response.url().includes('/resend'));
      await card.getByRole('button', { name: 'Resend' }).click();
      await answered;
      await card.getByRole('button', { name: 'Resend' }).waitFor();
      await expect.poll(() => card.locator('.card-head .badge').first().textContent()).toBe('delivered');
      await page.goto(`${emu.url}/#/deliveries`);
      await page.getByRole('link', { name: /stk-callback delivery, delivered/ }).waitFor();
      expect(suite.sink.received.filter((r) => r.path === '/stk/resend')).toHaveLength(2);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
      await emu.close();
    }
  },
  60_000,
);
