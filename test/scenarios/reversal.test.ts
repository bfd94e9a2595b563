import { describe, expect, it } from 'vitest';
import request from 'supertest';
import type { SmsView, TransactionView } from 'daraja-client/emulator';
import { capture, keyOrder, sandboxAnswer, shapeOf } from '../support/captures.js';
import {
  JOHN,
  account,
  b2cBody,
  parameters,
  paths,
  reversalBody,
  send,
  startInitiator,
  wallet,
} from '../support/initiator.js';
import { c2bPayment, stkPayment } from '../support/initiator-payments.js';

describe('Reversal of a customer payment', () => {
  it('gives an STK payment back: money returns, the original becomes reversed, the customer gets an SMS', async () => {
    const { emulator, bearer, last } = await startInitiator();
    const paid = stkPayment(emulator, 200);
    const afterPayment = wallet(emulator);
    const utility = account(emulator, '174379', 'Utility Account');
    const ack = await send(
      emulator.app,
      paths.reversal,
      bearer,
      reversalBody({ TransactionID: paid.receipt }),
    ).expect(200);
    expect(shapeOf(ack.body)).toEqual(shapeOf(sandboxAnswer('b2c.occasion.json').response));
    const result = await last();
    const sample = capture('portal-samples/reversal-result-success.json');
    expect(keyOrder(result)).toEqual(keyOrder(sample));
    expect(shapeOf(result)).toEqual(shapeOf(sample));
    expect(parameters(result)).toEqual({
      DebitAccountBalance: `Utility Account|KES|${(utility - 200).toFixed(2)}|${(utility - 200).toFixed(2)}|0.00|0.00`,
      Amount: 200,
      TransCompletedTime: 20260101120000,
      OriginalTransactionID: paid.receipt,
      Charge: 0,
      CreditPartyPublicName: `${JOHN} - John Doe`,
      DebitPartyPublicName: '174379 - DARAJA SANDBOX',
    });
    const reversalReceipt = result.Result.TransactionID;
    expect(reversalReceipt).toMatch(/^[A-Z][A-L][1-9A-V][A-Z0-9]{7}$/);
    expect(reversalReceipt).not.toBe(paid.receipt);
    expect(wallet(emulator)).toBe(afterPayment + 200);
    expect(account(emulator, '174379', 'Utility Account')).toBe(utility - 200);
    const original = (await request(emulator.app).get(`/_emulator/transactions/${paid.id}`).expect(200))
      .body as TransactionView;
    expect(original).toMatchObject({ status: 'reversed', reversedBy: reversalReceipt });
    const reversal = (
      await request(emulator.app).get(`/_emulator/transactions/${ack.body.ConversationID}`).expect(200)
    ).body as TransactionView;
    expect(reversal).toMatchObject({
      type: 'reversal',
      status: 'completed',
      originalTransactionId: paid.receipt,
      phone: JOHN,
    });
    const sms = (await request(emulator.app).get(`/_emulator/customers/${JOHN}/messages`)).body as SmsView[];
    expect(sms[0]?.text).toContain(
      `${reversalReceipt} Confirmed. Transaction ${paid.receipt} has been reversed.`,
    );
  });

  it('reverses a till payment out of the Merchant Account', async () => {
    const { emulator, bearer, last } = await startInitiator();
    const paid = stkPayment(emulator, 30, '373132');
    await send(
      emulator.app,
      paths.reversal,
      bearer,
      reversalBody({ TransactionID: paid.receipt, Amount: 30, ReceiverParty: 373132 }),
    ).expect(200);
    expect(parameters(await last()).DebitAccountBalance).toBe('Merchant Account|KES|0.00|0.00|0.00|0.00');
  });

  it('reverses a C2B payment', async () => {
    const { emulator, bearer, last } = await startInitiator();
    const before = wallet(emulator);
    const paid = await c2bPayment(emulator, 150);
    await send(
      emulator.app,
      paths.reversal,
      bearer,
      reversalBody({ TransactionID: paid.id, Amount: 150, ReceiverParty: '600984' }),
    ).expect(200);
    expect((await last()).Result.ResultCode).toBe(0);
    expect(wallet(emulator)).toBe(before);
  });

  it('refuses a second reversal of the same receipt with R000001, as a string code', async () => {
    const { emulator, bearer, last } = await startInitiator();
    const paid = stkPayment(emulator, 200);
    await send(emulator.app, paths.reversal, bearer, reversalBody({ TransactionID: paid.receipt })).expect(
      200,
    );
    await last();
    const before = wallet(emulator);
    await send(emulator.app, paths.reversal, bearer, reversalBody({ TransactionID: paid.receipt })).expect(
      200,
    );
    expect((await last()).Result).toMatchObject({
      ResultCode: 'R000001',
      ResultDesc: 'The transaction has already been reversed',
    });
    expect(wallet(emulator)).toBe(before);
  });

  it('answers R000002 for an unknown receipt exactly in the shape the sandbox sent', async () => {
    const { emulator, bearer, last } = await startInitiator();
    await send(emulator.app, paths.reversal, bearer, reversalBody()).expect(200);
    const result = await last();
    const live = capture('sandbox/callbacks/reversal-result-invalid.json');
    expect(keyOrder(result)).toEqual(keyOrder(live));
    expect(shapeOf(result)).toEqual(shapeOf(live));
    expect(result.Result).toMatchObject({
      ResultType: 0,
      ResultCode: 'R000002',
      ResultDesc: 'The OriginalTransactionID is invalid.',
    });
    expect(result.Result.ReferenceData).toEqual(
      capture<{ Result: { ReferenceData: unknown } }>('portal-samples/reversal-result-failure.json').Result
        .ReferenceData,
    );
  });

  it.each([
    { case: 'a B2C payment', kind: 'b2c' as const, body: {} },
    { case: 'another shortcode as ReceiverParty', kind: 'stk' as const, body: { ReceiverParty: '600984' } },
    { case: 'an amount other than the payment', kind: 'stk' as const, body: { Amount: 199 } },
  ])('answers R000002 for $case and moves no money', async ({ kind, body }) => {
    const { emulator, bearer, last } = await startInitiator();
    let receipt: string | undefined;
    if (kind === 'b2c') {
      await send(emulator.app, paths.b2cV3, bearer, b2cBody({ Amount: 200 })).expect(200);
      receipt = (await last()).Result.TransactionID;
    } else {
      receipt = stkPayment(emulator, 200).receipt;
    }
    const conservation = emulator.ledger.conservationCents();
    const before = wallet(emulator);
    await send(
      emulator.app,
      paths.reversal,
      bearer,
      reversalBody({ TransactionID: receipt, ReceiverParty: kind === 'b2c' ? '600997' : '174379', ...body }),
    ).expect(200);
    expect((await last()).Result.ResultCode).toBe('R000002');
    expect(wallet(emulator)).toBe(before);
    expect(emulator.ledger.conservationCents()).toBe(conservation);
  });

  it('answers result 1 when the business account no longer holds the money', async () => {
    const { emulator, bearer, last } = await startInitiator();
    const paid = stkPayment(emulator, 200);
    await request(emulator.app)
      .patch('/_emulator/shortcodes/174379')
      .send({ balances: { 'Utility Account': 100 } })
      .expect(200);
    await send(emulator.app, paths.reversal, bearer, reversalBody({ TransactionID: paid.receipt })).expect(
      200,
    );
    expect((await last()).Result).toMatchObject({ ResultCode: 1 });
    expect(emulator.transactions.get(paid.id)?.status).toBe('completed');
  });

  it.each(['R000001', 'already-reversed', 'unknown-receipt', 21, 2006])(
    'produces %s on demand',
    async (outcome) => {
      const { emulator, bearer, last } = await startInitiator({
        initiator: { outcomes: { reversal: outcome } },
      });
      await send(emulator.app, paths.reversal, bearer, reversalBody()).expect(200);
      const code = (await last()).Result.ResultCode;
      expect(code).toBe(
        outcome === 'already-reversed' ? 'R000001' : outcome === 'unknown-receipt' ? 'R000002' : outcome,
      );
    },
  );

  it.each([
    ['Initiator', { Initiator: undefined }],
    ['SecurityCredential', { SecurityCredential: '' }],
    ['CommandID', { CommandID: 'Reversal' }],
    ['TransactionID', { TransactionID: '' }],
    ['Amount', { Amount: '-5' }],
    ['ReceiverParty', { ReceiverParty: '2547' }],
    ['RecieverIdentifierType', { RecieverIdentifierType: undefined }],
    ['RecieverIdentifierType', { RecieverIdentifierType: undefined, ReceiverIdentifierType: '11' }],
    ['RecieverIdentifierType', { RecieverIdentifierType: '5' }],
    ['ResultURL', { ResultURL: undefined }],
    ['QueueTimeOutURL', { QueueTimeOutURL: 'https://merchant example/q' }],
    ['Remarks', { Remarks: 'x' }],
  ])('rejects a bad %s with 400.002.02', async (field, overrides) => {
    const { emulator, bearer } = await startInitiator();
    const res = await send(emulator.app, paths.reversal, bearer, reversalBody(overrides)).expect(400);
    expect(res.body.errorMessage).toBe(`Bad Request - Invalid ${field}`);
  });

  it('explains the correctly spelled ReceiverIdentifierType in the journal', async () => {
    const { emulator, bearer } = await startInitiator();
    await send(
      emulator.app,
      paths.reversal,
      bearer,
      reversalBody({ RecieverIdentifierType: undefined, ReceiverIdentifierType: '11' }),
    ).expect(400);
    expect(emulator.journal.list({ api: 'reversal' })[0]?.explanation.join(' ')).toContain('i before e');
  });

  it('answers a bad token with 404.001.03, as the Reversal page documents', async () => {
    const { emulator } = await startInitiator();
    const res = await send(emulator.app, paths.reversal, 'nope', reversalBody()).expect(404);
    expect(res.body).toMatchObject({ errorCode: '404.001.03', errorMessage: 'Invalid Access Token' });
  });
});
