import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { type ResultCallback } from 'daraja-client/wire';
import type { DeliveryView, TransactionView } from 'daraja-client/emulator';
import { sandboxAnswer, shapeOf } from '../support/captures.js';
import {
  JOHN,
  RESULT_URL,
  TIMEOUT_URL,
  b2cBody,
  paths,
  send,
  startInitiator,
  wallet,
} from '../support/initiator.js';

describe('B2C request validation', () => {
  it.each([
    ['OriginatorConversationID', { OriginatorConversationID: undefined }],
    ['OriginatorConversationID', { OriginatorConversationID: 'x'.repeat(129) }],
    ['InitiatorName', { InitiatorName: '' }],
    ['SecurityCredential', { SecurityCredential: undefined }],
    ['CommandID', { CommandID: 'BusinessPayToPochi' }],
    ['CommandID', { CommandID: undefined }],
    ['Amount', { Amount: 'ten' }],
    ['Amount', { Amount: 10.5 }],
    ['Amount', { Amount: 0 }],
    ['PartyA', { PartyA: '12' }],
    ['PartyB', { PartyB: '0708374149' }],
    ['PartyB', { PartyB: undefined }],
    ['Remarks', { Remarks: '' }],
    ['Remarks', { Remarks: 'r'.repeat(101) }],
    ['QueueTimeOutURL', { QueueTimeOutURL: 'not a url' }],
    ['ResultURL', { ResultURL: undefined }],
    ['Occassion', { Occassion: 'o'.repeat(101) }],
    ['InitiatorName', { InitiatorName: undefined, Amount: 'ten' }],
  ])('rejects a bad %s with 400.002.02 (%j)', async (field, overrides) => {
    const { emulator, bearer, results } = await startInitiator();
    const res = await send(emulator.app, paths.b2cV3, bearer, b2cBody(overrides)).expect(400);
    expect(res.body).toEqual({
      requestId: expect.any(String),
      errorCode: '400.002.02',
      errorMessage: `Bad Request - Invalid ${field}`,
    });
    expect(await results()).toHaveLength(0);
  });

  it('answers a bad token with 401.002.01 as the sandbox does, trailing dash included', async () => {
    const { emulator } = await startInitiator();
    const res = await send(emulator.app, paths.b2cV3, 'expired-token', b2cBody()).expect(401);
    const captured = sandboxAnswer<{ errorMessage: string }>('b2c-pochi.json');
    expect(shapeOf(res.body)).toEqual(shapeOf(captured.response));
    expect(res.body.errorMessage).toBe(captured.response.errorMessage);
  });
});

describe('B2C outcomes on demand and queue timeouts', () => {
  it.each([
    { outcome: 'system-busy', code: 26, desc: 'System busy. The service request is rejected.' },
    { outcome: 'credential-locked', code: 8006, desc: 'The security credential is locked.' },
    {
      outcome: 2040,
      code: 2040,
      desc: "Credit Party customer type (Unregistered or Registered Customer) can't be supported by the service.",
    },
    { outcome: 'SFC_IC0003', code: 'SFC_IC0003', desc: 'The operator does not exist.' },
  ])('produces result $code when initiator.outcomes says $outcome', async ({ outcome, code, desc }) => {
    const { emulator, bearer, last } = await startInitiator({ initiator: { outcomes: { b2c: outcome } } });
    const before = wallet(emulator);
    await send(emulator.app, paths.b2cV3, bearer, b2cBody()).expect(200);
    expect((await last()).Result).toMatchObject({ ResultCode: code, ResultDesc: desc });
    expect(wallet(emulator)).toBe(before);
  });

  it('prefers the outcome of the API and shortcode over the API-wide one', async () => {
    const outcomes = { b2c: 'system-busy', 'b2c:600997': 'normal' };
    const { emulator, bearer, last } = await startInitiator({ initiator: { outcomes } });
    await send(emulator.app, paths.b2cV3, bearer, b2cBody()).expect(200);
    expect((await last()).Result.ResultCode).toBe(0);
    await send(
      emulator.app,
      paths.b2cV3,
      bearer,
      b2cBody({ PartyA: 600984, OriginatorConversationID: 'two' }),
    ).expect(200);
    expect((await last()).Result.ResultCode).toBe(26);
  });

  it('waits initiator.resultDelayMs before posting the result', async () => {
    const { emulator, bearer, sink } = await startInitiator({ initiator: { resultDelayMs: 3_000 } });
    await send(emulator.app, paths.b2cV3, bearer, b2cBody()).expect(200);
    await emulator.advance(2_999);
    expect(sink.received).toHaveLength(0);
    await emulator.advance(1);
    expect(sink.received.map((r) => r.url)).toEqual([RESULT_URL]);
  });

  it('times the next request out through the control API: QueueTimeOutURL gets a Result envelope and nothing is paid', async () => {
    const { emulator, bearer, sink, results } = await startInitiator();
    await request(emulator.app).post('/_emulator/initiator/queue-timeout').send({ api: 'b2c' }).expect(201);
    const before = wallet(emulator);
    const ack = await send(emulator.app, paths.b2cV3, bearer, b2cBody()).expect(200);
    const timeouts = await results(TIMEOUT_URL);
    expect(timeouts).toHaveLength(1);
    expect(timeouts[0]?.Result).toMatchObject({
      ResultType: 0,
      ResultCode: 1,
      ResultDesc: 'The service request timed out in the queue.',
      ConversationID: ack.body.ConversationID,
    });
    expect(sink.received.filter((r) => r.url === RESULT_URL)).toHaveLength(0);
    expect(wallet(emulator)).toBe(before);
    const deliveries = (
      await request(emulator.app).get('/_emulator/deliveries').query({ kind: 'queue-timeout' })
    ).body as DeliveryView[];
    expect(deliveries).toHaveLength(1);
    // The one-shot is used up: the next payment goes through.
    await send(emulator.app, paths.b2cV3, bearer, b2cBody({ OriginatorConversationID: 'next' })).expect(200);
    expect((await results()).map((r) => r.Result.ResultCode)).toEqual([0]);
  });

  it('sends queue timeouts with the configured code and text when initiator.outcomes says queue-timeout', async () => {
    const { emulator, bearer, last } = await startInitiator({
      initiator: {
        outcomes: { '*': 'queue-timeout' },
        queueTimeoutCode: 'SVC0001',
        queueTimeoutDesc: 'Timed out',
      },
    });
    await send(emulator.app, paths.b2cV3, bearer, b2cBody()).expect(200);
    expect((await last(TIMEOUT_URL)).Result).toMatchObject({
      ResultCode: 'SVC0001',
      ResultDesc: 'Timed out',
    });
  });

  it('records the payment with its ids, receipt and masked credential, and explains the result in the journal', async () => {
    const { emulator, bearer, last } = await startInitiator();
    const ack = await send(emulator.app, paths.b2cV3, bearer, b2cBody()).expect(200);
    const result: ResultCallback = await last();
    const t = (
      await request(emulator.app).get(`/_emulator/transactions/${ack.body.ConversationID}`).expect(200)
    ).body as TransactionView;
    expect(t).toMatchObject({
      type: 'b2c',
      status: 'completed',
      shortcode: '600997',
      phone: JOHN,
      amount: 10,
      receipt: result.Result.TransactionID,
      originatorConversationId: 'b0f3c8a2-5d1e-4a8b-9c77-2f1e6d3a9b10',
    });
    expect(JSON.stringify(t.request)).not.toContain(b2cBody().SecurityCredential);
    const entry = emulator.journal.list({ api: 'b2c' })[0];
    expect(entry?.explanation.join(' ')).toContain('was not decrypted');
    expect(JSON.stringify(entry?.requestBody)).not.toContain(b2cBody().SecurityCredential);
  });
});
