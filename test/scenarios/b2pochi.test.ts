import { describe, expect, it } from 'vitest';
import { capture, keyOrder, sandboxAnswer, shapeOf } from '../support/captures.js';
import {
  JOHN,
  TIMEOUT_URL,
  b2cBody,
  parameters,
  paths,
  send,
  startInitiator,
  wallet,
} from '../support/initiator.js';

const pochiBody = (overrides: Record<string, unknown> = {}) =>
  b2cBody({ CommandID: 'BusinessPayToPochi', OriginatorConversationID: 'pochi-1', ...overrides });

describe('Business to Pochi', () => {
  it("pays the Pochi wallet and echoes the caller's own QueueTimeOutURL in the result", async () => {
    const { emulator, bearer, last } = await startInitiator();
    const before = wallet(emulator);
    const ack = await send(emulator.app, paths.b2pochi, bearer, pochiBody({ Amount: 250 })).expect(200);
    expect(shapeOf(ack.body)).toEqual(shapeOf(sandboxAnswer('b2c.occasion.json').response));
    const result = await last();
    expect(result.Result).toMatchObject({ ResultCode: 0, OriginatorConversationID: 'pochi-1' });
    expect(result.Result.ReferenceData?.ReferenceItem).toEqual({
      Key: 'QueueTimeoutURL',
      Value: TIMEOUT_URL,
    });
    expect(parameters(result)).toMatchObject({
      TransactionAmount: 250,
      ReceiverPartyPublicName: `${JOHN} - John Doe`,
    });
    expect(wallet(emulator)).toBe(before + 250);
    expect(emulator.transactions.find('pochi-1')?.type).toBe('b2pochi');
  });

  it('fails like the live sandbox when the initiator is locked: one CreditPartyName parameter as an object', async () => {
    const { emulator, bearer, last } = await startInitiator({
      initiator: { outcomes: { b2pochi: 'credential-locked' } },
    });
    await send(emulator.app, paths.b2pochi, bearer, pochiBody()).expect(200);
    const result = await last();
    const live = capture('sandbox/callbacks/b2c-pochi-result.json');
    expect(shapeOf(result)).toEqual(shapeOf(live));
    expect(keyOrder(result)).toEqual(keyOrder(live));
    expect(result.Result).toMatchObject({
      ResultCode: 8006,
      ResultDesc: 'The security credential is locked.',
    });
    expect(result.Result.ResultParameters?.ResultParameter).toEqual({
      Key: 'CreditPartyName',
      Value: `${JOHN} - John Doe`,
    });
  });

  it('applies the B2C amount limits', async () => {
    const { emulator, bearer, last } = await startInitiator();
    await send(emulator.app, paths.b2pochi, bearer, pochiBody({ Amount: 5 })).expect(200);
    expect((await last()).Result.ResultCode).toBe(2);
  });

  it.each([
    ['CommandID', { CommandID: 'BusinessPayment' }],
    ['OriginatorConversationID', { OriginatorConversationID: '' }],
    ['PartyB', { PartyB: '+254708374149' }],
  ])('rejects a bad %s with 400.002.02', async (field, overrides) => {
    const { emulator, bearer } = await startInitiator();
    const res = await send(emulator.app, paths.b2pochi, bearer, pochiBody(overrides)).expect(400);
    expect(res.body.errorMessage).toBe(`Bad Request - Invalid ${field}`);
  });

  it('shares duplicate detection with B2C v3', async () => {
    const { emulator, bearer } = await startInitiator();
    await send(emulator.app, paths.b2cV3, bearer, b2cBody({ OriginatorConversationID: 'shared' })).expect(
      200,
    );
    const res = await send(
      emulator.app,
      paths.b2pochi,
      bearer,
      pochiBody({ OriginatorConversationID: 'shared' }),
    );
    expect(res.status).toBe(500);
    expect(res.body.errorCode).toBe('500.002.1001');
  });

  it('answers a missing token exactly as the captured sandbox answer', async () => {
    const { emulator } = await startInitiator();
    const res = await send(emulator.app, paths.b2pochi, '', pochiBody());
    const captured = sandboxAnswer<Record<string, string>>('b2c-pochi.json');
    expect(res.status).toBe(captured.status);
    expect(keyOrder(res.body)).toEqual(keyOrder(captured.response));
    expect({ ...res.body, requestId: '<redacted-id>' }).toEqual(captured.response);
  });
});
