import { describe, expect, it } from 'vitest';
import { DarajaPaths } from '../wire/index.js';
import { TransactionInProgressError } from '../errors/daraja-error.js';
import { DarajaValidationError } from '../errors/daraja-validation-error.js';
import { readAnswerCapture } from '../test-support/captures.js';
import { fakeDaraja, json } from '../test-support/fake-daraja.js';
import { SANDBOX, testClient } from '../test-support/test-client.js';
import type { StkPushInput } from './stk-api.js';

const valid: StkPushInput = {
  amount: 1,
  phoneNumber: '0708 374 149',
  callbackUrl: 'https://example.com/stk/callback',
  accountReference: 'INV-42',
  transactionDesc: 'Order 42',
};

const pushAck = readAnswerCapture('sandbox/stk-push.json').response;

describe('client.stk.push', () => {
  it('maps camelCase input to the PascalCase body Daraja expects', async () => {
    const daraja = fakeDaraja({ api: async () => json(200, pushAck) });
    const ack = await testClient(daraja.fetch).stk.push(valid);
    expect(ack).toEqual(pushAck);
    const [request] = daraja.apiRequests();
    expect(request?.url.pathname).toBe(DarajaPaths.stkPush);
    expect(request?.headers['authorization']).toBe('Bearer token-1');
    expect(request?.body).toEqual({
      BusinessShortCode: '174379',
      Password: Buffer.from(`174379${SANDBOX.passkey}20261006095233`).toString('base64'),
      Timestamp: '20261006095233',
      TransactionType: 'CustomerPayBillOnline',
      Amount: 1,
      PartyA: '254708374149',
      PartyB: '174379',
      PhoneNumber: '254708374149',
      CallBackURL: 'https://example.com/stk/callback',
      AccountReference: 'INV-42',
      TransactionDesc: 'Order 42',
    });
  });

  it('sends a till payment with the till as PartyB', async () => {
    const daraja = fakeDaraja({ api: async () => json(200, pushAck) });
    await testClient(daraja.fetch).stk.push({
      ...valid,
      transactionType: 'CustomerBuyGoodsOnline',
      partyB: 373132,
    });
    expect(daraja.apiRequests()[0]?.body).toMatchObject({
      TransactionType: 'CustomerBuyGoodsOnline',
      PartyB: '373132',
    });
  });

  it('builds Password and Timestamp from one clock reading even when the clock moves', async () => {
    let reading = Date.UTC(2026, 0, 1, 20, 59, 59, 999);
    const now = () => (reading += 1000);
    const daraja = fakeDaraja({ api: async () => json(200, pushAck) });
    await testClient(daraja.fetch, { now }).stk.push(valid);
    const body = daraja.apiRequests()[0]?.body as { Password: string; Timestamp: string };
    expect(Buffer.from(body.Password, 'base64').toString('utf8').slice(-14)).toBe(body.Timestamp);
  });

  it.each<[string, Partial<StkPushInput>, string]>([
    ['a zero amount', { amount: 0 }, 'amount'],
    ['a fractional amount', { amount: 10.5 }, 'amount'],
    ['a negative amount', { amount: -1 }, 'amount'],
    ['an amount given as text', { amount: '10' as unknown as number }, 'amount'],
    ['a foreign phone', { phoneNumber: '+243812345678' }, 'phoneNumber'],
    ['a relative callback URL', { callbackUrl: '/stk/callback' }, 'callbackUrl'],
    ['a placeholder callback URL', { callbackUrl: 'https://<your-ngrok-url>/cb' }, 'callbackUrl'],
    ['a non-http callback URL', { callbackUrl: 'ftp://example.com/cb' }, 'callbackUrl'],
    ['a blank account reference', { accountReference: '  ' }, 'accountReference'],
    [
      'a missing transaction description',
      { transactionDesc: undefined as unknown as string },
      'transactionDesc',
    ],
    ['a till payment without a till', { transactionType: 'CustomerBuyGoodsOnline' }, 'partyB'],
    ['an unknown transaction type', { transactionType: 'Pay' as never }, 'transactionType'],
    ['a malformed shortcode', { businessShortCode: '17A379' }, 'businessShortCode'],
  ])('refuses %s before sending anything', async (_name, change, field) => {
    const daraja = fakeDaraja();
    const error = await testClient(daraja.fetch)
      .stk.push({ ...valid, ...change })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DarajaValidationError);
    expect(error).toMatchObject({ field });
    expect(daraja.requests).toHaveLength(0);
  });

  it('refuses plain-http callback URLs in production', async () => {
    const daraja = fakeDaraja();
    await expect(
      testClient(daraja.fetch, { environment: 'production' }).stk.push({
        ...valid,
        callbackUrl: 'http://example.com/cb',
      }),
    ).rejects.toMatchObject({ field: 'callbackUrl' });
  });

  it('requires a passkey in the configuration', async () => {
    const daraja = fakeDaraja();
    await expect(testClient(daraja.fetch, { passkey: undefined }).stk.push(valid)).rejects.toMatchObject({
      field: 'passkey',
    });
  });
});

describe('client.stk.query', () => {
  it('sends the CheckoutRequestID with a fresh password and returns the string ResultCode', async () => {
    const answer = readAnswerCapture('sandbox/stk-query.json').response;
    const daraja = fakeDaraja({ api: async () => json(200, answer) });
    const result = await testClient(daraja.fetch).stk.query({
      checkoutRequestId: 'ws_CO_191220191020363925',
    });
    expect(result.ResultCode).toBe('1037');
    const request = daraja.apiRequests()[0];
    expect(request?.url.pathname).toBe(DarajaPaths.stkQuery);
    expect(request?.body).toEqual({
      BusinessShortCode: '174379',
      Password: Buffer.from(`174379${SANDBOX.passkey}20261006095233`).toString('base64'),
      Timestamp: '20261006095233',
      CheckoutRequestID: 'ws_CO_191220191020363925',
    });
  });

  it('reports the legacy "being processed" answer as TransactionInProgressError', async () => {
    const daraja = fakeDaraja({
      api: async () =>
        json(500, {
          requestId: 'ws_CO_20022018230142206',
          errorCode: '500.001.1001',
          errorMessage: 'The transaction is being processed',
        }),
    });
    await expect(testClient(daraja.fetch).stk.query({ checkoutRequestId: 'ws_CO_1' })).rejects.toBeInstanceOf(
      TransactionInProgressError,
    );
  });
});
