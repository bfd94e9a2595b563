import { describe, expect, it } from 'vitest';
import request from 'supertest';
import type { BillManagerPayment } from 'daraja-client/wire';
import { capturingPoster } from '../support/capturing-poster.js';
import { capture, keyOrder } from '../support/captures.js';
import { token } from '../support/daraja-requests.js';
import { CONFIRMATION_URL, pay, register, registerBody } from '../support/c2b.js';
import { BILLER_CALLBACK, bills, invoiceBody, invoicesOf, optInBody } from '../support/bill-manager.js';
import { Emulator } from '../../emulator/src/internals.js';

const JANE = '254712345678';

async function setup(
  answer: () => { status: number; body: string } = () => ({
    status: 200,
    body: '{"resmsg":"Success","rescode":"200"}',
  }),
) {
  const sink = capturingPoster(answer);
  const emulator = new Emulator({ clock: 'manual', poster: sink.poster, seed: 11 });
  const bearer = await token(emulator.app);
  const opt = await bills(emulator.app, bearer, 'optin', optInBody()).expect(200);
  const appKey = opt.body.app_key as string;
  const pushes = () =>
    sink.received.filter((d) => d.url === BILLER_CALLBACK).map((d) => d.body as BillManagerPayment);
  const sms = async (msisdn: string) =>
    (
      (await request(emulator.app).get(`/_emulator/customers/${msisdn}/messages`)).body as { text: string }[]
    ).map((m) => m.text);
  return { emulator, bearer, appKey, sink, pushes, sms, opt };
}

describe('Bill Manager', () => {
  it('opts a paybill in with an app_key and refuses a second opt-in', async () => {
    const { emulator, bearer, opt } = await setup();
    expect(opt.body).toEqual({
      app_key: expect.stringMatching(/^AG_\d{10}_\d{9}KJ$/),
      resmsg: 'Success',
      rescode: '200',
    });
    const again = await bills(emulator.app, bearer, 'optin', optInBody()).expect(200);
    expect(again.body).toEqual({ resmsg: 'Biller already Registered', rescode: '409' });
  });

  it('changes the opt-in details with the appKey header', async () => {
    const { emulator, bearer, appKey } = await setup();
    const res = await bills(
      emulator.app,
      bearer,
      'change-optin-details',
      optInBody({ sendReminders: 0, callbackurl: 'https://school.example/v2' }),
      appKey,
    ).expect(200);
    expect(res.body).toEqual({ resmsg: 'Success', rescode: '200' });
    const [biller] = (await request(emulator.app).get('/_emulator/bill-manager/billers')).body;
    expect(biller).toMatchObject({
      shortcode: '600984',
      sendReminders: false,
      callbackUrl: 'https://school.example/v2',
    });
  });

  it('sends an invoice to the customer’s phone, pushes the payment made against it, and sends the e-receipt on reconciliation', async () => {
    const { emulator, bearer, appKey, pushes, sms } = await setup();
    await register(emulator.app, bearer, registerBody({ ValidationURL: undefined })).expect(200);
    const sent = await bills(emulator.app, bearer, 'single-invoicing', invoiceBody(), appKey).expect(200);
    expect(sent.body).toEqual({
      Status_Message: 'Invoice sent successfully',
      resmsg: 'Success',
      rescode: '200',
    });
    expect((await sms(JANE))[0]).toMatch(
      /School fees invoice INV2345 for January 2026 of Ksh800\.00 is due on 2026-01-31\. Pay via M-PESA Paybill 600984, account ADM-77/,
    );

    const paid = await pay(emulator.app, {
      shortcode: '600984',
      msisdn: JANE,
      amount: 800,
      billRefNumber: 'ADM-77',
      pin: '1234',
    }).expect(201);
    await emulator.runAll();
    const [push] = pushes();
    expect(keyOrder(push)).toEqual(keyOrder(capture('portal-samples/billmanager-payment.json')));
    expect(push).toEqual({
      transactionId: paid.body.id,
      paidAmount: '800',
      msisdn: JANE,
      dateCreated: '2026-01-01',
      accountReference: 'ADM-77',
      shortCode: '600984',
    });
    const confirmations = emulator.outbox.list({}).filter((d) => d.url === CONFIRMATION_URL);
    expect(confirmations).toHaveLength(1);
    expect((await invoicesOf(emulator.app, JANE))[0]).toMatchObject({
      status: 'paid',
      paidAmount: 800,
      payments: [paid.body.id],
    });

    const rec = await bills(
      emulator.app,
      bearer,
      'reconciliation',
      {
        paymentDate: '2026-01-01',
        paidAmount: '800',
        accountReference: 'ADM-77',
        transactionId: paid.body.id,
        phoneNumber: '0712345678',
        fullName: 'Jane Wanjiku',
        invoiceName: 'School fees',
        externalReference: 'INV2345',
      },
      appKey,
    ).expect(200);
    expect(rec.body).toEqual({ resmsg: 'Success', rescode: '200' });
    expect(
      (await sms(JANE)).some((t) => t.includes(`e-receipt. ${paid.body.id} confirmed. Ksh800.00 received`)),
    ).toBe(true);
    expect((await invoicesOf(emulator.app, JANE))[0]?.reconciled).toEqual([paid.body.id]);
  });

  it('marks a part payment, and refuses to cancel or re-send a partly paid invoice', async () => {
    const { emulator, bearer, appKey, pushes } = await setup();
    await bills(emulator.app, bearer, 'single-invoicing', invoiceBody(), appKey).expect(200);
    await pay(emulator.app, {
      shortcode: '600984',
      msisdn: JANE,
      amount: 300,
      billRefNumber: 'adm-77',
    }).expect(201);
    await emulator.runAll();
    expect(pushes().map((p) => p.paidAmount)).toEqual(['300']);
    expect((await invoicesOf(emulator.app, JANE))[0]).toMatchObject({
      status: 'partially-paid',
      paidAmount: 300,
    });
    const cancel = await bills(
      emulator.app,
      bearer,
      'cancel-single-invoice',
      { externalReference: 'INV2345' },
      appKey,
    ).expect(200);
    expect(cancel.body).toEqual({
      Status_Message: 'partially or fully paid invoices cannot be cancelled.',
      resmsg: 'Conflict',
      rescode: '409',
      errors: [],
    });
    const resend = await bills(
      emulator.app,
      bearer,
      'single-invoicing',
      invoiceBody({ amount: 900 }),
      appKey,
    ).expect(200);
    expect(resend.body.rescode).toBe('409');
  });

  it('updates an unpaid invoice sent again with the same externalReference, and cancels it', async () => {
    const { emulator, bearer, appKey, sms, pushes } = await setup();
    await bills(emulator.app, bearer, 'single-invoicing', invoiceBody(), appKey).expect(200);
    await bills(emulator.app, bearer, 'single-invoicing', invoiceBody({ amount: 950 }), appKey).expect(200);
    expect(await invoicesOf(emulator.app, JANE)).toMatchObject([{ amount: 950, status: 'unpaid' }]);
    expect((await sms(JANE))[0]).toMatch(/Updated invoice\..*Ksh950\.00/);
    const res = await bills(
      emulator.app,
      bearer,
      'cancel-single-invoice',
      { externalReference: 'INV2345' },
      appKey,
    ).expect(200);
    expect(res.body).toEqual({
      Status_Message: 'Invoice cancelled successfuly.',
      resmsg: 'Success',
      rescode: '200',
      errors: [],
    });
    expect((await invoicesOf(emulator.app, JANE))[0]?.status).toBe('cancelled');
    await pay(emulator.app, {
      shortcode: '600984',
      msisdn: JANE,
      amount: 950,
      billRefNumber: 'ADM-77',
    }).expect(201);
    await emulator.runAll();
    expect(pushes()).toEqual([]);
  });

  it('takes bulk invoices as a bare array or as {"invoices": [...]} and cancels several at once', async () => {
    const { emulator, bearer, appKey } = await setup();
    await bills(
      emulator.app,
      bearer,
      'bulk-invoicing',
      [
        invoiceBody(),
        invoiceBody({
          externalReference: 'INV2346',
          billedPhoneNumber: '0722000000',
          billedFullName: 'Brian Otieno',
        }),
      ],
      appKey,
    ).expect(200);
    await bills(
      emulator.app,
      bearer,
      'bulk-invoicing',
      { invoices: [invoiceBody({ externalReference: 'INV2347' })] },
      appKey,
    ).expect(200);
    expect((await invoicesOf(emulator.app, JANE)).map((i) => i.externalReference).sort()).toEqual([
      'INV2345',
      'INV2347',
    ]);
    const res = await bills(
      emulator.app,
      bearer,
      'cancel-bulk-invoices',
      [{ externalReference: 'INV2345' }, { externalReference: 'INV2346' }],
      appKey,
    ).expect(200);
    expect(res.body.rescode).toBe('200');
    expect((await invoicesOf(emulator.app, '254722000000'))[0]?.status).toBe('cancelled');
  });

  it('retries an unanswered payment push up to five more times', async () => {
    const { emulator, bearer, appKey, pushes } = await setup(() => ({ status: 503, body: '' }));
    await bills(emulator.app, bearer, 'single-invoicing', invoiceBody(), appKey).expect(200);
    await pay(emulator.app, {
      shortcode: '600984',
      msisdn: JANE,
      amount: 800,
      billRefNumber: 'ADM-77',
    }).expect(201);
    await emulator.runAll();
    expect(pushes()).toHaveLength(6);
  });
});

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
