import { Buffer } from 'node:buffer';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { startEmulator, SANDBOX_MSISDN, SANDBOX_PASSKEY, SANDBOX_SHORTCODE } from 'daraja-emulator/testing';

const { fetch } = globalThis;

/** A bare Daraja exchange with fetch: token, then STK push; returns the acknowledgement. */
async function pushStk(emu, callbackUrl, amount = 10) {
  const auth = await fetch(`${emu.url}/oauth/v1/generate?grant_type=client_credentials`, {
    headers: { Authorization: `Basic ${Buffer.from('jest-key:jest-secret').toString('base64')}` },
  });
  const { access_token: token } = await auth.json();
  const timestamp = '20260101120000';
  const res = await fetch(`${emu.url}/mpesa/stkpush/v1/processrequest`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      BusinessShortCode: SANDBOX_SHORTCODE,
      Password: Buffer.from(SANDBOX_SHORTCODE + SANDBOX_PASSKEY + timestamp).toString('base64'),
      Timestamp: timestamp,
      TransactionType: 'CustomerPayBillOnline',
      Amount: amount,
      PartyA: SANDBOX_MSISDN,
      PartyB: SANDBOX_SHORTCODE,
      PhoneNumber: SANDBOX_MSISDN,
      CallBackURL: callbackUrl,
      AccountReference: 'JEST-1',
      TransactionDesc: 'Jest order',
    }),
  });
  return res.json();
}

describe('daraja-emulator/testing under jest', () => {
  let emu;
  let sink;

  beforeAll(async () => {
    emu = await startEmulator({ seed: 7 });
    sink = await emu.callbackSink();
  });
  afterAll(() => emu.close());
  beforeEach(() => emu.reset());

  it('delivers the success callback after the phone accepts', async () => {
    const ack = await pushStk(emu, sink.url + '/stk');
    expect(ack.ResponseCode).toBe('0');
    await emu.phone(SANDBOX_MSISDN).accept();
    const callback = await emu.nextCallback({ transactionId: ack.CheckoutRequestID });
    expect(callback.status).toBe('delivered');
    expect(callback.body.Body.stkCallback.ResultCode).toBe(0);
    expect((await sink.next()).path).toBe('/stk');
  });

  it('times the prompt out after 60 virtual seconds in one call', async () => {
    const start = emu.now();
    const ack = await pushStk(emu, sink.url + '/stk');
    await emu.phone(SANDBOX_MSISDN).ignore();
    expect(emu.now() - start).toBe(60000);
    const callback = await emu.nextCallback({ transactionId: ack.CheckoutRequestID });
    expect(callback.body.Body.stkCallback.ResultCode).toBe(1037);
  });

  it('runs a second emulator beside the first without sharing state', async () => {
    const other = await startEmulator();
    try {
      const otherSink = await other.callbackSink();
      await Promise.all([pushStk(emu, sink.url, 3), pushStk(other, otherSink.url, 4)]);
      expect(emu.transactions().map((t) => t.amount)).toEqual([3]);
      expect(other.transactions().map((t) => t.amount)).toEqual([4]);
    } finally {
      await other.close();
    }
  });
});
