import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { eat, password, post, stkBody, token } from '../support/daraja-requests.js';
import { Emulator } from '../../emulator/src/internals.js';

const PATH = '/mpesa/stkpush/v1/processrequest';

async function setup(settings = {}) {
  const emulator = new Emulator({ clock: 'manual', settings });
  const bearer = await token(emulator.app);
  return { emulator, bearer, now: emulator.clock.now() };
}

describe('STK push validation', () => {
  it.each([
    ['BusinessShortCode', { BusinessShortCode: undefined }],
    ['BusinessShortCode', { BusinessShortCode: '17437' + 'x' }],
    ['BusinessShortCode', { BusinessShortCode: 12 }],
    ['Password', { Password: undefined }],
    ['Password', { Password: '' }],
    ['Timestamp', { Timestamp: '2021-06-28T09:24:08' }],
    ['Timestamp', { Timestamp: '20211328092408' }],
    ['Timestamp', { Timestamp: undefined }],
    ['TransactionType', { TransactionType: 'CustomerPayBill' }],
    ['Amount', { Amount: 0 }],
    ['Amount', { Amount: -5 }],
    ['Amount', { Amount: 'ten' }],
    ['Amount', { Amount: 10.5 }],
    ['PartyA', { PartyA: '0708374149' }],
    ['PartyB', { PartyB: 'abc' }],
    ['PhoneNumber', { PhoneNumber: '+254708374149' }],
    ['PhoneNumber', { PhoneNumber: '243812345678' }],
    ['CallBackURL', { CallBackURL: 'https://<your-ngrok-url>/callback' }],
    ['CallBackURL', { CallBackURL: 'not a url' }],
    ['CallBackURL', { CallBackURL: undefined, CallbackURL: 'https://merchant.example/cb' }],
    ['AccountReference', { AccountReference: undefined }],
    ['Remarks', { TransactionDesc: undefined }],
    ['Remarks', { TransactionDesc: null }],
  ])('answers "Bad Request - Invalid %s" for %j', async (field, overrides) => {
    const { emulator, bearer, now } = await setup();
    const res = await post(emulator.app, PATH, bearer, stkBody(now, overrides)).expect(400);
    expect(res.body).toEqual({
      requestId: res.body.requestId,
      errorCode: '400.002.02',
      errorMessage: `Bad Request - Invalid ${field}`,
    });
    expect(emulator.journal.list()[0]?.explanation.length).toBeGreaterThan(0);
  });

  it('blames PhoneNumber when both PartyA and PhoneNumber are in the local 07 form', async () => {
    const { emulator, bearer, now } = await setup();
    const res = await post(
      emulator.app,
      PATH,
      bearer,
      stkBody(now, { PartyA: '0708374149', PhoneNumber: '0708374149' }),
    ).expect(400);
    expect(res.body.errorMessage).toBe('Bad Request - Invalid PhoneNumber');
  });

  it('accepts numbers and numeric strings alike for numeric fields', async () => {
    const { emulator, bearer, now } = await setup();
    await post(
      emulator.app,
      PATH,
      bearer,
      stkBody(now, {
        BusinessShortCode: '174379',
        Amount: 1,
        PartyA: 254708374149,
        PartyB: 174379,
        PhoneNumber: 254708374149,
      }),
    ).expect(200);
  });

  it('truncates fractional amounts when configured to, instead of rejecting them', async () => {
    const { emulator, bearer, now } = await setup({ stk: { fractionalAmounts: 'truncate' } });
    const res = await post(emulator.app, PATH, bearer, stkBody(now, { Amount: '10.75' })).expect(200);
    expect(emulator.transactions.get(res.body.CheckoutRequestID)?.amount).toBe(10);
  });

  it('reports the first field when the body is form-encoded rather than JSON', async () => {
    const { emulator, bearer } = await setup();
    const res = await request(emulator.app)
      .post(PATH)
      .set('Authorization', `Bearer ${bearer}`)
      .type('form')
      .send('BusinessShortCode=174379')
      .expect(400);
    expect(res.body.errorMessage).toBe('Bad Request - Invalid BusinessShortCode');
    expect(emulator.journal.list()[0]?.explanation.join(' ')).toMatch(/Content-Type/);
  });

  it.each([['{"BusinessShortCode": 174379,'], ['[1,2]'], ['']])(
    'answers malformed body %j with the Daraja envelope, not a stack trace',
    async (raw) => {
      const { emulator, bearer } = await setup();
      const res = await request(emulator.app)
        .post(PATH)
        .set('Authorization', `Bearer ${bearer}`)
        .set('Content-Type', 'application/json')
        .send(raw)
        .expect(400);
      expect(res.body.errorCode).toBe('400.002.02');
      expect(res.text).not.toMatch(/at .*\.js|<html/i);
    },
  );

  it('answers an oversized body with 400.002.05 Invalid Request Payload', async () => {
    const { emulator, bearer, now } = await setup();
    const res = await post(emulator.app, PATH, bearer, {
      ...stkBody(now),
      padding: 'x'.repeat(1_100_000),
    }).expect(400);
    expect(res.body).toMatchObject({ errorCode: '400.002.05', errorMessage: 'Invalid Request Payload' });
  });

  it('answers a missing or bad bearer token with 404.001.03 Invalid Access Token', async () => {
    const { emulator, now } = await setup();
    const none = await request(emulator.app).post(PATH).send(stkBody(now)).expect(404);
    expect(none.body).toMatchObject({ errorCode: '404.001.03', errorMessage: 'Invalid Access Token' });
    await post(emulator.app, PATH, 'made-up-token', stkBody(now)).expect(404);
  });

  it('answers an unknown shortcode with 500.001.1001 Merchant does not exist', async () => {
    const { emulator, bearer, now } = await setup();
    const ts = eat(now);
    const res = await post(
      emulator.app,
      PATH,
      bearer,
      stkBody(now, { BusinessShortCode: 999999, Password: password(ts, '999999') }),
    ).expect(500);
    expect(res.body).toMatchObject({ errorCode: '500.001.1001', errorMessage: 'Merchant does not exist' });
  });

  it('answers a wrong passkey with Wrong credentials and says which part of the Password differs', async () => {
    const { emulator, bearer, now } = await setup();
    const ts = eat(now);
    const res = await post(
      emulator.app,
      PATH,
      bearer,
      stkBody(now, { Password: password(ts, '174379', 'f'.repeat(64)) }),
    ).expect(500);
    expect(res.body).toMatchObject({
      errorCode: '500.001.1001',
      errorMessage: '[MerchantValidate] - Wrong credentials',
    });
    const explanation = emulator.journal.list()[0]?.explanation.join(' ') ?? '';
    expect(explanation).toMatch(/passkey inside the Password differs/);
    expect(explanation).not.toContain('bfb279f9');
  });

  it('explains a Password built with a UTC timestamp while the Timestamp field is in East Africa Time', async () => {
    const { emulator, bearer, now } = await setup();
    const res = await post(
      emulator.app,
      PATH,
      bearer,
      stkBody(now, { Password: password(eat(now - 3 * 3600_000)) }),
    ).expect(500);
    expect(res.body.errorMessage).toBe('[MerchantValidate] - Wrong credentials');
    const explanation = emulator.journal.list()[0]?.explanation.join(' ') ?? '';
    expect(explanation).toMatch(/both must be the same string/);
    expect(explanation).toMatch(/looks like UTC/);
  });

  it('explains a Password whose shortcode differs from BusinessShortCode', async () => {
    const { emulator, bearer, now } = await setup();
    await post(emulator.app, PATH, bearer, stkBody(now, { Password: password(eat(now), '600984') })).expect(
      500,
    );
    expect(emulator.journal.list()[0]?.explanation.join(' ')).toMatch(
      /built with shortcode 600984, but BusinessShortCode is 174379/,
    );
  });

  it('uses the legacy "Wrong credentials" text when configured', async () => {
    const { emulator, bearer, now } = await setup({ stk: { wrongCredentialsMessage: 'legacy' } });
    const res = await post(emulator.app, PATH, bearer, stkBody(now, { Password: 'bm9wZQ==' })).expect(500);
    expect(res.body.errorMessage).toBe('Wrong credentials');
  });

  it('notes a Timestamp that looks like UTC without rejecting it while the freshness check is off', async () => {
    const { emulator, bearer, now } = await setup();
    const utc = eat(now - 3 * 3600_000);
    await post(emulator.app, PATH, bearer, stkBody(now, { Timestamp: utc, Password: password(utc) })).expect(
      200,
    );
    expect(emulator.journal.list()[0]?.explanation.join(' ')).toMatch(/looks like UTC/);
  });

  it('rejects a stale Timestamp when the freshness check is on', async () => {
    const { emulator, bearer, now } = await setup({ stk: { timestampMaxSkewSeconds: 600 } });
    const old = eat(now - 3600_000);
    const res = await post(
      emulator.app,
      PATH,
      bearer,
      stkBody(now, { Timestamp: old, Password: password(old) }),
    ).expect(400);
    expect(res.body.errorMessage).toBe('Bad Request - Invalid Timestamp');
  });

  it('rejects CustomerBuyGoodsOnline on the paybill shortcode 174379, as the sandbox does', async () => {
    const { emulator, bearer, now } = await setup();
    const res = await post(
      emulator.app,
      PATH,
      bearer,
      stkBody(now, { TransactionType: 'CustomerBuyGoodsOnline' }),
    ).expect(400);
    expect(res.body.errorMessage).toBe('Bad Request - Invalid TransactionType');
  });

  it('answers a second push to a phone with an open prompt with Unable to lock subscriber', async () => {
    const { emulator, bearer, now } = await setup();
    await post(emulator.app, PATH, bearer, stkBody(now)).expect(200);
    const res = await post(emulator.app, PATH, bearer, stkBody(now)).expect(500);
    expect(res.body).toMatchObject({
      errorCode: '500.001.1001',
      errorMessage:
        'Unable to lock subscriber, a transaction is already in process for the current subscriber',
    });
  });

  it('allows http://localhost callbacks by default and rejects them under the production URL policy', async () => {
    const lenient = await setup();
    await post(
      lenient.emulator.app,
      PATH,
      lenient.bearer,
      stkBody(lenient.now, { CallBackURL: 'http://localhost:3000/cb' }),
    ).expect(200);
    const strict = await setup({ callbacks: { urlPolicy: 'production' } });
    const res = await post(
      strict.emulator.app,
      PATH,
      strict.bearer,
      stkBody(strict.now, { CallBackURL: 'http://localhost:3000/cb' }),
    ).expect(400);
    expect(res.body.errorMessage).toBe('Bad Request - Invalid CallBackURL');
  });

  it('rejects callback hosts outside the allow-list when one is set', async () => {
    const { emulator, bearer, now } = await setup({ callbacks: { allowHosts: ['127.0.0.1'] } });
    await post(
      emulator.app,
      PATH,
      bearer,
      stkBody(now, { CallBackURL: 'https://elsewhere.example/cb' }),
    ).expect(400);
    await post(emulator.app, PATH, bearer, stkBody(now, { CallBackURL: 'http://127.0.0.1:9/cb' })).expect(
      200,
    );
  });
});
