import { describe, expect, it } from 'vitest';
import type { PostResult } from 'daraja-emulator';
import type { TransactionView } from 'daraja-client/emulator';
import { accept, pay, register, registerBody, reject, simulate, simulateBody } from '../support/c2b.js';

import { JOHN, balances, payBill, sms, start, view, withValidation } from '../support/c2b-payments.js';

describe('A customer paying a business (C2B)', () => {
  it('pays a bill from the phone: checks the PIN, moves the money, sends the SMS and the confirmation', async () => {
    const { emulator, sink, bearer } = await start();
    await register(emulator.app, bearer, registerBody()).expect(200);
    const before = balances(emulator);
    const res = await pay(emulator.app, payBill).expect(201);
    const t = res.body as TransactionView;
    expect(t).toMatchObject({
      type: 'c2b',
      status: 'completed',
      shortcode: '600984',
      phone: JOHN,
      amount: 100,
      accountReference: 'ACC-1',
    });
    expect(t.decision?.by).toBe('phone');
    expect(balances(emulator)).toEqual({ wallet: before.wallet - 100, utility: before.utility + 100 });
    expect((await sms(emulator))[0]).toMatch(
      /^\w{10} Confirmed\. Ksh100\.00 sent to Safaricom Daraja 984 for account ACC-1 on /,
    );
    await emulator.advance(0);
    expect(sink.confirmations().map((d) => d.body.TransID)).toEqual([t.id]);
    expect((await view(emulator, t.id)).deliveries).toHaveLength(1);
  });

  it('pays a till with Buy Goods when the shortcode is a till', async () => {
    const { emulator } = await start();
    const t = (await pay(emulator.app, { shortcode: '373132', msisdn: JOHN, amount: 30 }).expect(201))
      .body as TransactionView;
    expect(t).toMatchObject({ status: 'completed', description: 'Buy Goods' });
    expect(
      emulator.ledger.balanceCents({ type: 'org', shortcode: '373132', account: 'Merchant Account' }),
    ).toBe(3_000);
  });

  it('fails a payment made with the wrong PIN: no money moves and the phone gets the M-Pesa message', async () => {
    const { emulator, sink, bearer } = await start();
    await register(emulator.app, bearer, registerBody()).expect(200);
    const before = balances(emulator);
    const t = (await pay(emulator.app, { ...payBill, pin: '9999' }).expect(201)).body as TransactionView;
    expect(t).toMatchObject({
      status: 'failed',
      resultCode: 2001,
      resultDesc: 'You have entered the wrong PIN.',
    });
    expect(balances(emulator)).toEqual(before);
    expect(await sms(emulator)).toEqual(['Failed. You have entered the wrong PIN.']);
    await emulator.runAll();
    expect(sink.received).toEqual([]);
  });

  it('fails a payment the wallet cannot cover without asking the business', async () => {
    const { emulator, sink, bearer } = await start(() => accept());
    await withValidation(emulator, bearer);
    const t = (await pay(emulator.app, { ...payBill, amount: 50_001 }).expect(201)).body as TransactionView;
    expect(t).toMatchObject({ status: 'failed', resultCode: 1 });
    await emulator.runAll();
    expect(sink.received).toEqual([]);
    expect((await sms(emulator))[0]).toMatch(/^Failed\. Insufficient funds/);
  });

  it.each([
    ['an unknown shortcode', { shortcode: '123456' }, 404, 'unknown_shortcode'],
    ['an unknown customer', { msisdn: '254700000001' }, 404, 'unknown_customer'],
    ['a shortcode that is not one', { shortcode: 'abc' }, 400, 'invalid_shortcode'],
    ['a local phone number', { msisdn: '0708374149' }, 400, 'invalid_msisdn'],
    ['a fractional amount', { amount: 10.5 }, 400, 'invalid_amount'],
    ['a zero amount', { amount: 0 }, 400, 'invalid_amount'],
    ['an amount sent as text', { amount: '100' }, 400, 'invalid_amount'],
    ['an account number that is not text', { billRefNumber: 12 }, 400, 'invalid_bill_ref'],
  ])('refuses a phone payment to %s without touching the ledger', async (_case, overrides, status, code) => {
    const { emulator } = await start();
    const before = emulator.ledger.conservationCents();
    const res = await pay(emulator.app, { ...payBill, ...overrides }).expect(status);
    expect(res.body.error.code).toBe(code);
    expect(emulator.transactions.list({ type: 'c2b' })).toEqual([]);
    expect(emulator.ledger.conservationCents()).toBe(before);
  });

  it('conserves money over a run of payments that succeed, fail and get rejected', async () => {
    let answer = 0;
    const answers = [accept(), reject('C2B00011'), { error: 'ECONNREFUSED', durationMs: 1 }];
    const { emulator, bearer } = await start(() => answers[answer++ % answers.length] as PostResult);
    const before = emulator.ledger.conservationCents();
    await withValidation(emulator, bearer, 'Cancelled');
    for (let i = 0; i < 6; i++) await pay(emulator.app, { ...payBill, amount: 10 + i }).expect(201);
    await pay(emulator.app, { ...payBill, pin: '0000' }).expect(201);
    await pay(emulator.app, { ...payBill, msisdn: '254722000000', pin: '4321', amount: 100_000 }).expect(201);
    await simulate(
      emulator.app,
      bearer,
      simulateBody({ ShortCode: '373132', CommandID: 'CustomerBuyGoodsOnline' }),
    ).expect(200);
    await emulator.runAll();
    const statuses = emulator.transactions.list({ type: 'c2b' }).map((t) => t.status);
    expect(statuses.filter((s) => s === 'completed')).toHaveLength(3);
    expect(statuses.filter((s) => s === 'failed')).toHaveLength(6);
    expect(emulator.ledger.conservationCents()).toBe(before);
    for (const c of emulator.ledger.customers.values()) expect(c.balanceCents).toBeGreaterThanOrEqual(0);
  });
});
