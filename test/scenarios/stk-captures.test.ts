import { describe, expect, it } from 'vitest';
import request from 'supertest';
import type { StkCallback } from 'daraja-client/wire';
import { capture, keyOrder, sandboxAnswer, shapeOf } from '../support/captures.js';
import { capturingPoster } from '../support/capturing-poster.js';
import { eat, password, post, stkBody, token } from '../support/daraja-requests.js';
import { Emulator } from '../../emulator/src/internals.js';

/** Redacted capture values are strings where Daraja sends numbers; compare those leaves by our own rule. */
function withoutRedactions(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value), (_k, v: unknown) => (v === '<redacted>' ? 0 : v));
}

async function flow(outcome: 'accept' | 'timeout') {
  const sink = capturingPoster();
  const emulator = new Emulator({
    clock: 'manual',
    seed: 3,
    poster: sink.poster,
    settings: { stk: { defaultOutcome: outcome } },
  });
  const bearer = await token(emulator.app);
  const push = await post(
    emulator.app,
    '/mpesa/stkpush/v1/processrequest',
    bearer,
    stkBody(emulator.clock.now()),
  );
  await emulator.advance(60_000);
  const ts = eat(emulator.clock.now());
  const query = await post(emulator.app, '/mpesa/stkpushquery/v1/query', bearer, {
    BusinessShortCode: 174379,
    Password: password(ts),
    Timestamp: ts,
    CheckoutRequestID: push.body.CheckoutRequestID,
  });
  return { push, query, callback: sink.received[0]?.body as StkCallback };
}

describe('STK against the sandbox captures', () => {
  it('acknowledges a push with the same status, keys, order and types as the sandbox', async () => {
    const { push } = await flow('accept');
    const captured = sandboxAnswer('stk-push.json');
    expect(push.status).toBe(captured.status);
    expect(shapeOf(push.body)).toEqual(shapeOf(captured.response));
    expect(keyOrder(push.body)).toEqual(keyOrder(captured.response));
    expect(push.body.ResponseDescription).toBe('Success. Request accepted for processing');
    expect(push.body.CustomerMessage).toBe(push.body.ResponseDescription);
  });

  it('issues MerchantRequestID and CheckoutRequestID in the current formats', async () => {
    const { push } = await flow('accept');
    expect(push.body.MerchantRequestID).toMatch(/^[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\d{6,8}$/);
    expect(push.body.CheckoutRequestID).toMatch(/^ws_CO_\d{14}\d{3}708374149$/);
  });

  it('answers a query after a timeout key for key and type for type like the sandbox', async () => {
    const { query } = await flow('timeout');
    const captured = sandboxAnswer<Record<string, string>>('stk-query.json');
    expect(query.status).toBe(captured.status);
    expect(shapeOf(query.body)).toEqual(shapeOf(captured.response));
    expect(keyOrder(query.body)).toEqual(keyOrder(captured.response));
    expect(query.body.ResultCode).toBe(captured.response.ResultCode);
    expect(query.body.ResultDesc).toBe(captured.response.ResultDesc);
  });

  it('sends a timeout callback identical in shape and text to the sandbox capture', async () => {
    const { callback } = await flow('timeout');
    const captured = capture<StkCallback>('sandbox/callbacks/stk.json');
    expect(shapeOf(callback)).toEqual(shapeOf(captured));
    expect(callback.Body.stkCallback.ResultCode).toBe(captured.Body.stkCallback.ResultCode);
    expect(callback.Body.stkCallback.ResultDesc).toBe(captured.Body.stkCallback.ResultDesc);
  });

  it('sends a success callback identical in shape to the sandbox capture, Balance without Value included', async () => {
    const { callback } = await flow('accept');
    const captured = withoutRedactions(capture('sandbox/callbacks/stk-success.json'));
    const ours = withoutRedactions(callback) as StkCallback;
    const items = ours.Body.stkCallback.CallbackMetadata?.Item ?? [];
    const receipt = items[1];
    if (receipt) receipt.Value = 0;
    expect(shapeOf(ours)).toEqual(shapeOf(captured));
    expect(keyOrder(ours)).toEqual(keyOrder(captured));
  });

  it('answers a token failure with the same envelope keys as the sandbox', async () => {
    const { app } = new Emulator({ clock: 'manual' });
    const res = await request(app)
      .post('/mpesa/stkpush/v1/processrequest')
      .set('Authorization', 'Bearer nope')
      .send({});
    const captured = sandboxAnswer('b2c-pochi.json');
    expect(shapeOf(res.body)).toEqual(shapeOf(captured.response));
    expect(res.headers['content-type']).toBe('application/json;charset=UTF-8');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('reproduces the documented Password test vectors', () => {
    expect(password('20160216165627')).toBe(
      'MTc0Mzc5YmZiMjc5ZjlhYTliZGJjZjE1OGU5N2RkNzFhNDY3Y2QyZTBjODkzMDU5YjEwZjc4ZTZiNzJhZGExZWQyYzkxOTIwMTYwMjE2MTY1NjI3',
    );
  });

  it('accepts the complete request example from the Daraja docs byte for byte', async () => {
    const emulator = new Emulator({ clock: 'manual' });
    const bearer = await token(emulator.app);
    const res = await request(emulator.app)
      .post('/mpesa/stkpush/v1/processrequest')
      .set('Authorization', `Bearer ${bearer}`)
      .set('Content-Type', 'application/json')
      .send(
        '{"BusinessShortCode":174379,"Password":"MTc0Mzc5YmZiMjc5ZjlhYTliZGJjZjE1OGU5N2RkNzFhNDY3Y2QyZTBjODkzMDU5YjEwZjc4ZTZiNzJhZGExZWQyYzkxOTIwMjEwNjI4MDkyNDA4","Timestamp":"20210628092408","TransactionType":"CustomerPayBillOnline","Amount":"1","PartyA":"254708374149","PartyB":"174379","PhoneNumber":"254708374149","CallBackURL":"https://mydomain.com/path","AccountReference":"accountref","TransactionDesc":"txndesc"}',
      );
    expect(res.status).toBe(200);
    expect(res.body.ResponseCode).toBe('0');
  });
});
