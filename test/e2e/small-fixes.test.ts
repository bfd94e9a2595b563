import { expect } from 'vitest';
import { DESKTOP, PHONE } from './support/browser.js';
import { browserSuite } from './support/browser-suite.js';
import { openUi, phoneOf, startEmulator } from './support/emulator-page.js';
import { PIN, sendStkPush, acceptPrompt } from './support/stk-push.js';

const suite = browserSuite();
const { e2e } = suite;

e2e('under the manual clock the header says time is frozen', async () => {
  const emu = await startEmulator({ clock: 'manual' });
  const { page, errors } = await openUi(suite.browser, emu.url, PHONE, '#/transactions');
  try {
    await page
      .getByRole('banner')
      .getByText(/Time frozen at .* \(manual clock\)/)
      .waitFor();
    expect(errors).toEqual([]);
  } finally {
    await page.close();
    await emu.close();
  }
});

e2e('transaction rows have column headings and show the receipt and the CheckoutRequestID', async () => {
  const emu = await startEmulator();
  const { page, errors } = await openUi(suite.browser, emu.url, DESKTOP, '#/transactions');
  try {
    const ack = await sendStkPush(emu.url, {
      amount: 9,
      accountReference: 'COLS-1',
      callbackUrl: suite.sink.url('/c'),
    });
    const paid = (await acceptPrompt(emu.url, ack.CheckoutRequestID, PIN)).body as { receipt: string };
    const table = page.getByRole('table', { name: /Transactions/ });
    const headings = await table.getByRole('columnheader').allTextContents();
    expect(headings).toEqual(expect.arrayContaining(['Time', 'Status', 'Amount', 'Phone', 'Receipt', 'ID']));
    await table.getByText(paid.receipt).waitFor();
    await table.getByText(ack.CheckoutRequestID).waitFor();
    expect(errors).toEqual([]);
  } finally {
    await page.close();
    await emu.close();
  }
});

e2e(
  'an outcome notice on the phone gives way to the next prompt and does not come back when that prompt goes',
  async () => {
    const emu = await startEmulator();
    const { page, errors } = await openUi(suite.browser, emu.url, PHONE);
    try {
      const phone = phoneOf(page);
      await sendStkPush(emu.url, { amount: 11, accountReference: 'N-1', callbackUrl: suite.sink.url('/n') });
      await phone.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
      await phone.getByText(/Not paid/).waitFor();
      await sendStkPush(emu.url, { amount: 12, accountReference: 'N-2', callbackUrl: suite.sink.url('/n') });
      await phone.getByRole('dialog').waitFor();
      // The emulator is reset: the open prompt is gone, and the notice about the first one no longer applies.
      await fetch(`${emu.url}/_emulator/reset`, { method: 'POST' });
      await phone.getByRole('button', { name: 'M-PESA' }).waitFor();
      expect(await phone.getByText(/Not paid/).count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
      await emu.close();
    }
  },
);

e2e(
  'a story opened straight from its link asks for an unknown transaction once and says it is unknown',
  async () => {
    const emu = await startEmulator();
    const page = await suite.browser.newPage();
    try {
      const asked: string[] = [];
      page.on('request', (request) => {
        if (request.url().includes('/_emulator/transactions/ws_CO_NOPE')) asked.push(request.url());
      });
      await page.goto(`${emu.url}/#/transactions/ws_CO_NOPE`);
      await page.getByRole('status', { name: 'Live updates: Live' }).waitFor();
      await page.getByText('No transaction ws_CO_NOPE.').waitFor();
      await page.waitForLoadState('networkidle');
      expect(asked).toHaveLength(1);
    } finally {
      await page.close();
      await emu.close();
    }
  },
);
