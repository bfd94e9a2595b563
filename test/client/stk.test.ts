import { afterEach, describe, expect, it } from 'vitest';
import {
  BadRequestError,
  DarajaValidationError,
  SubscriberLockedError,
  TransactionInProgressError,
  WrongCredentialsError,
  type StkCallbackResult,
} from 'daraja-client';
import { harness, type Harness } from './support.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const push = (x: Harness, phoneNumber = '0708 374 149') =>
  x.client.stk.push({
    amount: 10,
    phoneNumber,
    callbackUrl: `${x.callbackUrl}/stk`,
    accountReference: 'INV-42',
    transactionDesc: 'Order 42',
  });

describe('daraja-client against a real emulator: M-Pesa Express', () => {
  it('pushes, the customer pays on the phone, and the client parses the callback the emulator delivers', async () => {
    h = await harness();
    const ack = await push(h);
    expect(ack.ResponseCode).toBe('0');
    await fetch(`${h.server.url}/_emulator/stk/${ack.CheckoutRequestID}/accept`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ pin: '1234' }),
    });
    await h.emulator.runAll();
    const callback = h.received.find((r) => r.kind === 'stk')?.value as StkCallbackResult;
    expect(callback.success).toBe(true);
    if (!callback.success) return;
    expect(callback.checkoutRequestId).toBe(ack.CheckoutRequestID);
    expect(callback.amount).toBe(10);
    expect(callback.receipt).toMatch(/^[A-Z0-9]{10}$/);
    expect(callback.phone).toBe('254708374149');
    expect(callback.transactionDate.getTime()).toBe(Math.floor(h.emulator.clock.now() / 1000) * 1000);
    const [delivery] = h.emulator.outbox.list({ transactionId: ack.CheckoutRequestID });
    expect(delivery?.attempts[0]).toMatchObject({
      status: 200,
      responseBody: '{"ResultCode":0,"ResultDesc":"Accepted"}',
    });
  });

  it('queries a pending push as 4999, then as the final result', async () => {
    h = await harness();
    const ack = await push(h);
    expect((await h.client.stk.query({ checkoutRequestId: ack.CheckoutRequestID })).ResultCode).toBe('4999');
    await h.emulator.advance(60_000);
    const done = await h.client.stk.query({ checkoutRequestId: ack.CheckoutRequestID });
    expect(done).toMatchObject({ ResultCode: '1037', ResultDesc: 'No response from user.' });
    const callback = h.received.find((r) => r.kind === 'stk')?.value as StkCallbackResult;
    expect(callback).toMatchObject({ success: false, resultCode: 1037 });
  });

  it('reports the legacy pending answer as TransactionInProgressError', async () => {
    h = await harness({ settings: { stk: { queryPending: 'legacy' } } });
    const ack = await push(h);
    await expect(h.client.stk.query({ checkoutRequestId: ack.CheckoutRequestID })).rejects.toBeInstanceOf(
      TransactionInProgressError,
    );
  });

  it('maps a wrong passkey to WrongCredentialsError with the request id', async () => {
    h = await harness({}, { passkey: 'f'.repeat(64) });
    const error = await push(h).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WrongCredentialsError);
    expect((error as WrongCredentialsError).errorCode).toBe('500.001.1001');
    expect((error as WrongCredentialsError).requestId).toMatch(/^[0-9a-f]{4}-/);
  });

  it('maps a second push to the same phone to SubscriberLockedError', async () => {
    h = await harness();
    await push(h);
    await expect(push(h)).rejects.toBeInstanceOf(SubscriberLockedError);
  });

  it('names the field when the emulator rejects one the client could not check', async () => {
    h = await harness({}, { shortcode: '999999' });
    const error = await push(h).catch((e: unknown) => e);
    expect((error as { errorMessage?: string }).errorMessage).toBe('Merchant does not exist');
    h.emulator.settings.update({ callbacks: { urlPolicy: 'production' } });
    const badUrl = await h.client.stk
      .push({
        amount: 1,
        phoneNumber: '254708374149',
        callbackUrl: 'http://localhost/cb',
        accountReference: 'A',
        transactionDesc: 'B',
        shortcode: '174379',
      })
      .catch((e: unknown) => e);
    expect(badUrl).toBeInstanceOf(BadRequestError);
    expect((badUrl as BadRequestError).field).toBe('CallBackURL');
  });

  it('refuses bad input before anything reaches the emulator', async () => {
    h = await harness();
    await expect(
      h.client.stk.push({
        amount: 1,
        phoneNumber: '12345',
        callbackUrl: `${h.callbackUrl}/stk`,
        accountReference: 'A',
        transactionDesc: 'B',
      }),
    ).rejects.toBeInstanceOf(DarajaValidationError);
    expect(h.emulator.journal.list({ api: 'stk-push' })).toEqual([]);
  });

  it('gets a new token by itself when the emulator clock passes the token expiry', async () => {
    h = await harness();
    await push(h, '254712345678');
    await h.emulator.advance(3_600_000);
    const ack = await push(h);
    expect(ack.ResponseCode).toBe('0');
    expect(h.emulator.journal.list({ api: 'oauth' }).length).toBe(2);
  });
});
