import { expect } from 'vitest';
import { DESKTOP } from './support/browser.js';
import { browserSuite } from './support/browser-suite.js';
import { openUi, phoneOf, startEmulator } from './support/emulator-page.js';
import { MSISDN, sendStkPush } from './support/stk-push.js';

const suite = browserSuite();
const { e2e } = suite;

e2e('an offline phone never rings, and accepting its prompt through the control API is refused', async () => {
  const emu = await startEmulator();
  const { page, errors } = await openUi(suite.browser, emu.url, DESKTOP, '#/transactions');
  try {
    const phone = phoneOf(page);
    await phone.getByRole('switch', { name: 'Offline' }).click();
    await phone.getByText('No network').waitFor();

    const ack = await sendStkPush(emu.url, {
      amount: 10,
      accountReference: 'OFFLINE-1',
      callbackUrl: suite.sink.url('/stk/offline'),
    });
    // The push reached the dashboard; the phone, which is off the network, shows nothing.
    await page
      .getByRole('table', { name: /Transactions/ })
      .getByText('OFFLINE-1')
      .waitFor();
    expect(await phone.getByRole('dialog').count()).toBe(0);
    expect(await page.getByRole('navigation', { name: 'Views' }).textContent()).not.toMatch(/ringing/);

    const accepted = await fetch(`${emu.url}/_emulator/stk/${ack.CheckoutRequestID}/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ pin: '1234' }),
    });
    expect(accepted.status).toBe(409);
    const body = (await accepted.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('phone_unreachable');
    expect(body.error.message).toContain(`never reached ${MSISDN}`);

    // Back on the network, the prompt that never arrived does not appear either.
    await phone.getByRole('switch', { name: 'Offline' }).click();
    await phone.getByText('Safaricom').waitFor();
    expect(await phone.getByRole('dialog').count()).toBe(0);

    await page.goto(`${emu.url}/#/transactions/${ack.CheckoutRequestID}`);
    await page.getByText('Unreachable: the prompt never reached it (offline).').waitFor();
    expect(await page.getByRole('form', { name: 'Answer the prompt' }).count()).toBe(0);
    expect(errors).toEqual([]);
  } finally {
    await page.close();
    await emu.close();
  }
});
