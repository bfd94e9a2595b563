import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { capture, keyOrder } from '../support/captures.js';
import { CONFIRMATION_URL, pay, register, registerBody } from '../support/c2b.js';
import {
  bills,
  invoiceBody,
  invoicesOf,
  JANE,
  optInBody,
  startBillManager as setup,
} from '../support/bill-manager.js';

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
