import { describe, expect, it } from 'vitest';
import { TRANSACTION_STATUS_RESULT_KEYS, type ResultCallback, type ResultKeyValue } from 'daraja-client/wire';
import { capture, keyOrder, sandboxAnswer, shapeOf } from '../support/captures.js';
import {
  JOHN,
  b2cBody,
  parameters,
  paths,
  reversalBody,
  send,
  startInitiator,
  statusBody,
} from '../support/initiator.js';
import { c2bPayment, stkPayment } from '../support/initiator-payments.js';

function list(result: ResultCallback): ResultKeyValue[] {
  const items = result.Result.ResultParameters?.ResultParameter;
  return items === undefined ? [] : Array.isArray(items) ? items : [items];
}

async function paidB2C() {
  const setup = await startInitiator();
  const ack = await send(setup.emulator.app, paths.b2cV3, setup.bearer, b2cBody({ Amount: 300 })).expect(200);
  const paid = await setup.last();
  setup.sink.received.length = 0;
  return { ...setup, ack: ack.body as { ConversationID: string }, receipt: paid.Result.TransactionID };
}

describe('Transaction Status: looking up a payment', () => {
  it('acknowledges with OriginatorConversationID first, like the captured sandbox answer', async () => {
    const { emulator, bearer, receipt } = await paidB2C();
    const res = await send(emulator.app, paths.status, bearer, statusBody({ TransactionID: receipt })).expect(
      200,
    );
    const captured = sandboxAnswer('status.conversation-id.json');
    expect(keyOrder(res.body)).toEqual(keyOrder(captured.response));
    expect(shapeOf(res.body)).toEqual(shapeOf(captured.response));
  });

  it('reports a B2C payment by receipt with the documented parameters, in order, valueless keys included', async () => {
    const { emulator, bearer, receipt, ack, last } = await paidB2C();
    await send(emulator.app, paths.status, bearer, statusBody({ TransactionID: receipt })).expect(200);
    const result = await last();
    expect(result.Result).toMatchObject({
      ResultType: 0,
      ResultCode: 0,
      ResultDesc: 'The service request is processed successfully.',
    });
    expect(result.Result.TransactionID).toMatch(/^[A-Z][A-L][1-9A-V]0000000$/);
    expect(list(result).map((p) => p.Key)).toEqual([...TRANSACTION_STATUS_RESULT_KEYS]);
    expect(list(result).find((p) => p.Key === 'CreditPartyCharges')).toEqual({ Key: 'CreditPartyCharges' });
    expect(list(result).find((p) => p.Key === 'TransactionReason')).toEqual({ Key: 'TransactionReason' });
    expect(parameters(result)).toMatchObject({
      DebitPartyName: '600997 - Safaricom Daraja 997',
      CreditPartyName: `${JOHN} - John Doe`,
      OriginatorConversationID: 'b0f3c8a2-5d1e-4a8b-9c77-2f1e6d3a9b10',
      InitiatedTime: 20260101120000,
      DebitAccountType: 'Utility Account',
      ReasonType: 'Business Payment to Customer via API',
      TransactionStatus: 'Completed',
      FinalisedTime: 20260101120000,
      Amount: 300,
      ConversationID: ack.ConversationID,
      ReceiptNo: receipt,
    });
    expect(result.Result.ReferenceData?.ReferenceItem).toEqual({ Key: 'Occasion', Value: 'Query' });
  });

  it('finds the same payment by the OriginatorConversationID of the request that made it', async () => {
    const { emulator, bearer, receipt, last } = await paidB2C();
    const body: Record<string, unknown> = statusBody({
      OriginalConversationID: 'b0f3c8a2-5d1e-4a8b-9c77-2f1e6d3a9b10',
    });
    await send(emulator.app, paths.status, bearer, body).expect(200);
    expect(parameters(await last()).ReceiptNo).toBe(receipt);
  });

  it('reports an STK payment as the customer paying the business', async () => {
    const { emulator, bearer, last } = await startInitiator();
    const paid = stkPayment(emulator, 75);
    await send(
      emulator.app,
      paths.status,
      bearer,
      statusBody({ TransactionID: paid.receipt, PartyA: 174379 }),
    ).expect(200);
    expect(parameters(await last())).toMatchObject({
      DebitPartyName: `${JOHN} - John Doe`,
      CreditPartyName: '174379 - DARAJA SANDBOX',
      OriginatorConversationID: paid.merchantRequestId,
      DebitAccountType: 'MMF Account For Customer',
      ReasonType: 'Pay Bill Online',
      Amount: 75,
      ReceiptNo: paid.receipt,
    });
  });

  it('gives an STK payment its own AG_ ConversationID, as a production result does', async () => {
    const { emulator, bearer, last } = await startInitiator();
    const paid = stkPayment(emulator, 75);
    await send(
      emulator.app,
      paths.status,
      bearer,
      statusBody({ TransactionID: paid.receipt, PartyA: 174379 }),
    ).expect(200);
    const found = list(await last()).find((p) => p.Key === 'ConversationID');
    expect(found?.Value).toMatch(/^AG_20260101_[0-9a-f]{20}$/);
    expect(found?.Value).toBe(emulator.transactions.get(paid.id)?.conversationId);
  });

  it('reports a C2B payment and accepts the customer MSISDN as PartyA', async () => {
    const { emulator, bearer, last } = await startInitiator();
    const paid = await c2bPayment(emulator, 120);
    await send(
      emulator.app,
      paths.status,
      bearer,
      statusBody({ TransactionID: paid.id, PartyA: JOHN, IdentifierType: '1' }),
    ).expect(200);
    expect(parameters(await last())).toMatchObject({
      ReasonType: 'Pay Bill',
      Amount: 120,
      ReceiptNo: paid.id,
    });
  });

  it('shows a reversed payment as Reversed, and the reversal itself by its own receipt', async () => {
    const { emulator, bearer, last } = await startInitiator();
    const paid = stkPayment(emulator, 40);
    await send(
      emulator.app,
      paths.reversal,
      bearer,
      reversalBody({ TransactionID: paid.receipt, Amount: 40 }),
    ).expect(200);
    const reversal = await last();
    await send(
      emulator.app,
      paths.status,
      bearer,
      statusBody({ TransactionID: paid.receipt, PartyA: '174379' }),
    ).expect(200);
    expect(parameters(await last()).TransactionStatus).toBe('Reversed');
    await send(
      emulator.app,
      paths.status,
      bearer,
      statusBody({ TransactionID: reversal.Result.TransactionID, PartyA: '174379' }),
    ).expect(200);
    expect(parameters(await last())).toMatchObject({
      ReasonType: 'Reversal',
      DebitPartyName: '174379 - DARAJA SANDBOX',
      CreditPartyName: `${JOHN} - John Doe`,
      DebitAccountType: 'Utility Account',
    });
  });

  it('answers 2032 for an unknown receipt exactly in the shape the sandbox sent', async () => {
    const { emulator, bearer, last } = await startInitiator();
    const body: Record<string, unknown> = statusBody({ TransactionID: 'UJ6XXXXXXX' });
    delete body.Occasion;
    await send(emulator.app, paths.status, bearer, body).expect(200);
    const result = await last();
    const live = capture('sandbox/callbacks/status-result-not-found.json');
    expect(keyOrder(result)).toEqual(keyOrder(live));
    expect(shapeOf(result)).toEqual(shapeOf(live));
    expect(result.Result).toMatchObject({
      ResultCode: 2032,
      ResultDesc: 'The transaction receipt number does not exist.',
    });
    expect(result.Result.ReferenceData?.ReferenceItem).toEqual({ Key: 'Occasion' });
  });

  it.each([
    { case: 'a PartyA that took no part in it', body: { PartyA: '600984' } },
    { case: 'a conversation id of a status query (not a payment)', body: 'status' as const },
  ])('answers 2032 for $case', async ({ body }) => {
    const { emulator, bearer, receipt, last } = await paidB2C();
    if (body === 'status') {
      const first = await send(
        emulator.app,
        paths.status,
        bearer,
        statusBody({ TransactionID: receipt }),
      ).expect(200);
      await last();
      await send(
        emulator.app,
        paths.status,
        bearer,
        statusBody({ OriginalConversationID: first.body.OriginatorConversationID }),
      ).expect(200);
    } else {
      await send(emulator.app, paths.status, bearer, statusBody({ TransactionID: receipt, ...body })).expect(
        200,
      );
    }
    expect((await last()).Result.ResultCode).toBe(2032);
  });

  it('answers 2032 for a failed payment, which has no receipt', async () => {
    const { emulator, bearer, last } = await startInitiator();
    await send(emulator.app, paths.b2cV3, bearer, b2cBody({ Amount: 5 })).expect(200);
    await last();
    await send(
      emulator.app,
      paths.status,
      bearer,
      statusBody({ OriginalConversationID: 'b0f3c8a2-5d1e-4a8b-9c77-2f1e6d3a9b10' }),
    ).expect(200);
    expect((await last()).Result.ResultCode).toBe(2032);
  });

  it('produces SFC_IC0003 and 8006 on demand', async () => {
    const { emulator, bearer, last } = await startInitiator({
      initiator: {
        outcomes: { 'transaction-status': 'SFC_IC0003', 'transaction-status:600984': 'credential-locked' },
      },
    });
    await send(emulator.app, paths.status, bearer, statusBody({ TransactionID: 'X' })).expect(200);
    expect((await last()).Result).toMatchObject({
      ResultCode: 'SFC_IC0003',
      ResultDesc: 'The operator does not exist.',
    });
    await send(
      emulator.app,
      paths.status,
      bearer,
      statusBody({ TransactionID: 'X', PartyA: '600984' }),
    ).expect(200);
    expect((await last()).Result.ResultCode).toBe(8006);
  });

  it.each([
    ['Initiator', { Initiator: undefined }],
    ['SecurityCredential', { SecurityCredential: '' }],
    ['CommandID', { CommandID: 'TransactionStatus' }],
    ['TransactionID', { TransactionID: undefined, OriginalConversationID: undefined }],
    ['PartyA', { TransactionID: 'X', PartyA: '12' }],
    ['IdentifierType', { TransactionID: 'X', IdentifierType: '3' }],
    ['ResultURL', { TransactionID: 'X', ResultURL: 'ftp://x' }],
    ['QueueTimeOutURL', { TransactionID: 'X', QueueTimeOutURL: '' }],
    ['Remarks', { TransactionID: 'X', Remarks: undefined }],
    ['Occasion', { TransactionID: 'X', Occasion: 'o'.repeat(101) }],
  ])('rejects a bad %s with 400.002.02', async (field, overrides) => {
    const { emulator, bearer } = await startInitiator();
    const res = await send(emulator.app, paths.status, bearer, statusBody(overrides)).expect(400);
    expect(res.body.errorMessage).toBe(`Bad Request - Invalid ${field}`);
  });

  it('answers a bad token with 401.002.01', async () => {
    const { emulator } = await startInitiator();
    const res = await send(emulator.app, paths.status, 'nope', statusBody({ TransactionID: 'X' })).expect(
      401,
    );
    expect(res.body.errorCode).toBe('401.002.01');
  });
});
