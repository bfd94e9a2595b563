import { describe, expect, it } from 'vitest';
import request from 'supertest';
import type { SettingsPatch } from 'daraja-client/emulator';
import { capturingPoster } from '../support/capturing-poster.js';
import { eat, password, post, stkBody, token } from '../support/daraja-requests.js';
import { Emulator } from '../../emulator/src/internals.js';

const QUERY = '/mpesa/stkpushquery/v1/query';

async function withPush(settings: SettingsPatch = {}) {
  const emulator = new Emulator({ clock: 'manual', poster: capturingPoster().poster, settings });
  const bearer = await token(emulator.app);
  const push = await post(
    emulator.app,
    '/mpesa/stkpush/v1/processrequest',
    bearer,
    stkBody(emulator.clock.now()),
  ).expect(200);
  const ts = eat(emulator.clock.now() + 5_000);
  const query = (overrides: Record<string, unknown> = {}) =>
    post(emulator.app, QUERY, bearer, {
      BusinessShortCode: '174379',
      Password: password(ts),
      Timestamp: ts,
      CheckoutRequestID: push.body.CheckoutRequestID,
      ...overrides,
    });
  return {
    emulator,
    id: push.body.CheckoutRequestID as string,
    merchant: push.body.MerchantRequestID as string,
    query,
  };
}

describe('STK query', () => {
  it('answers 200 with ResultCode "4999" while the prompt is open', async () => {
    const { query, id, merchant } = await withPush();
    const res = await query().expect(200);
    expect(res.body).toEqual({
      ResponseCode: '0',
      ResponseDescription: 'The service request has been accepted successsfully',
      MerchantRequestID: merchant,
      CheckoutRequestID: id,
      ResultCode: '4999',
      ResultDesc: 'The transaction is still under processing',
    });
  });

  it('answers the legacy 500.001.1001 "being processed" with the CheckoutRequestID as requestId when configured', async () => {
    const { query, id } = await withPush({ stk: { queryPending: 'legacy' } });
    const res = await query().expect(500);
    expect(res.body).toEqual({
      requestId: id,
      errorCode: '500.001.1001',
      errorMessage: 'The transaction is being processed',
    });
  });

  it('mirrors the callback outcome afterwards, with the ResultCode as a string', async () => {
    const { query, emulator, id } = await withPush();
    await request(emulator.app).post(`/_emulator/stk/${id}/decline`).expect(200);
    const res = await query().expect(200);
    expect(res.body).toMatchObject({ ResultCode: '1032', ResultDesc: 'Request Cancelled by user.' });
    await emulator.advance(60_000);
    expect((await query()).body.ResultCode).toBe('1032');
  });

  it.each([
    ['portal', 'Request cancelled by user'],
    ['legacy', '[STK_CB - ]Request cancelled by user'],
  ] as const)('answers 1032 in the %s wording when configured', async (queryCancelledText, text) => {
    const { query, emulator, id } = await withPush({ stk: { queryCancelledText } });
    await request(emulator.app).post(`/_emulator/stk/${id}/decline`).expect(200);
    expect((await query().expect(200)).body.ResultDesc).toBe(text);
  });

  it('answers "0" after a successful payment and can use the correctly spelled description', async () => {
    const { query, emulator, id } = await withPush({ stk: { querySpelling: 'successfully' } });
    await request(emulator.app).post(`/_emulator/stk/${id}/accept`).send({ pin: '1234' }).expect(200);
    const res = await query().expect(200);
    expect(res.body).toMatchObject({
      ResponseDescription: 'The service request has been accepted successfully',
      ResultCode: '0',
      ResultDesc: 'The service request is processed successfully.',
    });
  });

  it('answers "1037" after the PIN timeout', async () => {
    const { query, emulator } = await withPush();
    await emulator.advance(60_000);
    expect((await query().expect(200)).body).toMatchObject({
      ResultCode: '1037',
      ResultDesc: 'No response from user.',
    });
  });

  it('answers an unknown CheckoutRequestID with Invalid CheckoutRequestID', async () => {
    const { query } = await withPush();
    const res = await query({ CheckoutRequestID: 'ws_CO_01012026000000000708374149' }).expect(400);
    expect(res.body.errorMessage).toBe('Bad Request - Invalid CheckoutRequestID');
  });

  it('checks the query Password against a fresh Timestamp', async () => {
    const { query } = await withPush();
    const res = await query({ Password: password('20200101000000') }).expect(500);
    expect(res.body.errorMessage).toBe('[MerchantValidate] - Wrong credentials');
  });

  it.each([['BusinessShortCode'], ['Password'], ['Timestamp'], ['CheckoutRequestID']])(
    'answers a missing %s with Invalid %s',
    async (field) => {
      const { query } = await withPush();
      const res = await query({ [field]: undefined }).expect(400);
      expect(res.body.errorMessage).toBe(`Bad Request - Invalid ${field}`);
    },
  );
});
