import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { B2C_RESULT_KEYS, B2C_RESULT_KEYS_2017 } from 'daraja-client/wire';
import type { SmsView } from 'daraja-client/emulator';
import { capture, keyOrder, sandboxAnswer, shapeOf } from '../support/captures.js';
import {
  JOHN,
  account,
  b2cBody,
  parameters,
  paths,
  send,
  startInitiator,
  wallet,
} from '../support/initiator.js';

const PLACEHOLDER = /^[A-Z][A-L][1-9A-V]0000000$/;
const RECEIPT = /^[A-Z][A-L][1-9A-V][A-Z0-9]{7}$/;

describe('B2C: a business pays a customer', () => {
  it('acknowledges a v3 payment exactly like the sandbox and echoes the OriginatorConversationID', async () => {
    const { emulator, bearer } = await startInitiator();
    const res = await send(emulator.app, paths.b2cV3, bearer, b2cBody()).expect(200);
    const captured = sandboxAnswer('b2c.occasion.json');
    expect(shapeOf(res.body)).toEqual(shapeOf(captured.response));
    expect(res.body).toMatchObject({
      OriginatorConversationID: 'b0f3c8a2-5d1e-4a8b-9c77-2f1e6d3a9b10',
      ResponseCode: '0',
      ResponseDescription: 'Accept the service request successfully.',
    });
    expect(res.body.ConversationID).toMatch(/^AG_20260101_[0-9a-f]{20}$/);
  });

  it('moves the money from the Utility Account to the wallet, texts the customer and posts the documented result', async () => {
    const { emulator, bearer, last } = await startInitiator();
    const utility = account(emulator, '600997', 'Utility Account');
    const before = wallet(emulator);
    await send(emulator.app, paths.b2cV3, bearer, b2cBody({ Amount: '1500' })).expect(200);
    const result = await last();
    expect(keyOrder(result)).toEqual(keyOrder(capture('portal-samples/b2c-result-success.json')));
    expect(shapeOf(result)).toEqual(shapeOf(capture('portal-samples/b2c-result-success.json')));
    const values = parameters(result);
    expect(values).toEqual({
      TransactionAmount: 1500,
      TransactionReceipt: result.Result.TransactionID,
      ReceiverPartyPublicName: `${JOHN} - John Doe`,
      TransactionCompletedDateTime: '01.01.2026 12:00:00',
      B2CUtilityAccountAvailableFunds: utility - 1500,
      B2CWorkingAccountAvailableFunds: 1_199_371,
      B2CRecipientIsRegisteredCustomer: 'Y',
      // M-Pesa's B2C tariff charges the business Ksh 5 for 101 to 1 500 (SPEC 24.3, money.b2cCharges).
      B2CChargesPaidAccountAvailableFunds: -5,
    });
    expect(result.Result.TransactionID).toMatch(RECEIPT);
    expect(account(emulator, '600997', 'Utility Account')).toBe(utility - 1500);
    expect(wallet(emulator)).toBe(before + 1500);
    const sms = (await request(emulator.app).get(`/_emulator/customers/${JOHN}/messages`)).body as SmsView[];
    expect(sms[0]?.text).toMatch(
      new RegExp(
        `^${result.Result.TransactionID} Confirmed\\. You have received Ksh1,500\\.00 from Safaricom Daraja 997`,
      ),
    );
  });

  it('serves v1, which generates the OriginatorConversationID and takes the Occasion spelling', async () => {
    const { emulator, bearer, last } = await startInitiator();
    const body: Record<string, unknown> = b2cBody({ Occasion: 'Salary', CommandID: 'SalaryPayment' });
    delete body.OriginatorConversationID;
    delete body.Occassion;
    const res = await send(emulator.app, paths.b2cV1, bearer, body).expect(200);
    expect(res.body.OriginatorConversationID).toMatch(
      /^[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\d{7}$/,
    );
    expect((await last()).Result.OriginatorConversationID).toBe(res.body.OriginatorConversationID);
  });

  it('can send the parameters in the 2017 order that some SDKs read by position', async () => {
    const { emulator, bearer, last } = await startInitiator({ b2c: { resultKeyOrder: '2017' } });
    await send(emulator.app, paths.b2cV3, bearer, b2cBody()).expect(200);
    const list = (await last()).Result.ResultParameters?.ResultParameter;
    expect(Array.isArray(list) && list.map((p) => p.Key)).toEqual([...B2C_RESULT_KEYS_2017]);
    expect([...B2C_RESULT_KEYS].sort()).toEqual([...B2C_RESULT_KEYS_2017].sort());
  });

  it.each([
    { amount: 9, code: 2, desc: 'Declined due to limit rule' },
    {
      amount: 250_001,
      code: 3,
      desc: 'Declined due to limit rule: greater than the maximum transaction amount.',
    },
  ])('declines $amount with result $code and moves no money', async ({ amount, code, desc }) => {
    const { emulator, bearer, last } = await startInitiator();
    const conservation = emulator.ledger.conservationCents();
    const before = wallet(emulator);
    await send(emulator.app, paths.b2cV3, bearer, b2cBody({ Amount: amount })).expect(200);
    const result = await last();
    expect(result.Result).toMatchObject({ ResultCode: code, ResultDesc: desc });
    expect(result.Result.TransactionID).toMatch(PLACEHOLDER);
    expect(result.Result.ResultParameters).toBeUndefined();
    expect(wallet(emulator)).toBe(before);
    expect(emulator.ledger.conservationCents()).toBe(conservation);
  });

  it('answers result 1 when the Utility Account cannot cover the payment, in the live failure shape', async () => {
    const { emulator, bearer, last } = await startInitiator();
    await request(emulator.app)
      .patch('/_emulator/shortcodes/600997')
      .send({ balances: { 'Utility Account': 50 } })
      .expect(200);
    await send(emulator.app, paths.b2cV3, bearer, b2cBody({ Amount: 51 })).expect(200);
    const result = await last();
    expect(result.Result).toMatchObject({
      ResultCode: 1,
      ResultDesc: 'The balance is insufficient for the transaction.',
    });
    expect(shapeOf(result)).toEqual(shapeOf(capture('sandbox/callbacks/b2c-result-locked.json')));
    expect(keyOrder(result)).toEqual(keyOrder(capture('sandbox/callbacks/b2c-result-locked.json')));
    expect(account(emulator, '600997', 'Utility Account')).toBe(50);
  });

  it.each([
    { case: 'an unknown initiator', body: { InitiatorName: 'nobody' } },
    { case: 'a shortcode the emulator does not know', body: { PartyA: 999999 } },
    { case: 'a credential that is not an RSA ciphertext', body: { SecurityCredential: 'c2VjcmV0' } },
  ])('answers 2001 "The initiator information is invalid." for $case', async ({ body }) => {
    const { emulator, bearer, last } = await startInitiator();
    await send(emulator.app, paths.b2cV3, bearer, b2cBody(body)).expect(200);
    expect((await last()).Result).toMatchObject({
      ResultCode: 2001,
      ResultDesc: 'The initiator information is invalid.',
    });
  });

  it('opens an empty wallet for a number it has never seen and reports it as unregistered', async () => {
    const { emulator, bearer, last } = await startInitiator();
    await send(emulator.app, paths.b2cV3, bearer, b2cBody({ PartyB: '254799000111', Amount: 100 })).expect(
      200,
    );
    expect(parameters(await last())).toMatchObject({
      B2CRecipientIsRegisteredCustomer: 'N',
      ReceiverPartyPublicName: '254799000111 - M-PESA Customer',
    });
    expect(wallet(emulator, '254799000111')).toBe(100);
  });

  it('debits a configured charge from the Charges Paid Account, which goes negative as on Daraja, and conserves money', async () => {
    const { emulator, bearer, last } = await startInitiator({ b2c: { chargeKsh: 15.5 } });
    const conservation = emulator.ledger.conservationCents();
    await send(emulator.app, paths.b2cV3, bearer, b2cBody()).expect(200);
    await send(emulator.app, paths.b2cV3, bearer, b2cBody({ OriginatorConversationID: 'second' })).expect(
      200,
    );
    expect(parameters(await last()).B2CChargesPaidAccountAvailableFunds).toBe(-31);
    expect(account(emulator, '600997', 'Charges Paid Account')).toBe(-31);
    expect(emulator.ledger.conservationCents()).toBe(conservation);
  });
});

describe('B2C v3 duplicate OriginatorConversationID', () => {
  it('rejects a reused id with 500.002.1001 by default and pays only once', async () => {
    const { emulator, bearer, results } = await startInitiator();
    await send(emulator.app, paths.b2cV3, bearer, b2cBody()).expect(200);
    const res = await send(emulator.app, paths.b2cV3, bearer, b2cBody()).expect(500);
    expect(res.body).toEqual({
      requestId: expect.any(String),
      errorCode: '500.002.1001',
      errorMessage: 'Duplicate OriginatorConversationID.',
    });
    expect(await results()).toHaveLength(1);
  });

  it('when configured to accept, answers the first acknowledgement again and never pays twice', async () => {
    const { emulator, bearer, results } = await startInitiator({
      b2c: { duplicateOriginatorConversationId: 'accept' },
    });
    const before = wallet(emulator);
    const first = await send(emulator.app, paths.b2cV3, bearer, b2cBody({ Amount: 100 })).expect(200);
    const again = await send(emulator.app, paths.b2cV3, bearer, b2cBody({ Amount: 100 })).expect(200);
    expect(again.body).toEqual(first.body);
    expect(await results()).toHaveLength(1);
    expect(wallet(emulator)).toBe(before + 100);
  });
});
