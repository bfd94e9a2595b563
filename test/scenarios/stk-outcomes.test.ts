import { describe, expect, it } from 'vitest';
import request from 'supertest';
import type { StkCallback } from 'daraja-client/wire';
import type { SettingsPatch } from 'daraja-client/emulator';
import { capturingPoster } from '../support/capturing-poster.js';
import { MSISDN, post, stkBody, token } from '../support/daraja-requests.js';
import { Emulator } from '../../emulator/src/internals.js';

const PATH = '/mpesa/stkpush/v1/processrequest';

async function pushed(settings: SettingsPatch = {}, overrides: Record<string, unknown> = {}) {
  const sink = capturingPoster();
  const emulator = new Emulator({ clock: 'manual', seed: 7, poster: sink.poster, settings });
  const bearer = await token(emulator.app);
  const res = await post(emulator.app, PATH, bearer, stkBody(emulator.clock.now(), overrides)).expect(200);
  const id = res.body.CheckoutRequestID as string;
  const callback = () =>
    sink.received.map((r) => r.body as StkCallback).find((b) => b.Body.stkCallback.CheckoutRequestID === id);
  return { emulator, sink, id, callback, bearer };
}

const balance = (emulator: Emulator, msisdn = MSISDN) =>
  (emulator.ledger.customer(msisdn)?.balanceCents ?? NaN) / 100;

describe('STK outcomes', () => {
  it('waits for the phone by default and answers 1037 "No response from user." after the 60-second PIN timeout', async () => {
    const { emulator, callback, id } = await pushed();
    await emulator.advance(59_999);
    expect(callback()).toBeUndefined();
    expect(emulator.transactions.get(id)?.status).toBe('pending');
    await emulator.advance(1);
    expect(callback()?.Body.stkCallback).toEqual({
      MerchantRequestID: emulator.transactions.get(id)?.merchantRequestId,
      CheckoutRequestID: id,
      ResultCode: 1037,
      ResultDesc: 'No response from user.',
    });
  });

  it('debits the wallet, credits the paybill and sends the success callback when the right PIN is entered', async () => {
    const { emulator, callback, id } = await pushed({}, { Amount: 250 });
    const before = balance(emulator);
    const res = await request(emulator.app)
      .post(`/_emulator/stk/${id}/accept`)
      .send({ pin: '1234' })
      .expect(200);
    expect(res.body.status).toBe('completed');
    await emulator.runAll();
    expect(balance(emulator)).toBe(before - 250);
    expect(emulator.ledger.org('174379')?.accounts['Utility Account']).toBe(25_000);
    const body = callback()?.Body.stkCallback;
    expect(body?.ResultCode).toBe(0);
    expect(body?.ResultDesc).toBe('The service request is processed successfully.');
    const items = body?.CallbackMetadata?.Item ?? [];
    expect(items.map((i) => i.Name)).toEqual([
      'Amount',
      'MpesaReceiptNumber',
      'Balance',
      'TransactionDate',
      'PhoneNumber',
    ]);
    expect(items[0]).toEqual({ Name: 'Amount', Value: 250 });
    expect(items[1]?.Value).toMatch(/^[A-Z][A-L][1-9A-V][A-Z0-9]{7}$/);
    expect(items[2]).toEqual({ Name: 'Balance' });
    expect(typeof items[3]?.Value).toBe('number');
    expect(String(items[3]?.Value)).toMatch(/^\d{14}$/);
    expect(items[4]).toEqual({ Name: 'PhoneNumber', Value: 254708374149 });
  });

  it('stamps TransactionDate and the receipt letters in East Africa Time', async () => {
    const sink = capturingPoster();
    const emulator = new Emulator({
      clock: 'manual',
      poster: sink.poster,
      settings: { stk: { defaultOutcome: 'accept' } },
    });
    const start = Date.UTC(2026, 9, 6, 6, 52, 33);
    (emulator.clock as import('daraja-emulator').ManualClock).set(start);
    const bearer = await token(emulator.app);
    await post(emulator.app, PATH, bearer, stkBody(start)).expect(200);
    await emulator.runAll();
    const items = (sink.received[0]?.body as StkCallback).Body.stkCallback.CallbackMetadata?.Item ?? [];
    expect(items[3]?.Value).toBe(20261006095233);
    expect(String(items[1]?.Value).slice(0, 3)).toBe('UJ6');
  });

  it('answers a wrong PIN with 2001 and leaves the wallet untouched', async () => {
    const { emulator, callback, id } = await pushed();
    const before = balance(emulator);
    await request(emulator.app).post(`/_emulator/stk/${id}/accept`).send({ pin: '0000' }).expect(200);
    await emulator.runAll();
    expect(callback()?.Body.stkCallback).toMatchObject({
      ResultCode: 2001,
      ResultDesc: 'The initiator information is invalid.',
    });
    expect(callback()?.Body.stkCallback.CallbackMetadata).toBeUndefined();
    expect(balance(emulator)).toBe(before);
  });

  it('answers a cancelled prompt with 1032 "Request cancelled by user"', async () => {
    const { emulator, callback, id } = await pushed();
    await request(emulator.app).post(`/_emulator/stk/${id}/decline`).expect(200);
    await emulator.runAll();
    expect(callback()?.Body.stkCallback).toMatchObject({
      ResultCode: 1032,
      ResultDesc: 'Request cancelled by user',
    });
  });

  it('answers 1 when the wallet cannot cover the amount', async () => {
    const { emulator, callback, id } = await pushed(
      {},
      { PartyA: '254722000000', PhoneNumber: '254722000000', Amount: 501 },
    );
    await request(emulator.app).post(`/_emulator/stk/${id}/accept`).send({ pin: '4321' }).expect(200);
    await emulator.runAll();
    expect(callback()?.Body.stkCallback).toMatchObject({
      ResultCode: 1,
      ResultDesc: 'The balance is insufficient for the transaction.',
    });
    expect(balance(emulator, '254722000000')).toBe(500);
  });

  it('never delivers the prompt to an offline phone and answers 1037 "DS timeout user cannot be reached"', async () => {
    const sink = capturingPoster();
    const emulator = new Emulator({
      clock: 'manual',
      poster: sink.poster,
      settings: { stk: { defaultOutcome: 'accept' } },
    });
    await request(emulator.app).patch(`/_emulator/customers/${MSISDN}`).send({ offline: true }).expect(200);
    const bearer = await token(emulator.app);
    await post(emulator.app, PATH, bearer, stkBody(emulator.clock.now())).expect(200);
    await emulator.advance(60_000);
    expect((sink.received[0]?.body as StkCallback).Body.stkCallback).toMatchObject({
      ResultCode: 1037,
      ResultDesc: 'DS timeout user cannot be reached',
    });
  });

  it('answers automatically after the configured decision and callback delays', async () => {
    const { emulator, callback } = await pushed({
      stk: { defaultOutcome: 'accept', decisionDelayMs: 2_000, callbackDelayMs: 3_000 },
    });
    await emulator.advance(1_999);
    expect(callback()).toBeUndefined();
    await emulator.advance(1);
    await emulator.advance(2_999);
    expect(callback()).toBeUndefined();
    await emulator.advance(1);
    expect(callback()?.Body.stkCallback.ResultCode).toBe(0);
  });

  it('uses a per-phone outcome over the default one', async () => {
    const { emulator, callback } = await pushed({
      stk: { defaultOutcome: 'accept', phoneOutcomes: { [MSISDN]: 'decline' } },
    });
    await emulator.runAll();
    expect(callback()?.Body.stkCallback.ResultCode).toBe(1032);
  });

  it.each([
    [1019, 'Transaction has expired.'],
    [1025, 'An error occurred while sending a push request.'],
    [2028, 'The request is not permitted according to product assignment.'],
    [26, 'System busy. The service request is rejected.'],
  ])('produces result code %i on demand', async (code, desc) => {
    const { emulator, callback } = await pushed({ stk: { defaultOutcome: code } });
    await emulator.runAll();
    expect(callback()?.Body.stkCallback).toMatchObject({ ResultCode: code, ResultDesc: desc });
  });

  it('answers amounts above the maximum with result 3', async () => {
    const { emulator, callback } = await pushed(
      { stk: { defaultOutcome: 'accept', maxAmount: 100 } },
      { Amount: 101 },
    );
    await emulator.runAll();
    expect(callback()?.Body.stkCallback.ResultCode).toBe(3);
  });

  it('refuses control actions on a prompt that is no longer open', async () => {
    const { emulator, id } = await pushed();
    await request(emulator.app).post(`/_emulator/stk/${id}/decline`).expect(200);
    const again = await request(emulator.app)
      .post(`/_emulator/stk/${id}/accept`)
      .send({ pin: '1234' })
      .expect(409);
    expect(again.body.error.code).toBe('not_pending');
    await request(emulator.app).post('/_emulator/stk/ws_CO_nothing/decline').expect(404);
  });

  it('lets the same phone receive a new prompt once the previous one is answered', async () => {
    const { emulator, id, bearer } = await pushed();
    await request(emulator.app).post(`/_emulator/stk/${id}/decline`).expect(200);
    await post(emulator.app, PATH, bearer, stkBody(emulator.clock.now())).expect(200);
  });

  it('sends the customer an M-Pesa SMS with the receipt and new balance', async () => {
    const { emulator, id } = await pushed({}, { Amount: 100 });
    await request(emulator.app).post(`/_emulator/stk/${id}/accept`).send({ pin: '1234' }).expect(200);
    const res = await request(emulator.app).get(`/_emulator/customers/${MSISDN}/messages`).expect(200);
    const receipt = emulator.transactions.get(id)?.receipt ?? '';
    expect(res.body[0].text).toBe(
      `${receipt} Confirmed. Ksh100.00 sent to DARAJA SANDBOX for account accountref on 1/1/26 at 12:00 PM. New M-PESA balance is Ksh49,900.00. Transaction cost, Ksh0.00.`,
    );
  });
});

describe('STK identifiers on a manual clock', () => {
  it('gives two pushes to the same phone in the same millisecond different CheckoutRequestIDs', async () => {
    const emulator = new Emulator({ clock: 'manual', poster: capturingPoster().poster });
    const bearer = await token(emulator.app);
    const first = await post(emulator.app, PATH, bearer, stkBody(emulator.clock.now())).expect(200);
    await request(emulator.app).post(`/_emulator/stk/${first.body.CheckoutRequestID}/decline`).expect(200);
    const second = await post(emulator.app, PATH, bearer, stkBody(emulator.clock.now())).expect(200);
    expect(second.body.CheckoutRequestID).not.toBe(first.body.CheckoutRequestID);
    expect(second.body.CheckoutRequestID).toMatch(/^ws_CO_\d{17}708374149$/);
    expect(emulator.transactions.get(first.body.CheckoutRequestID)?.status).toBe('failed');
    expect(emulator.transactions.get(second.body.CheckoutRequestID)?.status).toBe('pending');
  });
});
