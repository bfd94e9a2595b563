import { expect } from 'vitest';
import { DESKTOP, PHONE, screenshot } from './support/browser.js';
import { browserSuite } from './support/browser-suite.js';
import { openUi, phoneOf, startEmulator } from './support/emulator-page.js';
import { MANUAL_CLOCK_TIMESTAMP, PIN, resultCodeOf, sendStkPush } from './support/stk-push.js';

const suite = browserSuite();
const { e2e } = suite;

e2e(
  'a pushed prompt is paid with the PIN: the phone gets the SMS and new balance, the dashboard the delivered callback',
  async () => {
    const emu = await startEmulator();
    try {
      const { page, errors } = await openUi(suite.browser, emu.url, PHONE);
      const phone = phoneOf(page);
      await phone.getByText('Ksh 50,000.00').waitFor();

      const ack = await sendStkPush(emu.url, {
        amount: 1,
        accountReference: 'INV-001',
        callbackUrl: suite.sink.url('/stk/paid'),
      });
      const prompt = phone.getByRole('dialog');
      await prompt.waitFor();
      // Live means live: the prompt comes to the open page by itself, with no reload.
      expect(await prompt.textContent()).toContain(
        'Do you want to pay Ksh 1 to DARAJA SANDBOX account no INV-001? Enter M-PESA PIN',
      );
      expect(await prompt.textContent()).toMatch(/Expires in [01]:\d\d/);
      await screenshot(page, 'phone-390-stk-prompt');

      // Keyboard only: type the PIN and press Enter.
      await prompt.getByLabel('M-PESA PIN').focus();
      await page.keyboard.type(PIN);
      await page.keyboard.press('Enter');

      await phone.getByText('Paid Ksh 1 to DARAJA SANDBOX.').waitFor();
      await phone.getByText('Ksh 49,999.00').waitFor();
      const sms = phone.getByRole('region', { name: 'Messages' }).getByRole('listitem').first();
      await sms.getByText(/Confirmed/).waitFor();
      expect(await sms.textContent()).toMatch(/Ksh1\.00 (paid|sent) to DARAJA SANDBOX/i);
      const callback = await suite.sink.next((r) => r.path === '/stk/paid');
      expect(resultCodeOf(callback.body)).toBe(0);
      await screenshot(page, 'phone-390-after-payment');

      // The dashboard at phone width: one pane at a time, chosen from the tabs.
      await page.getByRole('link', { name: 'Transactions' }).click();
      await page.getByRole('table', { name: 'Transactions, newest first' }).getByRole('link').first().click();
      await page
        .getByRole('article', { name: /^Delivery / })
        .getByText('delivered')
        .waitFor();
      await screenshot(page, 'phone-390-transaction-story');

      // The same story on the dashboard, at desktop width.
      await page.setViewportSize(DESKTOP);
      await page.goto(`${emu.url}/#/transactions/${encodeURIComponent(ack.CheckoutRequestID)}`);
      const delivery = page.getByRole('article', { name: /^Delivery / });
      await delivery.getByText('delivered').waitFor();
      expect(await delivery.textContent()).toContain('HTTP 200');
      expect(await delivery.textContent()).toContain('"ResultCode": 0');
      expect(await page.getByText(/decided by/).textContent()).toContain(
        'The service request is processed successfully.',
      );
      await screenshot(page, 'desktop-transaction-story');

      await page.goto(`${emu.url}/#/transactions`);
      await page
        .getByRole('table', { name: 'Transactions, newest first' })
        .getByRole('link')
        .first()
        .waitFor();
      await screenshot(page, 'desktop-transactions');
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      await emu.close();
    }
  },
);

e2e('Cancel on the phone sends the cancelled callback; a wrong PIN fails the payment', async () => {
  const emu = await startEmulator();
  try {
    const { page, errors } = await openUi(suite.browser, emu.url, PHONE);
    const phone = phoneOf(page);
    await sendStkPush(emu.url, {
      amount: 10,
      accountReference: 'CANCEL-1',
      callbackUrl: suite.sink.url('/stk/cancel'),
    });
    await phone.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await phone.getByText('Not paid: Request cancelled by user (result 1032)').waitFor();
    expect(resultCodeOf((await suite.sink.next((r) => r.path === '/stk/cancel')).body)).toBe(1032);
    await screenshot(page, 'phone-390-cancelled');

    await sendStkPush(emu.url, {
      amount: 10,
      accountReference: 'PIN-1',
      callbackUrl: suite.sink.url('/stk/wrong-pin'),
    });
    await phone.getByRole('dialog').getByLabel('M-PESA PIN').fill('0000');
    await phone.getByRole('dialog').getByRole('button', { name: 'OK' }).click();
    await phone.getByText('Not paid: The initiator information is invalid. (result 2001)').waitFor();
    await phone
      .getByText(/wrong PIN/)
      .first()
      .waitFor();
    expect(resultCodeOf((await suite.sink.next((r) => r.path === '/stk/wrong-pin')).body)).toBe(2001);
    await phone.getByText('Ksh 50,000.00').waitFor();
    await screenshot(page, 'phone-390-wrong-pin');
    expect(errors).toEqual([]);
    await page.close();
  } finally {
    await emu.close();
  }
});

e2e(
  'an ignored prompt counts down on the emulator clock and times out when the dashboard advances it',
  async () => {
    const emu = await startEmulator({ clock: 'manual' });
    try {
      const { page, errors } = await openUi(suite.browser, emu.url, DESKTOP, '#/settings');
      const phone = phoneOf(page);
      await sendStkPush(emu.url, {
        amount: 5,
        accountReference: 'SLOW-1',
        callbackUrl: suite.sink.url('/stk/timeout'),
        timestamp: MANUAL_CLOCK_TIMESTAMP,
      });
      const prompt = phone.getByRole('dialog');
      await prompt.getByText('Expires in 1:00').waitFor();
      await page
        .getByRole('listitem')
        .filter({ hasText: /stk timeout/ })
        .waitFor();

      await page.getByLabel('Advance by (seconds)').fill('45');
      await page.getByRole('button', { name: 'Advance' }).click();
      await prompt.getByText('Expires in 0:15').waitFor();
      await screenshot(page, 'desktop-settings-manual-clock');

      await page.getByLabel('Advance by (seconds)').fill('15');
      await page.getByRole('button', { name: 'Advance' }).click();
      await prompt.waitFor({ state: 'detached' });
      await phone.getByText('Not paid: No response from user. (result 1037)').waitFor();
      expect(resultCodeOf((await suite.sink.next((r) => r.path === '/stk/timeout')).body)).toBe(1037);
      await screenshot(page, 'desktop-timed-out');
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      await emu.close();
    }
  },
);
