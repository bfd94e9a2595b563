import { describe, expect, it } from 'vitest';
import request from 'supertest';
import type { C2bValidationView, TransactionView } from 'daraja-client/emulator';
import { token } from '../support/daraja-requests.js';
import {
  accept,
  c2bSink,
  pay,
  register,
  registerBody,
  reject,
  setValidation,
  simulate,
  simulateBody,
} from '../support/c2b.js';

import { balances, payBill, sms, start, view, withValidation } from '../support/c2b-payments.js';
import { Emulator } from '../../emulator/src/internals.js';

describe('C2B external validation', () => {
  it('asks the ValidationURL first when external validation is on, and pays once the app accepts', async () => {
    const { emulator, sink, bearer } = await start(() => accept({ ThirdPartyTransID: 'SHOP-778' }));
    await withValidation(emulator, bearer);
    const before = balances(emulator);
    const pending = (await pay(emulator.app, payBill).expect(201)).body as TransactionView;
    expect(pending.status).toBe('pending');
    expect(balances(emulator)).toEqual(before);
    await emulator.advance(0);
    const [validation] = sink.validations();
    const [confirmation] = sink.confirmations();
    expect(validation?.body).toMatchObject({
      TransID: pending.id,
      OrgAccountBalance: '',
      ThirdPartyTransID: '',
      TransAmount: '100.00',
    });
    expect(validation?.timeoutMs).toBe(8_000);
    expect(confirmation?.body).toMatchObject({
      TransID: pending.id,
      ThirdPartyTransID: 'SHOP-778',
      OrgAccountBalance: (before.utility + 100).toFixed(2),
    });
    expect(balances(emulator)).toEqual({ wallet: before.wallet - 100, utility: before.utility + 100 });
    expect(await view(emulator, pending.id)).toMatchObject({ status: 'completed', receipt: pending.id });
  });

  it('accepts a numeric ResultCode 0 from the ValidationURL too', async () => {
    const { emulator, sink, bearer } = await start(() => ({
      status: 200,
      body: '{"ResultCode":0,"ResultDesc":"Accepted"}',
      durationMs: 3,
    }));
    await withValidation(emulator, bearer);
    await simulate(emulator.app, bearer, simulateBody()).expect(200);
    await emulator.advance(0);
    expect(sink.confirmations()).toHaveLength(1);
  });

  it('does not pay when the app rejects: the customer is told why and no confirmation is sent', async () => {
    const { emulator, sink, bearer } = await start(() => reject('C2B00012'));
    await withValidation(emulator, bearer);
    const before = balances(emulator);
    const pending = (await pay(emulator.app, payBill).expect(201)).body as TransactionView;
    await emulator.advance(0);
    expect(sink.validations()).toHaveLength(1);
    expect(sink.confirmations()).toEqual([]);
    expect(balances(emulator)).toEqual(before);
    expect(await view(emulator, pending.id)).toMatchObject({
      status: 'failed',
      resultCode: 'C2B00012',
      resultDesc: 'Invalid Account Number',
    });
    expect((await sms(emulator))[0]).toBe(
      'Failed. Safaricom Daraja 984 did not accept your payment of Ksh100.00 for account ACC-1: Invalid Account Number.',
    );
  });

  it("treats any code other than 0 as a rejection and keeps the app's own description", async () => {
    const { emulator, bearer } = await start(() => reject('1', 'Account closed'));
    await withValidation(emulator, bearer);
    const pending = (await pay(emulator.app, payBill).expect(201)).body as TransactionView;
    await emulator.advance(0);
    expect(await view(emulator, pending.id)).toMatchObject({
      status: 'failed',
      resultCode: '1',
      resultDesc: 'Account closed',
    });
  });

  it.each([
    ['times out', () => ({ error: 'timed out after 8000 ms', durationMs: 8_000 })],
    ['answers after the 8 s deadline', () => accept({}, 8_500)],
    ['is down', () => ({ error: 'ECONNREFUSED', durationMs: 2 })],
    ['answers HTTP 500', () => ({ status: 500, body: 'oops', durationMs: 4 })],
    ['answers something that is not JSON', () => ({ status: 200, body: '<html>ok</html>', durationMs: 4 })],
  ])(
    'lets the payment through when the ValidationURL %s and ResponseType is Completed',
    async (_case, answer) => {
      const { emulator, sink, bearer } = await start(answer);
      await withValidation(emulator, bearer, 'Completed');
      const before = balances(emulator);
      const pending = (await pay(emulator.app, payBill).expect(201)).body as TransactionView;
      await emulator.advance(0);
      expect(sink.confirmations()).toHaveLength(1);
      expect(balances(emulator)).toEqual({ wallet: before.wallet - 100, utility: before.utility + 100 });
      const done = await view(emulator, pending.id);
      expect(done).toMatchObject({ status: 'completed', decision: { by: 'timeout' } });
    },
  );

  it.each([
    ['times out', () => ({ error: 'timed out after 8000 ms', durationMs: 8_000 })],
    ['answers after the 8 s deadline', () => accept({}, 8_001)],
    ['is down', () => ({ error: 'ECONNREFUSED', durationMs: 2 })],
  ])('cancels the payment when the ValidationURL %s and ResponseType is Cancelled', async (_case, answer) => {
    const { emulator, sink, bearer } = await start(answer);
    await withValidation(emulator, bearer, 'Cancelled');
    const before = balances(emulator);
    const pending = (await pay(emulator.app, payBill).expect(201)).body as TransactionView;
    await emulator.runAll();
    expect(sink.validations()).toHaveLength(1);
    expect(sink.confirmations()).toEqual([]);
    expect(balances(emulator)).toEqual(before);
    expect(await view(emulator, pending.id)).toMatchObject({
      status: 'failed',
      resultCode: 'C2B00016',
      decision: { by: 'timeout' },
    });
    expect((await sms(emulator))[0]).toMatch(
      /^Failed\. Your payment of Ksh100\.00 to Safaricom Daraja 984 could not be completed/,
    );
  });

  it('asks the ValidationURL once even when callback retries are configured', async () => {
    const sink = c2bSink(() => ({ error: 'ECONNREFUSED', durationMs: 1 }));
    const emulator = new Emulator({
      clock: 'manual',
      seed: 1,
      poster: sink.poster,
      settings: { callbacks: { retries: 3 } },
    });
    const bearer = await token(emulator.app);
    await withValidation(emulator, bearer, 'Cancelled');
    await pay(emulator.app, payBill).expect(201);
    await emulator.runAll();
    expect(sink.validations()).toHaveLength(1);
  });

  it('sends only the confirmation when external validation is off, even with a ValidationURL registered', async () => {
    const { emulator, sink, bearer } = await start(() => reject('C2B00016'));
    await register(emulator.app, bearer, registerBody()).expect(200);
    await pay(emulator.app, payBill).expect(201);
    await emulator.advance(0);
    expect(sink.validations()).toEqual([]);
    expect(sink.confirmations()).toHaveLength(1);
  });

  it('switches external validation per shortcode through the control API', async () => {
    const { emulator } = await start();
    const off = (await request(emulator.app).get('/_emulator/c2b/shortcodes/600984/validation').expect(200))
      .body as C2bValidationView;
    expect(off).toEqual({ shortcode: '600984', externalValidation: false });
    expect((await setValidation(emulator.app, '600984', true).expect(200)).body).toEqual({
      shortcode: '600984',
      externalValidation: true,
    });
    expect(
      (await request(emulator.app).get('/_emulator/c2b/shortcodes/600000/validation')).body
        .externalValidation,
    ).toBe(false);
    await request(emulator.app)
      .put('/_emulator/c2b/shortcodes/600984/validation')
      .send({ enabled: 'yes' })
      .expect(400);
    await setValidation(emulator.app, '999999', true).expect(404);
  });

  it('turns external validation on from the world configuration', async () => {
    const sink = c2bSink(() => reject('C2B00013'));
    const world = new Emulator().world;
    const shortcodes = world.shortcodes.map((s) =>
      s.shortcode === '600984' ? { ...s, externalValidation: true } : s,
    );
    const emulator = new Emulator({ clock: 'manual', seed: 1, poster: sink.poster, world: { shortcodes } });
    const bearer = await token(emulator.app);
    await register(emulator.app, bearer, registerBody()).expect(200);
    await simulate(emulator.app, bearer, simulateBody()).expect(200);
    await emulator.advance(0);
    expect(sink.validations()).toHaveLength(1);
    expect(emulator.transactions.list({ type: 'c2b' })[0]).toMatchObject({
      status: 'failed',
      resultDesc: 'Invalid Amount',
    });
  });

  it('waits the configured delay before asking the ValidationURL', async () => {
    const { emulator, sink, bearer } = await start(() => accept(), { validationDelayMs: 1_500 });
    await withValidation(emulator, bearer);
    await pay(emulator.app, payBill).expect(201);
    await emulator.advance(1_499);
    expect(sink.validations()).toHaveLength(0);
    await emulator.advance(1);
    expect(sink.validations()).toHaveLength(1);
    expect(sink.confirmations()).toHaveLength(1);
  });
});
