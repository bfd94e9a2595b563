import { describe, expect, it } from 'vitest';
import request from 'supertest';
import type { SettingsPatch, TransactionView } from 'daraja-client/emulator';
import type { RatibaCallbackFailure, RatibaCallbackSuccess } from 'daraja-client/wire';
import { capturingPoster } from '../support/capturing-poster.js';
import { capture, keyOrder, sandboxAnswer } from '../support/captures.js';
import { token } from '../support/daraja-requests.js';
import { CONFIRMATION_URL, register, registerBody } from '../support/c2b.js';
import { RATIBA_CALLBACK, approve, createOrder, ordersOf, ratibaBody } from '../support/ratiba.js';
import { Emulator } from '../../emulator/src/internals.js';

const DAY = 24 * 60 * 60 * 1000;

async function setup(settings: SettingsPatch = {}) {
  const sink = capturingPoster();
  const emulator = new Emulator({ clock: 'manual', poster: sink.poster, seed: 7, settings });
  const bearer = await token(emulator.app);
  const callbacks = () => sink.received.filter((d) => d.url === RATIBA_CALLBACK).map((d) => d.body);
  const confirmations = () => sink.received.filter((d) => d.url === CONFIRMATION_URL).map((d) => d.body);
  return { emulator, bearer, sink, callbacks, confirmations };
}

describe('M-Pesa Ratiba standing orders', () => {
  it('answers an accepted request with the portal’s header and body', async () => {
    const { emulator, bearer } = await setup();
    const res = await createOrder(emulator.app, bearer, ratibaBody()).expect(200);
    expect(res.body).toEqual({
      ResponseHeader: {
        responseRefID: expect.stringMatching(
          /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
        ),
        responseCode: '200',
        responseDescription: 'Request accepted for processing',
        ResultDesc: 'The service request is processed successfully.',
      },
      ResponseBody: { responseDescription: 'Request accepted for processing', responseCode: '200' },
    });
  });

  it('puts the approval on the phone and sends the created callback in the published shape once the customer enters the PIN', async () => {
    const { emulator, bearer, callbacks } = await setup();
    const ack = await createOrder(emulator.app, bearer, ratibaBody({ CustomStoId: 'sto-42' })).expect(200);
    const id = ack.body.ResponseHeader.responseRefID as string;
    const pending = (
      await request(emulator.app)
        .get('/_emulator/transactions')
        .query({ type: 'standing-order', phone: '254708374149' })
    ).body as TransactionView[];
    expect(pending.map((t) => [t.id, t.status])).toEqual([[id, 'pending']]);

    await approve(emulator.app, id).expect(200);
    await emulator.runAll();
    const [body] = callbacks() as RatibaCallbackSuccess[];
    const sample = capture('portal-samples/ratiba-callback-success.json');
    expect(keyOrder(body)).toEqual(keyOrder(sample));
    const [order] = await ordersOf(emulator.app, '254708374149');
    expect(body?.responseHeader).toEqual({
      responseRefID: id,
      requestRefID: 'sto-42',
      responseCode: '0',
      responseDescription: 'Standing order created successfully',
    });
    expect(body?.responseBody.responseData).toEqual([
      { name: 'standingOrderName', value: 'Gym membership' },
      { name: 'amount', value: '500.00' },
      { name: 'issuePaymentReminderUntil', value: '20261231' },
      { name: 'reminderScheduleId', value: order?.id },
      { name: 'firstPaymentReminderDate', value: '20260105' },
      { name: 'status', value: 'ACTIVE' },
      { name: 'TransactionID', value: order?.id },
      { name: 'ResponseCode', value: '0' },
      { name: 'Status', value: 'OKAY' },
      { name: 'Msisdn', value: '*********149' },
    ]);
  });

  it('runs a year of monthly debits under the manual clock, each one a payment confirmed to the shortcode', async () => {
    const { emulator, bearer, confirmations } = await setup();
    await register(emulator.app, bearer, registerBody({ ValidationURL: undefined })).expect(200);
    const before = emulator.ledger.customer('254708374149')?.balanceCents ?? 0;
    const conservation = emulator.ledger.conservationCents();
    const ack = await createOrder(emulator.app, bearer, ratibaBody()).expect(200);
    await approve(emulator.app, ack.body.ResponseHeader.responseRefID).expect(200);

    await emulator.advance(366 * DAY);

    const [order] = await ordersOf(emulator.app, '254708374149');
    expect(order).toMatchObject({ status: 'ended', paidCount: 12, failedCount: 0 });
    const debits = (
      await request(emulator.app)
        .get('/_emulator/transactions')
        .query({ type: 'standing-order-debit', limit: 50 })
    ).body as TransactionView[];
    const days = debits
      .map((t) => new Date(t.createdAt + 3 * 60 * 60 * 1000).toISOString().slice(0, 13))
      .sort();
    expect(days).toEqual(
      ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'].map((m) => `2026-${m}-05T08`),
    );
    expect(confirmations()).toHaveLength(12);
    expect(confirmations()[0]).toMatchObject({
      TransactionType: 'Pay Bill',
      TransAmount: '500.00',
      BusinessShortCode: '600984',
      BillRefNumber: 'GYM001',
    });
    expect(before - (emulator.ledger.customer('254708374149')?.balanceCents ?? 0)).toBe(12 * 500 * 100);
    expect(emulator.ledger.conservationCents()).toBe(conservation);
  });

  it.each([
    ['2', 'daily', '20260110', 6],
    ['3', 'weekly', '20260205', 5],
    ['4', 'bi-weekly', '20260205', 3],
    ['7', 'quarterly', '20261231', 4],
    ['1', 'one-off', '20261231', 1],
  ])('debits Frequency %s (%s) orders until the EndDate %s: %i times', async (code, _name, end, count) => {
    const { emulator, bearer } = await setup();
    const ack = await createOrder(emulator.app, bearer, ratibaBody({ Frequency: code, EndDate: end })).expect(
      200,
    );
    await approve(emulator.app, ack.body.ResponseHeader.responseRefID).expect(200);
    await emulator.advance(400 * DAY);
    const [order] = await ordersOf(emulator.app, '254708374149');
    expect(order).toMatchObject({ status: 'ended', paidCount: count });
  });

  it('reads Frequency with the Dec 2025 codes when configured (4 = monthly)', async () => {
    const { emulator, bearer } = await setup({ ratiba: { frequencyCodes: 'dec-2025' } });
    const ack = await createOrder(
      emulator.app,
      bearer,
      ratibaBody({ Frequency: '4', EndDate: '20260430' }),
    ).expect(200);
    await approve(emulator.app, ack.body.ResponseHeader.responseRefID).expect(200);
    await emulator.advance(200 * DAY);
    const [order] = await ordersOf(emulator.app, '254708374149');
    expect(order).toMatchObject({ frequency: 'monthly', paidCount: 4 });
  });

  it('fails a debit the wallet cannot pay, tells the customer, and keeps the order for the next date', async () => {
    const { emulator, bearer } = await setup();
    const ack = await createOrder(
      emulator.app,
      bearer,
      ratibaBody({ PartyA: '254722000000', Amount: '300', EndDate: '20260305' }),
    ).expect(200);
    await approve(emulator.app, ack.body.ResponseHeader.responseRefID, '4321').expect(200);
    await emulator.advance(100 * DAY);
    const [order] = await ordersOf(emulator.app, '254722000000');
    expect(order).toMatchObject({ paidCount: 1, failedCount: 2, status: 'ended' });
    const sms = (await request(emulator.app).get('/_emulator/customers/254722000000/messages')).body as {
      text: string;
    }[];
    expect(sms.some((m) => /Insufficient funds.*standing order Gym membership/.test(m.text))).toBe(true);
  });

  it.each([
    [
      'declines',
      (app: Parameters<typeof approve>[0], id: string) =>
        request(app).post(`/_emulator/ratiba/${id}/decline`),
      '1032',
    ],
    [
      'enters a wrong PIN',
      (app: Parameters<typeof approve>[0], id: string) => approve(app, id, '0000'),
      '2001',
    ],
  ])('sends the failure callback when the customer %s', async (_what, act, code) => {
    const { emulator, bearer, callbacks } = await setup();
    const ack = await createOrder(emulator.app, bearer, ratibaBody()).expect(200);
    await act(emulator.app, ack.body.ResponseHeader.responseRefID).expect(200);
    await emulator.runAll();
    const [body] = callbacks() as RatibaCallbackFailure[];
    expect(keyOrder(body)).toEqual(keyOrder(capture('portal-samples/ratiba-callback-failure.json')));
    expect(body?.ResponseHeader.responseCode).toBe(code);
    expect(body?.ResponseBody.ResponseData).toEqual([
      { Name: 'TransactionID', Value: '0000000000' },
      { Name: 'responseCode', Value: code },
      { Name: 'Status', Value: 'ERROR' },
      { Name: 'Msisdn', Value: '*********149' },
    ]);
    expect((await ordersOf(emulator.app, '254708374149'))[0]?.status).toBe('not-created');
  });

  it('times the prompt out with 1032, or 1037 when the phone has no network', async () => {
    const { emulator, bearer, callbacks } = await setup();
    await createOrder(emulator.app, bearer, ratibaBody()).expect(200);
    await emulator.advance(61_000);
    await request(emulator.app)
      .patch('/_emulator/customers/254712345678')
      .send({ offline: true })
      .expect(200);
    const offline = await createOrder(emulator.app, bearer, ratibaBody({ PartyA: '254712345678' })).expect(
      200,
    );
    const refused = await approve(emulator.app, offline.body.ResponseHeader.responseRefID).expect(409);
    expect(refused.body.error.code).toBe('phone_unreachable');
    await emulator.advance(61_000);
    const codes = (callbacks() as RatibaCallbackFailure[]).map((b) => b.ResponseHeader.responseCode);
    expect(codes).toEqual(['1032', '1037']);
  });

  it('refuses with 1050 a second active order of the same name, and with 1001 while a prompt is open', async () => {
    const { emulator, bearer, callbacks } = await setup();
    const first = await createOrder(emulator.app, bearer, ratibaBody()).expect(200);
    await createOrder(emulator.app, bearer, ratibaBody({ StandingOrderName: 'Rent' })).expect(200);
    await approve(emulator.app, first.body.ResponseHeader.responseRefID).expect(200);
    await createOrder(emulator.app, bearer, ratibaBody({ StandingOrderName: 'gym MEMBERSHIP' })).expect(200);
    await emulator.runAll();
    const codes = callbacks().map((b) =>
      'responseHeader' in (b as object)
        ? (b as RatibaCallbackSuccess).responseHeader.responseCode
        : (b as RatibaCallbackFailure).ResponseHeader.responseCode,
    );
    expect(codes.sort()).toEqual(['0', '1001', '1050']);
  });

  it('stops an active order from the phone: no debit runs afterwards', async () => {
    const { emulator, bearer } = await setup();
    const ack = await createOrder(emulator.app, bearer, ratibaBody({ Frequency: '2' })).expect(200);
    await approve(emulator.app, ack.body.ResponseHeader.responseRefID).expect(200);
    // Approved on 1 January: daily debits on 5, 6 and 7 January by the 7th at noon.
    await emulator.advance(6 * DAY);
    const [order] = await ordersOf(emulator.app, '254708374149');
    await request(emulator.app).post(`/_emulator/ratiba/orders/${order?.id}/stop`).expect(200);
    await emulator.advance(30 * DAY);
    expect((await ordersOf(emulator.app, '254708374149'))[0]).toMatchObject({
      status: 'stopped',
      paidCount: 3,
    });
  });
});

describe('Ratiba request validation', () => {
  it('refuses a shortcode not issued to the app with the captured body', async () => {
    const { emulator, bearer } = await setup();
    const res = await createOrder(emulator.app, bearer, ratibaBody({ BusinessShortCode: '999999' })).expect(
      400,
    );
    const captured = sandboxAnswer('ratiba-create.json');
    expect(Object.keys(res.body)).toEqual(Object.keys(captured.response as object));
    expect(res.body).toMatchObject({
      responseMessage: "Value in field 'BusinessShortCode' can only be what was issued for this application",
      responseCode: 400,
      timestamp: '2026-01-01T09:00:00Z',
    });
  });

  it.each([
    [{ StandingOrderName: '' }, 'StandingOrderName'],
    [{ StartDate: '20260230', BusinessShortCode: 'x' }, 'StartDate'],
    [{ EndDate: '20251231' }, 'EndDate'],
    [{ TransactionType: 'CustomerPayBillOnline', Amount: 'x' }, 'TransactionType'],
    [{ TransactionType: 'Standing Order Pay Merchant External Third Party' }, 'TransactionType'],
    [{ ReceiverPartyIdentifierType: '2' }, 'ReceiverPartyIdentifierType'],
    [{ Amount: '10.5', PartyA: '0708374149' }, 'Amount'],
    [{ PartyA: '0708374149' }, 'PartyA'],
    [{ CallBackURL: 'not a url' }, 'CallBackURL'],
    [{ AccountReference: '' }, 'AccountReference'],
    [{ TransactionDesc: null }, 'TransactionDesc'],
    [{ Frequency: '10' }, 'Frequency'],
  ])('blames the first bad field in the portal’s order: %j → %s', async (overrides, field) => {
    const { emulator, bearer } = await setup();
    const res = await createOrder(emulator.app, bearer, ratibaBody(overrides)).expect(400);
    expect(res.body.responseMessage).toBe(`Invalid value in field '${field}'`);
    const [entry] = emulator.journal.list({});
    expect(entry?.explanation.join(' ')).toContain(`${field}:`);
  });

  it('answers an invalid token as Daraja’s gateway does', async () => {
    const { emulator } = await setup();
    await createOrder(emulator.app, 'wrong', ratibaBody()).expect(404);
  });
});
