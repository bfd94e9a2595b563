import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { DESKTOP } from './support/browser.js';
import { browserSuite } from './support/browser-suite.js';
import { openUi, phoneOf, startEmulator } from './support/emulator-page.js';
import { PIN, sendStkPush, acceptPrompt } from './support/stk-push.js';

const suite = browserSuite();

/** Runs a shell snippet as a developer would paste it; asynchronously, as the emulator answers from this process. */
async function bash(script: string): Promise<string> {
  return (await promisify(execFile)('bash', ['-c', script], { encoding: 'utf8' })).stdout;
}
const { e2e } = suite;

e2e(
  'one search box finds a transaction by CheckoutRequestID, MerchantRequestID, receipt, phone or account reference',
  async () => {
    const emu = await startEmulator();
    const { page, errors } = await openUi(suite.browser, emu.url, DESKTOP, '#/journal');
    try {
      const ack = await sendStkPush(emu.url, {
        amount: 70,
        accountReference: 'FIND-ME',
        callbackUrl: suite.sink.url('/f'),
      });
      const paid = (await acceptPrompt(emu.url, ack.CheckoutRequestID, PIN)).body as { receipt: string };
      const find = async (text: string) => {
        await page.getByRole('search').getByRole('searchbox').fill(text);
        await page.getByRole('search').getByRole('button', { name: 'Find' }).click();
      };
      for (const key of [ack.CheckoutRequestID, ack.MerchantRequestID, paid.receipt]) {
        await page.goto(`${emu.url}/#/journal`);
        await find(key);
        await page.getByRole('heading', { name: `Transaction ${ack.CheckoutRequestID}` }).waitFor();
      }
      await find('0708 374 149');
      await page.getByText('Matching “254708374149”').waitFor();
      await page
        .getByRole('table', { name: /Transactions/ })
        .getByText('FIND-ME')
        .waitFor();
      await find('find-me');
      await page.getByText('All 1 transactions shown.').waitFor();
      expect(errors).toEqual([]);
    } finally {
      await page.close();
      await emu.close();
    }
  },
);

e2e(
  'an empty emulator shows the curl for a first push, which works, and the dashboard form sends a real push',
  async () => {
    const emu = await startEmulator();
    const { page, errors } = await openUi(suite.browser, emu.url, DESKTOP, '#/transactions');
    try {
      await page.getByRole('heading', { name: 'No transactions yet' }).waitFor();
      const curl = (await page.getByLabel('First STK push (curl)').textContent()) ?? '';
      const answer = await bash(curl);
      expect(JSON.parse(answer)).toMatchObject({ ResponseCode: '0' });
      await phoneOf(page).getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
      await page.getByRole('table', { name: /Transactions/ }).waitFor();

      await page.goto(`${emu.url}/#/transactions`);
      await page.locator('summary', { hasText: 'Start a payment' }).click();
      await page.getByLabel('Amount (Ksh)').fill('33');
      await page.getByLabel('Account reference').fill('FROM-DASHBOARD');
      await page.getByLabel('CallBackURL').fill(suite.sink.url('/dashboard'));
      await page.getByRole('button', { name: 'Send STK push' }).click();
      await page.getByRole('heading', { name: /^Transaction ws_CO_/ }).waitFor();
      await phoneOf(page)
        .getByRole('dialog')
        .getByText(/pay Ksh 33 .*FROM-DASHBOARD/)
        .waitFor();
      const journal = (await (await fetch(`${emu.url}/_emulator/journal?limit=5`)).json()) as {
        path: string;
      }[];
      expect(journal.some((e) => e.path === '/mpesa/stkpush/v1/processrequest')).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
      await emu.close();
    }
  },
);

e2e(
  'a story, the journal and the deliveries export as JSON, and a transaction replays as a curl that runs',
  async () => {
    const emu = await startEmulator();
    const { page, errors } = await openUi(suite.browser, emu.url, DESKTOP, '#/journal');
    try {
      const ack = await sendStkPush(emu.url, {
        amount: 80,
        accountReference: 'EXPORT-1',
        callbackUrl: suite.sink.url('/x'),
      });
      await fetch(`${emu.url}/_emulator/stk/${ack.CheckoutRequestID}/decline`, { method: 'POST' });
      await suite.sink.next((r) => r.path === '/x');

      const saved = async (button: string) => {
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('button', { name: button }).click(),
        ]);
        return JSON.parse(readFileSync((await download.path()) ?? '', 'utf8')) as unknown;
      };
      await page.locator('li.journal-entry').first().waitFor();
      expect(await saved('Export journal as JSON')).toEqual(
        expect.arrayContaining([expect.objectContaining({ path: '/mpesa/stkpush/v1/processrequest' })]),
      );
      await page.goto(`${emu.url}/#/deliveries`);
      await page.getByRole('table', { name: /Callback deliveries/ }).waitFor();
      expect(await saved('Export deliveries as JSON')).toEqual([
        expect.objectContaining({ transactionId: ack.CheckoutRequestID, status: 'delivered' }),
      ]);

      await page.goto(`${emu.url}/#/transactions/${ack.CheckoutRequestID}`);
      await page.getByText('Export', { exact: true }).click();
      expect(await saved('Export story as JSON')).toMatchObject({
        transaction: { id: ack.CheckoutRequestID, status: 'failed' },
        deliveries: [{ kind: 'stk-callback' }],
        requests: [{ path: '/mpesa/stkpush/v1/processrequest' }],
      });
      const curl = (await page.getByLabel('Replay as curl').textContent()) ?? '';
      const replay = JSON.parse(await bash(curl)) as {
        CheckoutRequestID: string;
      };
      expect(replay.CheckoutRequestID).toMatch(/^ws_CO_/);
      expect(replay.CheckoutRequestID).not.toBe(ack.CheckoutRequestID);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
      await emu.close();
    }
  },
);
