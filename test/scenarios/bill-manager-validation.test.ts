import { describe, expect, it } from 'vitest';
import {
  bills,
  invoiceBody,
  invoicesOf,
  JANE,
  optInBody,
  startBillManager as setup,
} from '../support/bill-manager.js';

describe('Bill Manager request validation', () => {
  it('needs the appKey header after opt-in', async () => {
    const { emulator, bearer } = await setup();
    const res = await bills(emulator.app, bearer, 'single-invoicing', invoiceBody()).expect(400);
    expect(res.body).toMatchObject({ errorCode: '400.002.02', errorMessage: 'Bad Request - Invalid appKey' });
    await bills(emulator.app, bearer, 'single-invoicing', invoiceBody(), 'AG_0_0').expect(400);
  });

  it.each([
    [{ externalReference: '' }, 'externalReference'],
    [{ billedFullName: null, billedPhoneNumber: 'x' }, 'billedFullName'],
    [{ billedPhoneNumber: '0201234567' }, 'billedPhoneNumber'],
    [{ billedPeriod: '' }, 'billedPeriod'],
    [{ invoiceName: '', dueDate: 'soon' }, 'invoiceName'],
    [{ dueDate: '12/10/2021' }, 'dueDate'],
    [{ accountReference: '' }, 'accountReference'],
    [{ amount: '1,000' }, 'amount'],
    [{ invoiceItems: [{ itemName: 'x', amount: 'y' }] }, 'invoiceItems[0].amount'],
  ])('blames the first bad invoice field: %j → %s', async (overrides, field) => {
    const { emulator, bearer, appKey } = await setup();
    const res = await bills(emulator.app, bearer, 'single-invoicing', invoiceBody(overrides), appKey).expect(
      400,
    );
    expect(res.body.errorMessage).toBe(`Bad Request - Invalid ${field}`);
    const [entry] = emulator.journal.list({});
    expect(entry?.explanation.join(' ')).toContain(`${field}:`);
  });

  it.each([
    [{ shortcode: 'abc' }, 'shortcode'],
    [{ email: 'nobody' }, 'email'],
    [{ sendReminders: 'yes' }, 'sendReminders'],
    [{ callbackurl: undefined, callbackURL: 'https://x.example' }, 'callbackurl'],
  ])('blames the first bad opt-in field: %j → %s', async (overrides, field) => {
    const { emulator, bearer } = await setup();
    const res = await bills(
      emulator.app,
      bearer,
      'optin',
      optInBody({ shortcode: '600000', ...overrides }),
    ).expect(400);
    expect(res.body.errorMessage).toBe(`Bad Request - Invalid ${field}`);
  });

  it('names the invoice of a bulk call that is wrong', async () => {
    const { emulator, bearer, appKey } = await setup();
    const res = await bills(
      emulator.app,
      bearer,
      'bulk-invoicing',
      [invoiceBody(), invoiceBody({ amount: 0 })],
      appKey,
    ).expect(400);
    expect(res.body.errorMessage).toBe('Bad Request - Invalid [1].amount');
    expect(await invoicesOf(emulator.app, JANE)).toEqual([]);
  });
});
