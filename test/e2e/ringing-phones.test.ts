import { expect } from 'vitest';
import { DESKTOP, PHONE } from './support/browser.js';
import { browserSuite } from './support/browser-suite.js';
import { openUi, phoneOf, startEmulator } from './support/emulator-page.js';
import { PIN, sendStkPush } from './support/stk-push.js';

const suite = browserSuite();
const { e2e } = suite;
const JANE = '254712345678';

e2e(
  'on a phone-width screen the Phones tab counts ringing phones, and a phone not on screen comes up in one click',
  async () => {
    const emu = await startEmulator();
    const { page, errors } = await openUi(suite.browser, emu.url, PHONE, '#/transactions');
    try {
      await sendStkPush(emu.url, {
        amount: 250,
        accountReference: 'JANE-1',
        callbackUrl: suite.sink.url('/r'),
        phone: JANE,
      });
      await page.getByRole('link', { name: 'Phones (1 ringing)' }).waitFor();
      const bar = page.getByRole('complementary', { name: 'Ringing phones' });
      await bar.getByText('Jane Wanjiku is asked to pay Ksh 250').waitFor();

      await bar.getByRole('link', { name: "Answer on Jane Wanjiku's phone" }).click();
      const jane = phoneOf(page, 'Jane Wanjiku');
      await jane.getByRole('dialog').getByLabel('M-PESA PIN').fill(PIN);
      await jane.getByRole('dialog').getByRole('button', { name: 'OK' }).click();
      await jane.getByText(/Paid Ksh 250/).waitFor();
      await page.getByRole('link', { name: 'Phones', exact: true }).waitFor();
      expect(await bar.count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
      await emu.close();
    }
  },
);

e2e(
  'on a wide screen a ringing phone that is not shown is announced with an Answer link; one on screen is not',
  async () => {
    const emu = await startEmulator();
    const { page, errors } = await openUi(suite.browser, emu.url, DESKTOP, '#/journal');
    try {
      await sendStkPush(emu.url, {
        amount: 7,
        accountReference: 'JOHN-1',
        callbackUrl: suite.sink.url('/r'),
      });
      await phoneOf(page).getByRole('dialog').waitFor();
      expect(await page.getByRole('complementary', { name: 'Ringing phones' }).isVisible()).toBe(false);
      await sendStkPush(emu.url, {
        amount: 8,
        accountReference: 'JANE-2',
        callbackUrl: suite.sink.url('/r'),
        phone: JANE,
      });
      await page.getByRole('link', { name: "Answer on Jane Wanjiku's phone" }).click();
      await phoneOf(page, 'Jane Wanjiku').getByRole('dialog').waitFor();
      expect(errors).toEqual([]);
    } finally {
      await page.close();
      await emu.close();
    }
  },
);

e2e(
  'an SMS to a phone that is not on screen counts as unread on the Phones tab until that phone is shown',
  async () => {
    const emu = await startEmulator();
    const { page, errors } = await openUi(suite.browser, emu.url, PHONE, '#/transactions');
    try {
      const paid = await fetch(`${emu.url}/_emulator/c2b/payments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ shortcode: '600000', msisdn: JANE, amount: 10, billRefNumber: 'SMS-1' }),
      });
      expect(paid.status).toBe(201);
      await page.getByRole('link', { name: 'Phones (1 unread)' }).click();
      await page.getByText('Add a phone').click();
      await page.getByLabel('Customer', { exact: true }).selectOption(JANE);
      await page.getByRole('button', { name: 'Show phone' }).click();
      await phoneOf(page, 'Jane Wanjiku')
        .getByText(/Confirmed\. Ksh ?10/i)
        .waitFor();
      await page.getByRole('link', { name: 'Phones', exact: true }).waitFor();
      expect(errors).toEqual([]);
    } finally {
      await page.close();
      await emu.close();
    }
  },
);
