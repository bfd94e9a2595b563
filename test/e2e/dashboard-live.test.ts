import { expect } from 'vitest';
import { DESKTOP, PHONE, screenshot } from './support/browser.js';
import { browserSuite } from './support/browser-suite.js';
import { openUi, phoneOf, startEmulator } from './support/emulator-page.js';
import { darajaPost, PIN, sendStkPush } from './support/stk-push.js';
import { unlabelledControls } from './support/unlabelled.js';

// The app under test: it refuses C2B payments whose account number starts with "BAD".
const suite = browserSuite((path, body) =>
  path === '/c2b/validate' && String((body as { BillRefNumber?: unknown }).BillRefNumber).startsWith('BAD')
    ? { ResultCode: 'C2B00012', ResultDesc: 'Invalid Account Number' }
    : { ResultCode: 0, ResultDesc: 'Accepted' },
);
const { e2e } = suite;

/** Chromium logs refused connections while the emulator is down; those are the test's doing, not the UI's. */
const restartNoise = /WebSocket connection to .* failed|ERR_CONNECTION_REFUSED|Failed to load resource/;

e2e(
  'the UI reconnects by itself after the emulator restarts, and shows the new emulator’s state',
  async () => {
    let emu = await startEmulator();
    const port = emu.port;
    const { page, errors } = await openUi(suite.browser, emu.url, PHONE);
    try {
      await phoneOf(page).getByText('Ksh 50,000.00').waitFor();
      await emu.close();
      await page.getByRole('status', { name: /Live updates: (Disconnected|Connecting)/ }).waitFor();
      await screenshot(page, 'phone-390-emulator-down');

      emu = await startEmulator(
        { world: { customers: [{ msisdn: '254708374149', name: 'John Doe', pin: PIN, balance: 777 }] } },
        port,
      );
      await page.getByRole('status', { name: 'Live updates: Live' }).waitFor({ timeout: 10_000 });
      // The hello of the new connection makes every list fetch again: the new world's balance shows.
      await phoneOf(page).getByText('Ksh 777.00').waitFor();
      await sendStkPush(emu.url, {
        amount: 1,
        accountReference: 'AFTER-RESTART',
        callbackUrl: suite.sink.url('/stk/restart'),
      });
      await phoneOf(page).getByRole('dialog').waitFor();
      expect(errors.filter((e) => !restartNoise.test(e))).toEqual([]);
    } finally {
      await page.close();
      await emu.close();
    }
  },
);

e2e('the journal explains a rejected request in plain English', async () => {
  const emu = await startEmulator();
  try {
    const { page, errors } = await openUi(suite.browser, emu.url, DESKTOP, '#/journal');
    const rejected = await darajaPost(emu.url, '/mpesa/stkpush/v1/processrequest', {
      BusinessShortCode: '174379',
      Password: 'bm90IHRoZSByaWdodCBwYXNzd29yZA==',
      Timestamp: '20260101120000',
      TransactionType: 'CustomerPayBillOnline',
      Amount: 1,
      PartyA: '254708374149',
      PartyB: '174379',
      PhoneNumber: '254708374149',
      CallBackURL: suite.sink.url('/stk/never'),
      AccountReference: 'X',
      TransactionDesc: 'x',
    });
    expect(rejected.status).toBeGreaterThanOrEqual(400);
    const entry = page.locator('li.journal-entry.rejected').first();
    await entry.waitFor();
    const explanation = entry.getByRole('list', { name: 'Explanation' });
    expect((await explanation.textContent())?.length).toBeGreaterThan(10);
    await entry.getByRole('button', { expanded: false }).click();
    await entry.getByText('Response body').waitFor();
    await screenshot(page, 'desktop-journal');

    await page.setViewportSize(PHONE);
    await screenshot(page, 'phone-390-journal');
    expect(errors).toEqual([]);
    await page.close();
  } finally {
    await emu.close();
  }
});

e2e(
  'Pay Bill from the phone’s M-PESA menu goes through the app’s validation: rejected, then paid',
  async () => {
    const emu = await startEmulator();
    try {
      const registered = await darajaPost(emu.url, '/mpesa/c2b/v2/registerurl', {
        ShortCode: '600000',
        ResponseType: 'Completed',
        ConfirmationURL: suite.sink.url('/c2b/confirm'),
        ValidationURL: suite.sink.url('/c2b/validate'),
      });
      expect(registered.status).toBe(200);
      const validation = await fetch(`${emu.url}/_emulator/c2b/shortcodes/600000/validation`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ enabled: true }),
      });
      expect(validation.status).toBe(200);

      const { page, errors } = await openUi(suite.browser, emu.url, PHONE);
      const phone = phoneOf(page);
      await phone.getByRole('button', { name: 'M-PESA' }).click();
      await phone.getByRole('button', { name: 'Lipa na M-PESA' }).click();
      await phone.getByRole('button', { name: 'Pay Bill' }).click();
      await phone.getByLabel('Business no.').fill('600000');
      await phone.getByLabel('Account no.').fill('BAD-1');
      await phone.getByLabel('Amount').fill('100');
      await phone.getByLabel('M-PESA PIN').fill(PIN);
      await phone.getByRole('button', { name: 'Send' }).click();
      await phone.getByText(/did not accept the payment/).waitFor();
      await screenshot(page, 'phone-390-paybill-rejected');
      expect(suite.sink.received.some((r) => r.path === '/c2b/validate')).toBe(true);

      await phone.getByLabel('Account no.').fill('ACC-1');
      await phone.getByLabel('M-PESA PIN').fill(PIN);
      await phone.getByRole('button', { name: 'Send' }).click();
      await phone.getByText(/confirmed\. Ksh 100 paid to /).waitFor();
      await suite.sink.next((r) => r.path === '/c2b/confirm');
      await phone.getByRole('button', { name: 'Back' }).click();
      await phone.getByText('Ksh 49,900.00').waitFor();
      await screenshot(page, 'phone-390-paybill-paid');

      await page.setViewportSize(DESKTOP);
      await page.goto(`${emu.url}/#/businesses`);
      const business = page.getByRole('article', { name: /600000/ });
      await business.getByText(suite.sink.url('/c2b/confirm')).waitFor();
      await screenshot(page, 'desktop-businesses');
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      await emu.close();
    }
  },
);

e2e(
  'phones side by side: a prompt rings only the phone it was pushed to; every control has a name',
  async () => {
    const emu = await startEmulator();
    try {
      const { page, errors } = await openUi(suite.browser, emu.url, DESKTOP, '#/transactions');
      await page.getByText('Add a phone').click();
      await page.getByLabel('Customer', { exact: true }).selectOption('254712345678');
      await page.getByRole('button', { name: 'Show phone' }).click();
      const jane = phoneOf(page, 'Jane Wanjiku');
      await jane.waitFor();
      await page.getByText('Add a phone').click();

      await sendStkPush(emu.url, {
        amount: 250,
        accountReference: 'JANE-1',
        callbackUrl: suite.sink.url('/stk/jane'),
        phone: '254712345678',
      });
      await jane.getByRole('dialog').waitFor();
      expect(await phoneOf(page).getByRole('dialog').count()).toBe(0);
      await page.getByRole('table', { name: 'Transactions, newest first' }).getByText('Ksh 250').waitFor();
      await screenshot(page, 'desktop-two-phones');

      for (const view of ['transactions', 'journal', 'deliveries', 'faults', 'businesses', 'settings']) {
        await page.goto(`${emu.url}/#/${view}`);
        await page.getByRole('heading', { level: 2 }).last().waitFor();
        expect(await unlabelledControls(page), view).toEqual([]);
      }
      await jane.getByRole('dialog').getByLabel('M-PESA PIN').fill(PIN);
      await jane.getByRole('dialog').getByRole('button', { name: 'OK' }).click();
      await jane.getByText('Ksh 19,750.00').waitFor();
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      await emu.close();
    }
  },
);
