import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DarajaClient, DarajaPaths, DarajaErrors, parseStkCallback, type StkCallback } from 'daraja-client';
import { startEmulator, SANDBOX_MSISDN, type TestEmulator } from 'daraja-emulator/testing';

const push = (client: DarajaClient, callbackUrl: string, phoneNumber = SANDBOX_MSISDN, amount = 10) =>
  client.stk.push({
    amount,
    phoneNumber,
    callbackUrl,
    accountReference: 'INV-1',
    transactionDesc: 'Order 1',
  });

const resultOf = (body: unknown) => parseStkCallback(body as { Body: { stkCallback: StkCallback } });

describe('test kit', () => {
  let emu: TestEmulator;
  let client: DarajaClient;
  let callbackUrl: string;

  beforeAll(async () => {
    emu = await startEmulator({ seed: 1 });
    client = new DarajaClient(emu.clientConfig());
    callbackUrl = (await emu.callbackSink()).url + '/stk';
  });
  afterAll(() => emu.close());
  beforeEach(() => emu.reset());

  it('starts on a free loopback port with a manual clock and a memory store', async () => {
    expect(emu.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const ready = (await (await fetch(emu.url + '/_emulator/ready')).json()) as Record<string, unknown>;
    expect(ready).toEqual({ ready: true, store: 'memory', clock: 'manual' });
  });

  it('lets the phone accept the prompt with its own PIN and hands the test the success callback', async () => {
    const ack = await push(client, callbackUrl);
    const before = emu.phone(SANDBOX_MSISDN).balance();
    const done = await emu.phone(SANDBOX_MSISDN).accept();
    expect(done).toMatchObject({ id: ack.CheckoutRequestID, status: 'completed', resultCode: 0 });
    const callback = await emu.nextCallback({ kind: 'stk-callback', transactionId: ack.CheckoutRequestID });
    expect(callback.status).toBe('delivered');
    const result = resultOf(callback.body);
    expect(result).toMatchObject({ success: true, amount: 10, checkoutRequestId: ack.CheckoutRequestID });
    expect(emu.phone(SANDBOX_MSISDN).balance()).toBe(before - 10);
  });

  it('waits for a prompt that has not arrived yet when the phone is told to accept first', async () => {
    const accepted = emu.phone(SANDBOX_MSISDN).accept();
    const ack = await push(client, callbackUrl);
    expect((await accepted).id).toBe(ack.CheckoutRequestID);
  });

  it.each([
    ['decline', 1032, (emu: TestEmulator) => emu.phone(SANDBOX_MSISDN).decline()],
    ['a wrong PIN', 2001, (emu: TestEmulator) => emu.phone(SANDBOX_MSISDN).accept('0000')],
  ])('reports %s as result code %i in the callback', async (_name, code, act) => {
    const ack = await push(client, callbackUrl);
    await act(emu);
    const callback = await emu.nextCallback({ transactionId: ack.CheckoutRequestID });
    expect(resultOf(callback.body)).toMatchObject({ success: false, resultCode: code });
  });

  it('times a prompt out after the 60-second PIN timeout in one call, moving virtual time', async () => {
    const start = emu.now();
    const ack = await push(client, callbackUrl);
    const done = await emu.phone(SANDBOX_MSISDN).ignore();
    expect(emu.now() - start).toBe(60_000);
    expect(done).toMatchObject({ status: 'failed', resultCode: 1037, decision: { by: 'timeout' } });
    const callback = await emu.nextCallback({ transactionId: ack.CheckoutRequestID });
    expect(resultOf(callback.body)).toMatchObject({ resultCode: 1037, resultDesc: 'No response from user.' });
  });

  it('expires a token after one hour of virtual time in one call', async () => {
    const basic = Buffer.from('key:secret').toString('base64');
    const tokenRes = await fetch(`${emu.url}${DarajaPaths.oauth}?grant_type=client_credentials`, {
      headers: { Authorization: `Basic ${basic}` },
    });
    const { access_token: token } = (await tokenRes.json()) as { access_token: string };
    const query = () =>
      fetch(emu.url + DarajaPaths.stkQuery, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: '{}',
      });
    expect((await query()).status).toBe(400);
    await emu.advance(3600_000);
    const expired = await query();
    expect(expired.status).toBe(404);
    expect(await expired.json()).toMatchObject({ errorCode: DarajaErrors.invalidAccessToken.code });
  });

  it('keeps an offline phone from receiving the prompt until it comes back online', async () => {
    emu.phone(SANDBOX_MSISDN).goOffline();
    const ack = await push(client, callbackUrl);
    await emu.advance(60_000);
    const callback = await emu.nextCallback({ transactionId: ack.CheckoutRequestID });
    expect(resultOf(callback.body)).toMatchObject({
      resultCode: 1037,
      resultDesc: 'DS timeout user cannot be reached',
    });
    emu.phone(SANDBOX_MSISDN).goOnline();
    await push(client, callbackUrl);
    expect((await emu.phone(SANDBOX_MSISDN).accept()).status).toBe('completed');
  });

  it('hands over callbacks in the order they settled, each once', async () => {
    const first = await push(client, callbackUrl, SANDBOX_MSISDN);
    await emu.phone(SANDBOX_MSISDN).decline();
    const second = await push(client, callbackUrl, '254708374150');
    await emu.phone('254708374150').accept();
    expect((await emu.nextCallback()).transactionId).toBe(first.CheckoutRequestID);
    expect((await emu.nextCallback()).transactionId).toBe(second.CheckoutRequestID);
    await expect(emu.nextCallback({ timeoutMs: 50 })).rejects.toThrow(/No callback matching .* within 50 ms/);
  });

  it('says why no callback came when work is waiting for the manual clock', async () => {
    emu.settings({ stk: { callbackDelayMs: 5_000 } });
    await push(client, callbackUrl);
    await emu.phone(SANDBOX_MSISDN).accept();
    await expect(emu.nextCallback({ timeoutMs: 50 })).rejects.toThrow(
      /deliver stk-callback .* in 5000 ms.*advance\(ms\)/,
    );
    await emu.advance(5_000);
    expect((await emu.nextCallback()).status).toBe('delivered');
  });

  it('records failed deliveries when the sink answers 500', async () => {
    const sink = await emu.callbackSink({ reply: 500 });
    const ack = await push(client, sink.url + '/broken');
    await emu.phone(SANDBOX_MSISDN).accept();
    const callback = await emu.nextCallback({ url: /\/broken$/ });
    expect(callback).toMatchObject({
      status: 'failed',
      transactionId: ack.CheckoutRequestID,
      attempts: [{ status: 500 }],
    });
    expect((await sink.next()).body).toEqual(callback.body);
  });

  it('reads the journal, transactions and deliveries through filters', async () => {
    const ack = await push(client, callbackUrl);
    await emu.phone(SANDBOX_MSISDN).accept();
    expect(emu.journal({ api: 'stk-push' }).map((e) => e.status)).toEqual([200]);
    expect(emu.transactions({ type: 'stk', status: 'completed' }).map((t) => t.id)).toEqual([
      ack.CheckoutRequestID,
    ]);
    expect(emu.transaction(ack.MerchantRequestID)?.id).toBe(ack.CheckoutRequestID);
    expect(emu.deliveries({ transactionId: ack.CheckoutRequestID })).toHaveLength(1);
  });

  it('validates settings changes and resets them to the start-up settings', async () => {
    expect(() => emu.settings({ stk: { pinTimeoutMs: -1 } })).toThrow();
    expect(emu.settings({ stk: { defaultOutcome: 'accept' } }).stk.defaultOutcome).toBe('accept');
    await push(client, callbackUrl);
    await emu.reset();
    expect(emu.settings().stk.defaultOutcome).toBe('wait');
    expect(emu.transactions()).toEqual([]);
    expect(emu.journal()).toEqual([]);
  });

  it('pays a paybill and a till as a customer, with confirmations at the registered URLs', async () => {
    const sink = await emu.callbackSink();
    await client.c2b.registerUrls({ shortCode: '600984', confirmationUrl: sink.url + '/paybill' });
    await client.c2b.registerUrls({ shortCode: '373132', confirmationUrl: sink.url + '/till' });
    const customer = emu.customer(SANDBOX_MSISDN);
    const before = customer.balance();
    const bill = await customer.payBill({ shortcode: '600984', account: 'ACC-42', amount: 150 });
    const goods = await customer.buyGoods({ till: '373132', amount: 20 });
    expect([bill.status, goods.status]).toEqual(['completed', 'completed']);
    const paid = await emu.nextCallback({ kind: 'c2b-confirmation', url: /\/paybill$/ });
    expect(paid.body).toMatchObject({
      TransactionType: 'Pay Bill',
      BillRefNumber: 'ACC-42',
      TransAmount: '150.00',
    });
    const bought = await emu.nextCallback({ kind: 'c2b-confirmation', url: /\/till$/ });
    expect(bought.body).toMatchObject({ TransactionType: 'Buy Goods', BusinessShortCode: '373132' });
    expect(customer.balance()).toBe(before - 170);
  });

  it('refuses a customer payment to a shortcode the emulator does not have, saying why', async () => {
    await expect(
      emu.customer(SANDBOX_MSISDN).payBill({ shortcode: '999999', account: 'x', amount: 1 }),
    ).rejects.toThrow(/refused \(404\): No paybill or till 999999/);
  });

  it('keeps issued tokens across reset, so an app that caches its token goes on working', async () => {
    await push(client, callbackUrl);
    await emu.reset();
    await push(client, callbackUrl);
    expect(emu.journal().map((e) => e.status)).toEqual([200]);
  });

  it('empties the sinks and the unclaimed callbacks on reset', async () => {
    const sink = await emu.callbackSink();
    await push(client, sink.url);
    await emu.phone(SANDBOX_MSISDN).accept();
    expect(sink.requests).toHaveLength(1);
    await emu.reset();
    expect(sink.requests).toHaveLength(0);
    await expect(emu.nextCallback({ timeoutMs: 20 })).rejects.toThrow(/No callback/);
  });
});

describe('test kit, several emulators', () => {
  it('runs two emulators side by side with separate worlds and clocks', async () => {
    const [a, b] = await Promise.all([startEmulator(), startEmulator()]);
    try {
      expect(a.port).not.toBe(b.port);
      const clientA = new DarajaClient(a.clientConfig());
      const clientB = new DarajaClient(b.clientConfig());
      const [sinkA, sinkB] = await Promise.all([a.callbackSink(), b.callbackSink()]);
      await Promise.all([
        push(clientA, sinkA.url, SANDBOX_MSISDN, 5),
        push(clientB, sinkB.url, SANDBOX_MSISDN, 7),
      ]);
      await Promise.all([a.phone(SANDBOX_MSISDN).accept(), b.phone(SANDBOX_MSISDN).ignore()]);
      expect(resultOf((await a.nextCallback()).body)).toMatchObject({ success: true, amount: 5 });
      expect(resultOf((await b.nextCallback()).body)).toMatchObject({ resultCode: 1037 });
      expect(a.now()).not.toBe(b.now());
      expect(b.transactions()[0]?.amount).toBe(7);
      expect(sinkA.requests).toHaveLength(1);
      expect(sinkB.requests).toHaveLength(1);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('sends the admin token on its own control calls when the emulator has one', async () => {
    const emu = await startEmulator({ adminToken: 'kit-secret' });
    try {
      expect((await fetch(emu.url + '/_emulator/health')).status).toBe(401);
      const paid = await emu
        .customer(SANDBOX_MSISDN)
        .payBill({ shortcode: '600984', account: 'A1', amount: 5 });
      expect(paid.status).toBe('completed');
    } finally {
      await emu.close();
    }
  });

  it('runs on the system clock when asked, with callbacks sent without moving time', async () => {
    const emu = await startEmulator({ clock: 'system' });
    try {
      const sink = await emu.callbackSink();
      await push(new DarajaClient(emu.clientConfig()), sink.url);
      await emu.phone(SANDBOX_MSISDN).accept();
      expect((await emu.nextCallback()).status).toBe('delivered');
      expect(resultOf((await sink.next()).body).success).toBe(true);
    } finally {
      await emu.close();
    }
  });
});
