import { describe, expect, it } from 'vitest';
import request from 'supertest';
import type { StkCallback } from 'daraja-client/wire';
import type { SettingsPatch } from 'daraja-client/emulator';
import { capturingPoster } from '../support/capturing-poster.js';
import { post, stkBody, token } from '../support/daraja-requests.js';
import { JOHN } from '../support/initiator.js';
import { stkPayment } from '../support/initiator-payments.js';
import { Emulator } from '../../emulator/src/internals.js';

const PUSH = '/mpesa/stkpush/v1/processrequest';

function start(settings: SettingsPatch = {}) {
  const sink = capturingPoster();
  return new Emulator({ clock: 'manual', seed: 5, poster: sink.poster, settings });
}

const balance = (emulator: Emulator) => (emulator.ledger.customer(JOHN)?.balanceCents ?? NaN) / 100;

describe('STK rule: the same payment twice within two minutes', () => {
  it('ends the second payment of the same amount to the same shortcode within two minutes with 17 "Rule limited."', async () => {
    const sink = capturingPoster();
    const emulator = new Emulator({ clock: 'manual', seed: 5, poster: sink.poster });
    const bearer = await token(emulator.app);
    const payOverHttp = async () => {
      const res = await post(emulator.app, PUSH, bearer, stkBody(emulator.clock.now(), { Amount: 50 }));
      const id = res.body.CheckoutRequestID as string;
      await request(emulator.app).post(`/_emulator/stk/${id}/accept`).send({ pin: '1234' }).expect(200);
      await emulator.runAll();
      return sink.received
        .map((r) => r.body as StkCallback)
        .find((b) => b.Body.stkCallback.CheckoutRequestID === id)?.Body.stkCallback;
    };
    expect((await payOverHttp())?.ResultCode).toBe(0);
    await emulator.advance(119_000);
    const before = balance(emulator);
    expect(await payOverHttp()).toMatchObject({ ResultCode: 17, ResultDesc: 'Rule limited.' });
    expect(balance(emulator)).toBe(before);
    const explained = emulator.journal.list()[0]?.explanation.join(' ');
    expect(explained).toMatch(/already paid Ksh 50 to 174379 119 s earlier/);
    expect(explained).toMatch(/17 Rule limited\. \(setting stk\.duplicateWindowSeconds/);
  });

  it('pays again once two minutes have passed, or when the amount or the shortcode differs', async () => {
    const emulator = start();
    expect(stkPayment(emulator, 50).resultCode).toBe(0);
    expect(stkPayment(emulator, 51).resultCode).toBe(0);
    expect(stkPayment(emulator, 50, '373132').resultCode).toBe(0);
    await emulator.advance(120_000);
    expect(stkPayment(emulator, 50).resultCode).toBe(0);
  });

  it('counts only payments that went through: a cancelled prompt does not start the window', async () => {
    const emulator = start();
    const first = stkPayment(emulator, 50, '174379', JOHN, '0000');
    expect(first.resultCode).toBe(2001);
    expect(stkPayment(emulator, 50).resultCode).toBe(0);
  });

  it('follows the configured window, and 0 turns the rule off', async () => {
    const short = start({ stk: { duplicateWindowSeconds: 10 } });
    stkPayment(short, 50);
    await short.advance(10_000);
    expect(stkPayment(short, 50).resultCode).toBe(0);
    const off = start({ stk: { duplicateWindowSeconds: 0 } });
    stkPayment(off, 50);
    expect(stkPayment(off, 50).resultCode).toBe(0);
  });

  it('forgets earlier payments on reset', async () => {
    const emulator = start();
    stkPayment(emulator, 50);
    emulator.reset();
    expect(stkPayment(emulator, 50).resultCode).toBe(0);
  });
});
