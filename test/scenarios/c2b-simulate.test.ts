import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import request from 'supertest';
import type { C2BNotification } from 'daraja-client/wire';
import type { Settings, SmsView, TransactionView } from 'daraja-client/emulator';
import { capture, keyOrder, sandboxAnswer, shapeOf } from '../support/captures.js';
import { token } from '../support/daraja-requests.js';
import { c2bSink, register, registerBody, simulate, simulateBody } from '../support/c2b.js';
import { Emulator } from '../../emulator/src/internals.js';

async function start(c2b: Partial<Settings['c2b']> = {}) {
  const sink = c2bSink();
  const emulator = new Emulator({
    clock: 'manual',
    store: 'memory',
    seed: 1,
    poster: sink.poster,
    settings: { c2b },
  });
  return { emulator, sink, bearer: await token(emulator.app) };
}

function utility(emulator: Emulator, shortcode = '600984', account = 'Utility Account'): number {
  return (emulator.ledger.balanceCents({ type: 'org', shortcode, account }) ?? 0) / 100;
}

function wallet(emulator: Emulator, msisdn = '254708374149'): number {
  return (emulator.ledger.customer(msisdn)?.balanceCents ?? 0) / 100;
}

async function transaction(emulator: Emulator, id: string): Promise<TransactionView> {
  return (await request(emulator.app).get(`/_emulator/transactions/${id}`).expect(200))
    .body as TransactionView;
}

describe('C2B simulate', () => {
  it('acknowledges v2 key for key and type for type like the sandbox capture', async () => {
    const { emulator, bearer } = await start();
    const res = await simulate(emulator.app, bearer, simulateBody(), 'v2');
    const captured = sandboxAnswer<Record<string, string>>('c2b-simulate.json');
    expect(res.status).toBe(captured.status);
    expect(shapeOf(res.body)).toEqual(shapeOf(captured.response));
    expect(keyOrder(res.body)).toEqual(keyOrder(captured.response));
    expect(res.body.ResponseCode).toBe('0');
    expect(res.body.ResponseDescription).toBe(captured.response.ResponseDescription);
  });

  it('acknowledges v1 with a ConversationID and no ResponseCode, as the 2018 capture shows', async () => {
    const { emulator, bearer } = await start();
    const res = await simulate(emulator.app, bearer, simulateBody(), 'v1').expect(200);
    expect(Object.keys(res.body)).toEqual([
      'ConversationID',
      'OriginatorCoversationID',
      'ResponseDescription',
    ]);
    expect(res.body.ConversationID).toMatch(/^AG_\d{8}_[0-9a-f]{20}$/);
    expect(res.body.ResponseDescription).toBe('Accept the service request successfully.');
  });

  it('sends a v2 confirmation key for key, in order and type for type like the portal sample', async () => {
    const { emulator, sink, bearer } = await start();
    await register(emulator.app, bearer, registerBody(), 'v2').expect(200);
    const before = utility(emulator);
    await simulate(emulator.app, bearer, simulateBody({ Amount: '5' })).expect(200);
    await emulator.advance(0);
    const [confirmation] = sink.confirmations();
    const sample = capture<C2BNotification>('portal-samples/c2b-v2-notification.json');
    expect(shapeOf(confirmation?.body)).toEqual(shapeOf(sample));
    expect(keyOrder(confirmation?.body)).toEqual(keyOrder(sample));
    expect(confirmation?.body).toMatchObject({
      TransactionType: 'Pay Bill',
      TransAmount: '5.00',
      BusinessShortCode: '600984',
      BillRefNumber: 'INV-001',
      InvoiceNumber: '',
      OrgAccountBalance: (before + 5).toFixed(2),
      ThirdPartyTransID: '',
      MSISDN: '2547 ***** 149',
      FirstName: 'John',
      MiddleName: '',
      LastName: 'Doe',
    });
    expect(confirmation?.body.TransID).toMatch(/^[A-Z][A-L][1-9A-V][A-Z0-9]{7}$/);
    expect(confirmation?.body.TransTime).toMatch(/^\d{14}$/);
  });

  it('hashes the MSISDN with SHA-256 for a v1 registration and masks it for v2', async () => {
    const { emulator, sink, bearer } = await start();
    await register(emulator.app, bearer, registerBody(), 'v1').expect(200);
    await simulate(emulator.app, bearer, simulateBody()).expect(200);
    await register(emulator.app, bearer, registerBody(), 'v2').expect(200);
    await simulate(emulator.app, bearer, simulateBody()).expect(200);
    await emulator.advance(0);
    const [v1, v2] = sink.confirmations();
    expect(v1?.body.MSISDN).toBe(createHash('sha256').update('254708374149').digest('hex'));
    expect(v1?.body.MSISDN).toMatch(/^[0-9a-f]{64}$/);
    expect(v2?.body.MSISDN).toBe('2547 ***** 149');
  });

  it.each([
    ['hashed', 'v2', createHash('sha256').update('254708374149').digest('hex')],
    ['masked', 'v1', '2547 ***** 149'],
    ['plain', 'v2', '254708374149'],
  ] as const)(
    'shows the MSISDN %s for a %s registration when c2b.msisdnFormat says so',
    async (format, version, expected) => {
      const { emulator, sink, bearer } = await start({ msisdnFormat: format });
      await register(emulator.app, bearer, registerBody(), version).expect(200);
      await simulate(emulator.app, bearer, simulateBody()).expect(200);
      await emulator.advance(0);
      expect(sink.confirmations()[0]?.body.MSISDN).toBe(expected);
    },
  );

  it('moves the money from the wallet to the Utility Account and records the receipt', async () => {
    const { emulator, bearer } = await start();
    const [walletBefore, utilityBefore] = [wallet(emulator), utility(emulator)];
    await simulate(emulator.app, bearer, simulateBody({ Amount: 250 })).expect(200);
    expect(wallet(emulator)).toBe(walletBefore - 250);
    expect(utility(emulator)).toBe(utilityBefore + 250);
    const [t] = emulator.transactions.list({ type: 'c2b' });
    expect(t).toMatchObject({
      status: 'completed',
      amount: 250,
      accountReference: 'INV-001',
      phone: '254708374149',
      resultCode: 0,
    });
    expect(t?.receipt).toBe(t?.id);
    const movement = [...emulator.ledger.movements.values()].find((m) => m.transactionId === t?.id);
    expect(movement).toMatchObject({ receipt: t?.id, amountCents: 25_000 });
  });

  it('credits a till\'s Merchant Account and says "Buy Goods" for CustomerBuyGoodsOnline', async () => {
    const { emulator, sink, bearer } = await start();
    await register(emulator.app, bearer, registerBody({ ShortCode: '373132' })).expect(200);
    const before = utility(emulator, '373132', 'Merchant Account');
    await simulate(
      emulator.app,
      bearer,
      simulateBody({
        ShortCode: '373132',
        CommandID: 'CustomerBuyGoodsOnline',
        BillRefNumber: null,
        Amount: 40,
      }),
    ).expect(200);
    await emulator.advance(0);
    expect(utility(emulator, '373132', 'Merchant Account')).toBe(before + 40);
    expect(sink.confirmations()[0]?.body).toMatchObject({
      TransactionType: 'Buy Goods',
      BillRefNumber: '',
      OrgAccountBalance: (before + 40).toFixed(2),
    });
  });

  it('completes silently when no URLs are registered: money moves, SMS sent, no notification', async () => {
    const { emulator, sink, bearer } = await start();
    const before = wallet(emulator);
    const res = await simulate(emulator.app, bearer, simulateBody({ Amount: 10 })).expect(200);
    await emulator.runAll();
    expect(sink.received).toEqual([]);
    expect(wallet(emulator)).toBe(before - 10);
    const t = emulator.transactions.list({ type: 'c2b' })[0] as TransactionView;
    expect((await transaction(emulator, res.body.OriginatorCoversationID)).id).toBe(t.id);
    const sms = (await request(emulator.app).get('/_emulator/customers/254708374149/messages'))
      .body as SmsView[];
    expect(sms[0]?.text).toMatch(
      new RegExp(`^${t.id} Confirmed\\. Ksh10\\.00 sent to Safaricom Daraja 984 for account INV-001`),
    );
  });

  it('leaves the money where it was when the wallet cannot cover the payment and sends no confirmation', async () => {
    const { emulator, sink, bearer } = await start();
    await register(emulator.app, bearer, registerBody()).expect(200);
    const [walletBefore, utilityBefore] = [wallet(emulator, '254722000000'), utility(emulator)];
    await simulate(emulator.app, bearer, simulateBody({ Msisdn: '254722000000', Amount: 501 })).expect(200);
    await emulator.runAll();
    expect(sink.received).toEqual([]);
    expect([wallet(emulator, '254722000000'), utility(emulator)]).toEqual([walletBefore, utilityBefore]);
    expect(emulator.transactions.list({ type: 'c2b' })[0]).toMatchObject({ status: 'failed', resultCode: 1 });
  });

  it('adds a phone number it has not seen before as a new customer, as it does for STK', async () => {
    const { emulator, bearer } = await start();
    await simulate(emulator.app, bearer, simulateBody({ Msisdn: '254799000111', Amount: 20 })).expect(200);
    expect(wallet(emulator, '254799000111')).toBe(10_000 - 20);
  });

  it.each([
    ['ShortCode missing', { ShortCode: undefined }, 'ShortCode'],
    ['ShortCode of four digits', { ShortCode: 6009 }, 'ShortCode'],
    ['CommandID missing', { CommandID: undefined }, 'CommandID'],
    ['CommandID unknown', { CommandID: 'BusinessPayBill' }, 'CommandID'],
    ['Amount missing', { Amount: undefined }, 'Amount'],
    ['Amount zero', { Amount: 0 }, 'Amount'],
    ['Amount negative', { Amount: -5 }, 'Amount'],
    ['Amount with cents', { Amount: 10.5 }, 'Amount'],
    ['Amount not a number', { Amount: 'ten' }, 'Amount'],
    ['Msisdn missing', { Msisdn: undefined }, 'Msisdn'],
    ['Msisdn spelt MSISDN', { Msisdn: undefined, MSISDN: '254708374149' }, 'Msisdn'],
    ['Msisdn in local form', { Msisdn: '0708374149' }, 'Msisdn'],
    ['Msisdn with a plus', { Msisdn: '+254708374149' }, 'Msisdn'],
    ['BillRefNumber an object', { BillRefNumber: { ref: 1 } }, 'BillRefNumber'],
  ])('rejects a simulation with %s as 400.002.02 Invalid <Field>', async (_case, overrides, field) => {
    const { emulator, bearer } = await start();
    const before = emulator.ledger.conservationCents();
    const res = await simulate(emulator.app, bearer, simulateBody(overrides)).expect(400);
    expect(res.body).toEqual({
      requestId: expect.any(String),
      errorCode: '400.002.02',
      errorMessage: `Bad Request - Invalid ${field}`,
    });
    expect(emulator.transactions.list({ type: 'c2b' })).toEqual([]);
    expect(emulator.ledger.conservationCents()).toBe(before);
  });

  it('refuses a shortcode the emulator does not know as Invalid ShortCode', async () => {
    const { emulator, bearer } = await start();
    const res = await simulate(emulator.app, bearer, simulateBody({ ShortCode: 600123 })).expect(400);
    expect(res.body.errorMessage).toBe('Bad Request - Invalid ShortCode');
  });

  it('answers a bad token with 400.003.01 Invalid Access Token', async () => {
    const { emulator } = await start();
    const res = await simulate(emulator.app, 'expired', simulateBody()).expect(400);
    expect(res.body).toMatchObject({ errorCode: '400.003.01', errorMessage: 'Invalid Access Token' });
  });

  it('waits the configured delay before sending the confirmation', async () => {
    const { emulator, sink, bearer } = await start({ confirmationDelayMs: 3_000 });
    await register(emulator.app, bearer, registerBody()).expect(200);
    await simulate(emulator.app, bearer, simulateBody()).expect(200);
    await emulator.advance(2_999);
    expect(sink.confirmations()).toHaveLength(0);
    await emulator.advance(1);
    expect(sink.confirmations()).toHaveLength(1);
  });
});
