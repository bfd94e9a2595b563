import { describe, expect, it } from 'vitest';
import request from 'supertest';
import type { StkCallback } from 'daraja-client/wire';
import { capturingPoster } from '../support/capturing-poster.js';
import { MSISDN, password, post, stkBody, token } from '../support/daraja-requests.js';
import { Emulator } from '../../emulator/src/internals.js';

const PATH = '/mpesa/stkpush/v1/processrequest';

async function pushTo(overrides: Record<string, unknown>) {
  const sink = capturingPoster();
  const emulator = new Emulator({ clock: 'manual', seed: 3, poster: sink.poster });
  const bearer = await token(emulator.app);
  const res = await post(emulator.app, PATH, bearer, stkBody(emulator.clock.now(), overrides)).expect(200);
  const id = res.body.CheckoutRequestID as string;
  await request(emulator.app).post(`/_emulator/stk/${id}/accept`).send({ pin: '1234' }).expect(200);
  await emulator.runAll();
  const callback = sink.received.map((r) => r.body as StkCallback)[0]?.Body.stkCallback;
  return { emulator, id, callback };
}

const utility = (emulator: Emulator, shortcode: string) =>
  (emulator.ledger.org(shortcode)?.accounts['Utility Account'] ?? 0) / 100;

describe('STK push to a PartyB other than the paybill', () => {
  it('refuses a paybill push whose PartyB is another existing shortcode with result 2028, and moves no money', async () => {
    const { emulator, id, callback } = await pushTo({ Amount: 100, PartyB: '600000' });
    expect(callback).toMatchObject({
      CheckoutRequestID: id,
      ResultCode: 2028,
      ResultDesc: 'The request is not permitted according to product assignment.',
    });
    expect(callback?.CallbackMetadata).toBeUndefined();
    expect(utility(emulator, '600000')).toBe(100_000);
    expect(utility(emulator, '174379')).toBe(0);
    expect((emulator.ledger.customer(MSISDN)?.balanceCents ?? 0) / 100).toBe(50_000);
    const explained = emulator.journal
      .list()
      .flatMap((e) => e.explanation)
      .join(' ');
    expect(explained).toMatch(/PartyB 600000.*BusinessShortCode 174379/);
  });

  it('refuses a buy-goods push whose PartyB is a paybill rather than a till', async () => {
    const { callback } = await pushTo({
      BusinessShortCode: 373132,
      TransactionType: 'CustomerBuyGoodsOnline',
      PartyB: '600984',
      Timestamp: '20260101120000',
      Password: password('20260101120000', '373132'),
    });
    expect(callback?.ResultCode).toBe(2028);
  });

  it('still pays the paybill when PartyB repeats the BusinessShortCode', async () => {
    const { emulator, callback } = await pushTo({ Amount: 100 });
    expect(callback?.ResultCode).toBe(0);
    expect(utility(emulator, '174379')).toBe(100);
  });
});
