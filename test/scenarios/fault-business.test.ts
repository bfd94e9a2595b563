import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { token } from '../support/daraja-requests.js';
import { c2bSink, pay, register, registerBody, setValidation } from '../support/c2b.js';
import { faultyEmulator, push, type StkCallbackBody } from './fault-support.js';
import { Emulator } from '../../emulator/src/internals.js';

const ACCEPT = { stk: { defaultOutcome: 'accept' as const } };

describe('business-level fault rules', () => {
  it('turns a rule’s resultCode into the prompt’s outcome and names the rule on the transaction', async () => {
    const { emulator, bearer, sink } = await faultyEmulator([
      { name: 'cancel-all', effect: { type: 'stk-outcome', resultCode: 1032 } },
    ]);
    const res = await push(emulator, bearer).expect(200);
    await emulator.advance(0);
    const t = emulator.transactions.get(res.body.CheckoutRequestID);
    expect(t).toMatchObject({ status: 'failed', resultCode: 1032, rules: ['cancel-all'] });
    expect(t?.decision?.by).toBe('rule');
    expect(emulator.journal.list({ transactionId: res.body.CheckoutRequestID })[0]?.rules).toEqual([
      'cancel-all',
    ]);
    expect(sink.json()[0]?.Body.stkCallback).toMatchObject({
      ResultCode: 1032,
      ResultDesc: 'Request cancelled by user',
    });
  });

  it('pays when the rule says resultCode 0, and uses a rule’s own ResultDesc', async () => {
    const { emulator, bearer, sink } = await faultyEmulator([
      { match: { amount: 5 }, effect: { type: 'stk-outcome', resultCode: 0 } },
      {
        match: { amount: 6 },
        effect: {
          type: 'stk-outcome',
          outcome: 'decline',
          resultDesc: '[STK_CB - ]Request cancelled by user',
        },
      },
    ]);
    const before = emulator.ledger.customer('254708374149')?.balanceCents ?? 0;
    await push(emulator, bearer, { Amount: 5 }).expect(200);
    await emulator.advance(1000);
    expect(emulator.ledger.customer('254708374149')?.balanceCents).toBe(before - 500);
    await push(emulator, bearer, { Amount: 6 }).expect(200);
    await emulator.advance(0);
    expect(sink.json().map((b) => [b.Body.stkCallback.ResultCode, b.Body.stkCallback.ResultDesc])).toEqual([
      [0, 'The service request is processed successfully.'],
      [1032, '[STK_CB - ]Request cancelled by user'],
    ]);
  });

  it('beats the per-phone and default outcomes, and only for the prompts it matches', async () => {
    const { emulator, bearer } = await faultyEmulator(
      [
        {
          match: { accountReference: 'fail-me' },
          effect: { type: 'stk-outcome', outcome: 'insufficient-funds' },
        },
      ],
      { stk: { defaultOutcome: 'accept', phoneOutcomes: { '254708374149': 'accept' } } },
    );
    const failed = await push(emulator, bearer, { AccountReference: 'fail-me' }).expect(200);
    // CheckoutRequestIDs carry the time to the millisecond and the phone: let time pass between pushes.
    await emulator.advance(1000);
    const paid = await push(emulator, bearer, { AccountReference: 'other' }).expect(200);
    await emulator.advance(0);
    expect(emulator.transactions.get(failed.body.CheckoutRequestID)?.resultCode).toBe(1);
    expect(emulator.transactions.get(paid.body.CheckoutRequestID)).toMatchObject({ resultCode: 0 });
    expect(emulator.transactions.get(paid.body.CheckoutRequestID)?.rules).toBeUndefined();
  });

  it('delays the decision by the rule’s decisionDelayMs', async () => {
    const { emulator, bearer } = await faultyEmulator([
      { effect: { type: 'stk-outcome', outcome: 'accept', decisionDelayMs: 7000 } },
    ]);
    const res = await push(emulator, bearer).expect(200);
    await emulator.advance(6999);
    expect(emulator.transactions.get(res.body.CheckoutRequestID)?.status).toBe('pending');
    await emulator.advance(1);
    expect(emulator.transactions.get(res.body.CheckoutRequestID)?.status).toBe('completed');
  });

  it('never sends a dropped callback and records it as cancelled with the rule', async () => {
    const { emulator, bearer, sink } = await faultyEmulator(
      [{ name: 'lost', effect: { type: 'callback-drop' } }],
      ACCEPT,
    );
    const res = await push(emulator, bearer).expect(200);
    await emulator.runAll();
    expect(sink.received).toHaveLength(0);
    const [delivery] = emulator.outbox.list({ transactionId: res.body.CheckoutRequestID });
    expect(delivery).toMatchObject({ status: 'cancelled', rules: ['lost'], attempts: [] });
    expect(emulator.transactions.get(res.body.CheckoutRequestID)?.status).toBe('completed');
  });

  it('sends a duplicated callback twice with the same body', async () => {
    const { emulator, bearer, sink } = await faultyEmulator(
      [{ name: 'twice', effect: { type: 'callback-duplicate', gapMs: 1000 } }],
      ACCEPT,
    );
    await push(emulator, bearer).expect(200);
    await emulator.advance(0);
    expect(sink.received).toHaveLength(1);
    await emulator.advance(1000);
    expect(sink.received).toHaveLength(2);
    expect(sink.received[1]?.text).toBe(sink.received[0]?.text);
    expect(emulator.outbox.list().map((d) => d.rules)).toEqual([['twice'], ['twice']]);
  });

  it('sends a delayed callback only when the emulator clock passes the delay', async () => {
    const { emulator, bearer, sink } = await faultyEmulator(
      [{ effect: { type: 'callback-delay', ms: 30_000 } }],
      ACCEPT,
    );
    await push(emulator, bearer).expect(200);
    await emulator.advance(29_999);
    expect(sink.received).toHaveLength(0);
    await emulator.advance(1);
    expect(sink.received).toHaveLength(1);
  });

  it('holds a reordered callback behind the next one to the same URL', async () => {
    const { emulator, bearer, sink } = await faultyEmulator(
      [{ name: 'late', nth: 1, effect: { type: 'callback-reorder' } }],
      ACCEPT,
    );
    const first = await push(emulator, bearer, {
      PhoneNumber: '254712345678',
      PartyA: '254712345678',
    }).expect(200);
    await emulator.advance(5000);
    expect(sink.received).toHaveLength(0);
    const second = await push(emulator, bearer).expect(200);
    await emulator.advance(0);
    expect(sink.json().map((b) => b.Body.stkCallback.CheckoutRequestID)).toEqual([
      second.body.CheckoutRequestID,
      first.body.CheckoutRequestID,
    ]);
  });

  it('sends a reordered callback anyway after maxHoldMs when nothing follows', async () => {
    const { emulator, bearer, sink } = await faultyEmulator(
      [{ effect: { type: 'callback-reorder', maxHoldMs: 10_000 } }],
      ACCEPT,
    );
    await push(emulator, bearer).expect(200);
    await emulator.advance(9_999);
    expect(sink.received).toHaveLength(0);
    await emulator.advance(1);
    expect(sink.received).toHaveLength(1);
  });

  it('sends a malformed callback body: the JSON cut in half, or not JSON at all', async () => {
    const { emulator, bearer, sink } = await faultyEmulator(
      [
        { match: { amount: 1 }, effect: { type: 'callback-malformed' } },
        { match: { amount: 2 }, effect: { type: 'callback-malformed', mode: 'not-json' } },
      ],
      ACCEPT,
    );
    const res = await push(emulator, bearer, { Amount: 1 }).expect(200);
    await emulator.advance(1000);
    await push(emulator, bearer, { Amount: 2 }).expect(200);
    await emulator.advance(0);
    const [cut, html] = sink.received.map((r) => r.text);
    expect(() => JSON.parse(cut ?? '') as unknown).toThrow();
    expect(cut?.startsWith('{"Body":{"stkCallback":{"MerchantRequestID":')).toBe(true);
    expect(html).toMatch(/^<html>/);
    const delivery = emulator.outbox.list({ transactionId: res.body.CheckoutRequestID })[0];
    expect(delivery?.body).toBe(cut);
  });

  it('words a failed STK callback the legacy way, leaving successes and ids alone', async () => {
    const { emulator, bearer, sink } = await faultyEmulator([
      { name: 'old', effect: { type: 'callback-legacy' } },
      { match: { amount: 7 }, effect: { type: 'stk-outcome', outcome: 'decline' } },
      { match: { amount: 8 }, effect: { type: 'stk-outcome', outcome: 'accept' } },
    ]);
    const declined = await push(emulator, bearer, { Amount: 7 }).expect(200);
    await emulator.advance(1000);
    await push(emulator, bearer, { Amount: 8 }).expect(200);
    await emulator.advance(0);
    const [cancel, paid] = sink.json().map((b) => b.Body.stkCallback);
    expect(cancel).toEqual({
      MerchantRequestID: declined.body.MerchantRequestID,
      CheckoutRequestID: declined.body.CheckoutRequestID,
      ResultCode: 1032,
      ResultDesc: '[STK_CB - ]Request cancelled by user',
    });
    expect(paid?.ResultDesc).toBe('The service request is processed successfully.');
  });

  it('drops a C2B validation request: the registered ResponseType decides, as when the URL is unreachable', async () => {
    const sink = c2bSink();
    const emulator = new Emulator({ clock: 'manual', poster: sink.poster });
    const bearer = await token(emulator.app);
    await register(emulator.app, bearer, registerBody({ ResponseType: 'Cancelled' })).expect(200);
    await setValidation(emulator.app, '600984', true).expect(200);
    emulator.faults.rules.add([
      { name: 'no validation', match: { callback: 'c2b-validation' }, effect: { type: 'callback-drop' } },
    ]);
    const payment = await pay(emulator.app, {
      shortcode: '600984',
      msisdn: '254708374149',
      amount: 100,
      pin: '1234',
    }).expect(201);
    await emulator.runAll();
    expect(sink.validations()).toHaveLength(0);
    expect(sink.confirmations()).toHaveLength(0);
    expect(emulator.transactions.get(payment.body.id)?.status).toBe('failed');
    expect(emulator.outbox.list({ kind: 'c2b-validation' })[0]).toMatchObject({
      status: 'cancelled',
      rules: ['no validation'],
    });
  });

  it('matches callback rules on the callback kind', async () => {
    const { emulator, bearer, sink } = await faultyEmulator(
      [{ match: { callback: 'result' }, effect: { type: 'callback-drop' } }],
      ACCEPT,
    );
    await push(emulator, bearer).expect(200);
    await emulator.runAll();
    expect(sink.received).toHaveLength(1);
    const list = await request(emulator.app).get('/_emulator/faults').expect(200);
    expect(list.body[0]).toMatchObject({ matched: 0, fired: 0 });
  });

  it('lets the merchant-visible callback body stay a valid STK callback when no rule fires', async () => {
    const { emulator, bearer, sink } = await faultyEmulator(
      [{ match: { phone: '254700000000' }, effect: { type: 'callback-drop' } }],
      ACCEPT,
    );
    await push(emulator, bearer).expect(200);
    await emulator.runAll();
    const body = sink.json()[0] as StkCallbackBody;
    expect(body.Body.stkCallback.ResultCode).toBe(0);
    expect(emulator.outbox.list()[0]?.rules).toBeUndefined();
  });
});
