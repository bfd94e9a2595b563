import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import request from 'supertest';
import type { PostResult } from 'daraja-emulator';
import type {
  C2bValidationView,
  DeliveryView,
  Settings,
  SmsView,
  TransactionView,
} from 'daraja-client/emulator';
import { createEmulator, type Emulator } from 'daraja-emulator';
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

const JOHN = '254708374149';

async function start(validation?: () => PostResult, c2b: Partial<Settings['c2b']> = {}) {
  const sink = c2bSink(validation);
  const emulator = createEmulator({
    clock: 'manual',
    store: 'memory',
    seed: 1,
    poster: sink.poster,
    settings: { c2b },
  });
  return { emulator, sink, bearer: await token(emulator.app) };
}

/** Registers URLs for 600984 and turns external validation on, as Safaricom does on request. */
async function withValidation(
  emulator: Emulator,
  bearer: string,
  responseType: 'Completed' | 'Cancelled' = 'Completed',
) {
  await register(emulator.app, bearer, registerBody({ ResponseType: responseType })).expect(200);
  await setValidation(emulator.app, '600984', true).expect(200);
}

function balances(emulator: Emulator) {
  return {
    wallet: (emulator.ledger.customer(JOHN)?.balanceCents ?? 0) / 100,
    utility:
      (emulator.ledger.balanceCents({ type: 'org', shortcode: '600984', account: 'Utility Account' }) ?? 0) /
      100,
  };
}

async function sms(emulator: Emulator, msisdn = JOHN): Promise<string[]> {
  return ((await request(emulator.app).get(`/_emulator/customers/${msisdn}/messages`)).body as SmsView[]).map(
    (m) => m.text,
  );
}

async function view(emulator: Emulator, id: string): Promise<TransactionView> {
  return (await request(emulator.app).get(`/_emulator/transactions/${id}`).expect(200))
    .body as TransactionView;
}

const payBill = { shortcode: '600984', msisdn: JOHN, amount: 100, billRefNumber: 'ACC-1', pin: '1234' };

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
    const emulator = createEmulator({
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
    const world = createEmulator().world;
    const shortcodes = world.shortcodes.map((s) =>
      s.shortcode === '600984' ? { ...s, externalValidation: true } : s,
    );
    const emulator = createEmulator({ clock: 'manual', seed: 1, poster: sink.poster, world: { shortcodes } });
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

describe('C2B validation over real HTTP', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });

  /** A merchant server on 127.0.0.1 that answers validation after `delayMs` real milliseconds. */
  async function merchant(delayMs: number) {
    const hits: string[] = [];
    const server = createServer((req: IncomingMessage, res: ServerResponse) => {
      hits.push(req.url ?? '');
      const answer = () =>
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end('{"ResultCode":"0","ResultDesc":"Accepted"}');
      if (req.url === '/validation') setTimeout(answer, delayMs);
      else answer();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    return { base, hits };
  }

  it('gives up on a ValidationURL slower than c2b.validationTimeoutMs and applies ResponseType Cancelled', async () => {
    const { base, hits } = await merchant(2_000);
    const emulator = createEmulator({
      clock: 'manual',
      seed: 1,
      settings: { c2b: { validationTimeoutMs: 200 } },
    });
    const bearer = await token(emulator.app);
    await register(
      emulator.app,
      bearer,
      registerBody({
        ResponseType: 'Cancelled',
        ConfirmationURL: `${base}/confirmation`,
        ValidationURL: `${base}/validation`,
      }),
    ).expect(200);
    await setValidation(emulator.app, '600984', true).expect(200);
    const pending = (await pay(emulator.app, payBill).expect(201)).body as TransactionView;
    const started = process.hrtime.bigint();
    await emulator.runAll();
    expect(Number((process.hrtime.bigint() - started) / 1_000_000n)).toBeLessThan(1_500);
    const [delivery] = (await request(emulator.app).get(`/_emulator/deliveries?transactionId=${pending.id}`))
      .body as DeliveryView[];
    expect(delivery?.attempts[0]?.error).toMatch(/timed out after 200 ms/);
    expect(hits).toEqual(['/validation']);
    expect(emulator.transactions.get(pending.id)?.status).toBe('failed');
  });

  it('pays when a real ValidationURL accepts in time', async () => {
    const { base, hits } = await merchant(10);
    const emulator = createEmulator({ clock: 'manual', seed: 1 });
    const bearer = await token(emulator.app);
    await register(
      emulator.app,
      bearer,
      registerBody({ ConfirmationURL: `${base}/confirmation`, ValidationURL: `${base}/validation` }),
    ).expect(200);
    await setValidation(emulator.app, '600984', true).expect(200);
    const pending = (await pay(emulator.app, payBill).expect(201)).body as TransactionView;
    await emulator.runAll();
    expect(hits).toEqual(['/validation', '/confirmation']);
    expect(emulator.transactions.get(pending.id)?.status).toBe('completed');
  });
});
