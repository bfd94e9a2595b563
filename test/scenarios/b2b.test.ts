import { describe, expect, it } from 'vitest';
import request from 'supertest';
import type { TransactionView } from 'daraja-client/emulator';
import { B2B_RESULT_KEYS, type ResultCallback, type ResultKeyValue } from 'daraja-client/wire';
import { capture, keyOrder, sandboxAnswer, shapeOf } from '../support/captures.js';
import {
  account,
  balanceBody,
  parameters,
  paths,
  reversalBody,
  send,
  startInitiator,
  statusBody,
  TIMEOUT_URL,
} from '../support/initiator.js';
import { withRules } from '../support/initiator-faults.js';
import { b2bBody, b2bPaths } from '../support/b2b.js';

const RECEIPT = /^[A-Z][A-L][1-9A-V][A-Z0-9]{7}$/;
const PLACEHOLDER = /^[A-Z][A-L][1-9A-V]0000000$/;

const references = (r: ResultCallback): ResultKeyValue[] => {
  const items = r.Result.ReferenceData?.ReferenceItem;
  return items === undefined ? [] : Array.isArray(items) ? items : [items];
};

describe('B2B: one organisation pays another', () => {
  it('pays a paybill from the Working Account into its Utility Account and posts the documented result', async () => {
    const { emulator, bearer, last } = await startInitiator();
    const working = account(emulator, '600984', 'Working Account');
    const utility = account(emulator, '600000', 'Utility Account');
    const ack = await send(emulator.app, b2bPaths.b2b, bearer, b2bBody()).expect(200);
    expect(shapeOf(ack.body)).toEqual(shapeOf(sandboxAnswer('b2c.occasion.json').response));
    expect(ack.body).toMatchObject({
      ResponseCode: '0',
      ResponseDescription: 'Accept the service request successfully.',
    });
    const result = await last();
    const sample = capture<ResultCallback>('portal-samples/b2b-paybill-result-success.json');
    expect(keyOrder(result.Result.ResultParameters)).toEqual(keyOrder(sample.Result.ResultParameters));
    const list = result.Result.ResultParameters?.ResultParameter;
    expect(Array.isArray(list) && list.map((p) => p.Key)).toEqual([...B2B_RESULT_KEYS]);
    const left = (working - 239).toFixed(2);
    expect(parameters(result)).toEqual({
      DebitAccountBalance: `{Amount={CurrencyCode=KES, MinimumAmount=${Math.round((working - 239) * 100)}, BasicAmount=${left}}}`,
      Amount: '239.00',
      DebitPartyAffectedAccountBalance: `Working Account|KES|${left}|${left}|0.00|0.00`,
      TransCompletedTime: '20260101120000',
      DebitPartyCharges: '',
      ReceiverPartyPublicName: '600000 - Safaricom Daraja 000',
      Currency: 'KES',
      InitiatorAccountCurrentBalance: `{Amount={CurrencyCode=KES, MinimumAmount=${Math.round((working - 239) * 100)}, BasicAmount=${left}}}`,
    });
    expect(result.Result).toMatchObject({
      ResultType: 0,
      ResultCode: 0,
      ResultDesc: 'The service request is processed successfully',
      ConversationID: ack.body.ConversationID,
      OriginatorConversationID: ack.body.OriginatorConversationID,
    });
    expect(result.Result.TransactionID).toMatch(RECEIPT);
    // The live sandbox's B2B references: the numeric reference as a number, the internal queue URL, Occassion.
    expect(references(result)).toEqual(
      references(capture<ResultCallback>('sandbox/callbacks/b2b-paybill-result-locked.json')),
    );
    expect(account(emulator, '600984', 'Working Account')).toBe(working - 239);
    expect(account(emulator, '600000', 'Utility Account')).toBe(utility + 239);
    const t = emulator.transactions.get(ack.body.ConversationID) as TransactionView;
    expect(t).toMatchObject({
      type: 'b2b',
      status: 'completed',
      shortcode: '600984',
      partyB: '600000',
      amount: 239,
      accountReference: '353353',
      receipt: result.Result.TransactionID,
    });
  });

  it('pays a till into its Merchant Account with BusinessBuyGoods, with no bill reference', async () => {
    const { emulator, bearer, last } = await startInitiator();
    const body = b2bBody({ CommandID: 'BusinessBuyGoods', PartyB: '373132', Amount: '100' });
    delete (body as Record<string, unknown>).AccountReference;
    await send(emulator.app, b2bPaths.b2b, bearer, body).expect(200);
    const result = await last();
    expect(result.Result.ResultCode).toBe(0);
    expect(parameters(result).ReceiverPartyPublicName).toBe('373132 - TEST SUPERMARKET');
    expect(account(emulator, '373132', 'Merchant Account')).toBe(100);
    expect(references(result)).toEqual(
      references(capture<ResultCallback>('sandbox/callbacks/b2b-buygoods-result-locked.json')),
    );
  });

  it('tops up a B2C shortcode with BusinessPayToBulk, which it can then pay customers from', async () => {
    const { emulator, bearer, last } = await startInitiator();
    const utility = account(emulator, '600997', 'Utility Account');
    await send(
      emulator.app,
      b2bPaths.b2b,
      bearer,
      b2bBody({ CommandID: 'BusinessPayToBulk', PartyB: '600997', Amount: 5000, AccountReference: '' }),
    ).expect(200);
    expect((await last()).Result.ResultCode).toBe(0);
    expect(account(emulator, '600997', 'Utility Account')).toBeCloseTo(utility + 5000, 2);
  });

  it.each([
    {
      name: 'an unknown receiver',
      overrides: { PartyB: '600123' },
      code: 7,
      desc: 'Unresolved Receiver Party',
    },
    {
      name: 'a till paid with BusinessPayBill',
      overrides: { PartyB: '373132' },
      code: 2028,
      desc: 'The request is not permitted according to product assignment.',
    },
  ])('answers $code for $name and moves no money', async ({ overrides, code, desc }) => {
    const { emulator, bearer, last } = await startInitiator();
    const conservation = emulator.ledger.conservationCents();
    const working = account(emulator, '600984', 'Working Account');
    const ack = await send(emulator.app, b2bPaths.b2b, bearer, b2bBody(overrides)).expect(200);
    const result = await last();
    expect(result.Result).toMatchObject({ ResultCode: code, ResultDesc: desc });
    expect(result.Result.TransactionID).toMatch(PLACEHOLDER);
    expect(result.Result.ResultParameters).toBeUndefined();
    expect(account(emulator, '600984', 'Working Account')).toBe(working);
    expect(emulator.ledger.conservationCents()).toBe(conservation);
    const entry = emulator.journal.list({ transactionId: ack.body.ConversationID })[0];
    expect(entry?.explanation.join(' ')).toMatch(
      /PartyB 600123 is not a shortcode|pays a paybill shortcode, but 373132 is a till/,
    );
  });

  it('answers 1 in the live failure shape when the Working Account cannot cover the payment', async () => {
    const { emulator, bearer, last } = await startInitiator();
    await request(emulator.app)
      .patch('/_emulator/shortcodes/600984')
      .send({ balances: { 'Working Account': 100 } })
      .expect(200);
    await send(emulator.app, b2bPaths.b2b, bearer, b2bBody({ Amount: 101 })).expect(200);
    const result = await last();
    expect(result.Result).toMatchObject({
      ResultCode: 1,
      ResultDesc: 'The balance is insufficient for the transaction.',
    });
    const live = capture('sandbox/callbacks/b2b-paybill-result-locked.json');
    expect(keyOrder(result)).toEqual(keyOrder(live));
    expect(shapeOf(result)).toEqual(shapeOf(live));
    expect(account(emulator, '600984', 'Working Account')).toBe(100);
  });

  it('shows the payment in both organisations’ Account Balance and Transaction Status', async () => {
    const { emulator, bearer, last } = await startInitiator();
    const ack = await send(emulator.app, b2bPaths.b2b, bearer, b2bBody({ Amount: 1000 })).expect(200);
    const receipt = (await last()).Result.TransactionID;

    await send(emulator.app, paths.balance, bearer, balanceBody({ PartyA: '600000' })).expect(200);
    expect(String(parameters(await last()).AccountBalance)).toContain('Utility Account|KES|101000.00|');
    await send(emulator.app, paths.balance, bearer, balanceBody({ PartyA: '600984' })).expect(200);
    expect(String(parameters(await last()).AccountBalance)).toContain('Working Account|KES|699000.00|');

    for (const side of ['600984', '600000']) {
      await send(
        emulator.app,
        paths.status,
        bearer,
        statusBody({ PartyA: side, TransactionID: receipt }),
      ).expect(200);
      const status = parameters(await last());
      expect(status).toMatchObject({
        DebitPartyName: '600984 - Safaricom Daraja 984',
        CreditPartyName: '600000 - Safaricom Daraja 000',
        DebitAccountType: 'Working Account',
        ReasonType: 'Business Pay Bill via API',
        TransactionStatus: 'Completed',
        Amount: 1000,
        ReceiptNo: receipt,
        OriginatorConversationID: ack.body.OriginatorConversationID,
      });
    }
  });

  it('is not reversed through the Reversal API, which explains why', async () => {
    const { emulator, bearer, last } = await startInitiator();
    await send(emulator.app, b2bPaths.b2b, bearer, b2bBody()).expect(200);
    const receipt = (await last()).Result.TransactionID;
    const before = account(emulator, '600000', 'Utility Account');
    const ack = await send(
      emulator.app,
      paths.reversal,
      bearer,
      reversalBody({ TransactionID: receipt, Amount: 239, ReceiverParty: '600000' }),
    ).expect(200);
    expect((await last()).Result).toMatchObject({ ResultCode: 'R000002' });
    expect(account(emulator, '600000', 'Utility Account')).toBe(before);
    const entry = emulator.journal.list({ transactionId: ack.body.ConversationID })[0];
    expect(entry?.explanation.join(' ')).toContain('reverses customer payments only');
  });

  it.each([
    { field: 'Initiator', overrides: { Initiator: '', CommandID: 'Nope' } },
    { field: 'CommandID', overrides: { CommandID: 'BusinessToBusinessTransfer', Amount: 'x' } },
    { field: 'SenderIdentifierType', overrides: { SenderIdentifierType: '1', PartyA: 'x' } },
    { field: 'RecieverIdentifierType', overrides: { RecieverIdentifierType: 2 } },
    { field: 'Amount', overrides: { Amount: 0, PartyA: '' } },
    { field: 'PartyA', overrides: { PartyA: '12', PartyB: 'x' } },
    { field: 'PartyB', overrides: { PartyB: '254708374149' } },
    { field: 'AccountReference', overrides: { AccountReference: undefined, Remarks: '' } },
    { field: 'Requester', overrides: { Requester: '0708374149' } },
    { field: 'Remarks', overrides: { Remarks: '' } },
    { field: 'QueueTimeOutURL', overrides: { QueueTimeOutURL: 'not a url' } },
    { field: 'ResultURL', overrides: { ResultURL: undefined } },
  ])('reports $field first when it is the first bad field', async ({ field, overrides }) => {
    const { emulator, bearer } = await startInitiator();
    const res = await send(emulator.app, b2bPaths.b2b, bearer, b2bBody(overrides)).expect(400);
    expect(res.body).toEqual({
      requestId: expect.any(String),
      errorCode: '400.002.02',
      errorMessage: `Bad Request - Invalid ${field}`,
    });
    const entry = emulator.journal.list({ api: 'b2b' })[0];
    expect(entry?.explanation.some((line) => line.startsWith(`${field}:`))).toBe(true);
    expect(emulator.transactions.list({}).filter((t) => t.type === 'b2b')).toHaveLength(0);
  });

  it('times out in the queue when armed through the control API, notifying QueueTimeOutURL and moving nothing', async () => {
    const { emulator, bearer, last } = await startInitiator();
    await request(emulator.app)
      .post('/_emulator/initiator/queue-timeout')
      .send({ api: 'b2b', shortcode: '600984' })
      .expect(201);
    const working = account(emulator, '600984', 'Working Account');
    await send(emulator.app, b2bPaths.b2b, bearer, b2bBody()).expect(200);
    const timeout = await last(TIMEOUT_URL);
    expect(timeout.Result).toMatchObject({
      ResultCode: 1,
      ResultDesc: 'The service request timed out in the queue.',
    });
    expect(account(emulator, '600984', 'Working Account')).toBe(working);
  });

  it('follows an initiator-result fault rule matched on the receiving shortcode', async () => {
    const { emulator, bearer, last } = await withRules([
      {
        name: 'receiver-busy',
        match: { endpoint: 'b2b', shortcode: '373132' },
        effect: { type: 'initiator-result', outcome: 'system-busy' },
      },
    ]);
    const body = b2bBody({ CommandID: 'BusinessBuyGoods', PartyB: '373132' });
    const ack = await send(emulator.app, b2bPaths.b2b, bearer, body).expect(200);
    expect((await last()).Result).toMatchObject({ ResultCode: 26 });
    expect(emulator.transactions.get(ack.body.ConversationID)?.rules).toEqual(['receiver-busy']);
    await send(emulator.app, b2bPaths.b2b, bearer, b2bBody()).expect(200);
    expect((await last()).Result.ResultCode).toBe(0);
  });

  it('answers a bad token as the other initiator APIs do', async () => {
    const { emulator } = await startInitiator();
    const res = await send(emulator.app, b2bPaths.b2b, 'nope', b2bBody()).expect(401);
    expect(res.body.errorCode).toBe('401.002.01');
  });
});
