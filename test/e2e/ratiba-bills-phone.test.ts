import { expect } from 'vitest';
import { PHONE, screenshot } from './support/browser.js';
import { browserSuite } from './support/browser-suite.js';
import { openUi, phoneOf, startEmulator } from './support/emulator-page.js';
import { accessToken, darajaPost, MSISDN, PIN } from './support/stk-push.js';

const suite = browserSuite();
const { e2e } = suite;
const DAY = 24 * 60 * 60 * 1000;

e2e(
  'a standing order is approved with the PIN on the phone, then debited monthly as the emulator clock moves',
  async () => {
    const emu = await startEmulator({ clock: 'manual' });
    try {
      const { page, errors } = await openUi(suite.browser, emu.url, PHONE);
      const phone = phoneOf(page);
      await phone.getByText('Ksh 50,000.00').waitFor();

      const created = await darajaPost(emu.url, '/standingorder/v1/createStandingOrderExternal', {
        StandingOrderName: 'Gym membership',
        StartDate: '20260105',
        EndDate: '20261231',
        BusinessShortCode: '600984',
        TransactionType: 'Standing Order Pay Bill External Third Party',
        ReceiverPartyIdentifierType: '4',
        Amount: '500',
        PartyA: MSISDN,
        CallBackURL: suite.sink.url('/ratiba'),
        AccountReference: 'GYM001',
        TransactionDesc: 'Membership',
        Frequency: '5',
      });
      expect(created.status).toBe(200);

      const prompt = phone.getByRole('dialog', { name: /Approve standing order Gym membership/ });
      await prompt.waitFor();
      expect(await prompt.textContent()).toContain(
        'pay Ksh 500 to Safaricom Daraja 984 account GYM001 every month from 05/01/2026 to 31/12/2026',
      );
      await screenshot(page, 'phone-390-ratiba-prompt');
      await prompt.getByLabel('M-PESA PIN').focus();
      await page.keyboard.type(PIN);
      await page.keyboard.press('Enter');
      await phone.getByText('Standing order approved: Ksh 500 to Safaricom Daraja 984.').waitFor();
      // The manual clock sends what is due only when it moves.
      await emu.emulator.advance(0);
      const callback = await suite.sink.next((r) => r.path === '/ratiba');
      expect(
        (callback.body as { responseHeader: { responseCode: string } }).responseHeader.responseCode,
      ).toBe('0');

      // Two months pass in one step: the January and February debits run and reach the phone live.
      await emu.emulator.advance(45 * DAY);
      await phone.getByText('Ksh 49,000.00').waitFor();
      await phone.getByRole('button', { name: 'M-PESA' }).click();
      await phone.getByRole('button', { name: 'Standing orders (Ratiba)' }).click();
      const order = phone.getByRole('listitem', { name: 'Standing order Gym membership' });
      await order.getByText(/Active; paid 2 times/).waitFor();
      await screenshot(page, 'phone-390-standing-orders');
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      await emu.close();
    }
  },
);

e2e('an invoice sent through Bill Manager is paid from My Bills and pushed to the biller', async () => {
  const emu = await startEmulator({ clock: 'manual' });
  try {
    const { page, errors } = await openUi(suite.browser, emu.url, PHONE);
    const phone = phoneOf(page);
    await phone.getByText('Ksh 50,000.00').waitFor();

    const optIn = await darajaPost(emu.url, '/v1/billmanager-invoice/optin', {
      shortcode: '600000',
      email: 'billing@water.example',
      officialContact: '0710000000',
      sendReminders: '1',
      callbackurl: suite.sink.url('/bills'),
    });
    const appKey = (JSON.parse(optIn.body ?? '{}') as { app_key: string }).app_key;
    const sent = await fetch(`${emu.url}/v1/billmanager-invoice/single-invoicing`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await accessToken(emu.url)}`,
        'content-type': 'application/json',
        appKey,
      },
      body: JSON.stringify({
        externalReference: 'W-2026-01',
        billedFullName: 'John Doe',
        billedPhoneNumber: '0708374149',
        billedPeriod: 'January 2026',
        invoiceName: 'Water',
        dueDate: '2026-01-31',
        accountReference: 'METER-9',
        amount: '450',
      }),
    });
    expect(sent.status).toBe(200);
    await phone.getByText(/your Water invoice W-2026-01 for January 2026 of Ksh450\.00/).waitFor();

    await phone.getByRole('button', { name: 'M-PESA' }).click();
    await phone.getByRole('button', { name: 'My Bills' }).click();
    const bill = phone.getByRole('listitem', { name: 'Bill W-2026-01' });
    await bill.getByRole('button', { name: 'Pay W-2026-01' }).click();
    const form = phone.getByRole('form', { name: 'Pay bill W-2026-01' });
    await form.getByLabel('M-PESA PIN').fill(PIN);
    await screenshot(page, 'phone-390-bill-payment');
    await form.getByRole('button', { name: 'Send' }).click();
    await phone.getByText('Paid Ksh 450 to Safaricom Daraja 000 for Water.').waitFor();
    await phone.getByText('No bills to pay.').waitFor();

    await emu.emulator.runAll();
    const push = await suite.sink.next((r) => r.path === '/bills');
    expect(push.body).toMatchObject({ paidAmount: '450', accountReference: 'METER-9', shortCode: '600000' });
    expect(errors).toEqual([]);
    await page.close();
  } finally {
    await emu.close();
  }
});
