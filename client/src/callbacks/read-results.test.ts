import { describe, expect, it } from 'vitest';
import { readCapture } from '../test-support/captures.js';
import { CallbackParseError } from './callback-parse-error.js';
import { parseResultCallback } from './parse-result-callback.js';
import { readAccountBalanceResult } from './read-account-balance-result.js';
import { readB2CResult } from './read-b2c-result.js';
import { readReversalResult } from './read-reversal-result.js';
import { readTransactionStatusResult } from './read-transaction-status-result.js';

const parse = (file: string) => parseResultCallback(readCapture(file));

describe('readB2CResult', () => {
  it('reads the B2C success sample into typed values', () => {
    const details = readB2CResult(parse('portal-samples/b2c-result-success.json'));
    expect(details).toEqual({
      amount: 10,
      receipt: 'SG632NMUAB',
      receiverName: '254705912645 - NICHOLAS JOHN SONGOK',
      completedAt: new Date('2024-07-06T19:48:52.000Z'),
      recipientIsRegistered: true,
      utilityAccountBalance: 8959269.6,
      workingAccountBalance: 1199371,
      chargesPaidAccountBalance: -1980,
    });
  });

  it('reads the same values whatever the parameter order (the 2017 order here)', () => {
    const body = structuredClone(readCapture('portal-samples/b2c-result-success.json')) as {
      Result: { ResultParameters: { ResultParameter: Array<{ Key: string }> } };
    };
    body.Result.ResultParameters.ResultParameter.reverse();
    expect(readB2CResult(parseResultCallback(body))).toEqual(
      readB2CResult(parse('portal-samples/b2c-result-success.json')),
    );
  });

  it('gives undefined fields for the live failure that carries no parameters', () => {
    const details = readB2CResult(parse('sandbox/callbacks/b2c-result-locked.json'));
    expect(Object.values(details).every((value) => value === undefined)).toBe(true);
  });

  it('refuses a completion time in the wrong format', () => {
    const result = parse('portal-samples/b2c-result-success.json');
    result.parameters['TransactionCompletedDateTime'] = '2024-07-06 22:48:52';
    expect(() => readB2CResult(result)).toThrow(CallbackParseError);
  });
});

describe('readTransactionStatusResult', () => {
  it('reads the partial portal sample once its missing header is supplied, with a string amount', () => {
    const sample = readCapture('portal-samples/status-result-partial.json') as { Result: object };
    const result = parseResultCallback({
      Result: {
        ...sample.Result,
        ResultCode: 0,
        ResultDesc: 'The service request is processed successfully.',
      },
    });
    expect(readTransactionStatusResult(result)).toEqual({
      receiptNo: 'MBN31H462N',
      amount: 300,
      status: 'Completed',
      reasonType: 'Business Payment to Customer via API',
      debitPartyName: undefined,
      creditPartyName: undefined,
      debitAccountType: 'Utility Account',
      initiatedAt: undefined,
      finalisedAt: new Date('2018-02-23T02:41:12.000Z'),
      conversationId: 'AG_20180223_000041b09c22e613d6c9',
      originatorConversationId: undefined,
      occasion: undefined,
    });
  });

  it('reads numeric times and the echoed Occasion of a production-shaped result', () => {
    const result = parseResultCallback({
      Result: {
        ResultType: 0,
        ResultCode: 0,
        ResultDesc: 'The service request is processed successfully.',
        OriginatorConversationID: '21dc-4436-8408-ee2f032ee36b9257921',
        ConversationID: 'AG_20250117_20305b55146d275e7daf',
        TransactionID: 'TAH0000000',
        ResultParameters: {
          ResultParameter: [
            { Key: 'DebitPartyName', Value: '0790422909 - Dennis  ngari mwangi' },
            { Key: 'CreditPartyName', Value: '4149503 -  TECH TUTOR ENTERPRISE' },
            { Key: 'OriginatorConversationID', Value: '6b16-43f4-a9f6-8e81ad29eeab2987739' },
            { Key: 'InitiatedTime', Value: 20250117170614 },
            { Key: 'CreditPartyCharges' },
            { Key: 'TransactionStatus', Value: 'Completed' },
            { Key: 'FinalisedTime', Value: 20250117170614 },
            { Key: 'Amount', Value: 1.0 },
            { Key: 'ReceiptNo', Value: 'TAH5J2K991' },
          ],
        },
        ReferenceData: { ReferenceItem: { Key: 'Occasion', Value: 'Query' } },
      },
    });
    expect(readTransactionStatusResult(result)).toMatchObject({
      receiptNo: 'TAH5J2K991',
      amount: 1,
      initiatedAt: new Date('2025-01-17T14:06:14.000Z'),
      creditPartyName: '4149503 -  TECH TUTOR ENTERPRISE',
      originatorConversationId: '6b16-43f4-a9f6-8e81ad29eeab2987739',
      occasion: 'Query',
    });
  });

  it('gives undefined fields for the live not-found result', () => {
    const details = readTransactionStatusResult(parse('sandbox/callbacks/status-result-not-found.json'));
    expect(details.receiptNo).toBeUndefined();
    expect(details.occasion).toBeUndefined();
  });
});

describe('readAccountBalanceResult', () => {
  it('splits the AccountBalance string of the portal sample into accounts', () => {
    const details = readAccountBalanceResult(parse('portal-samples/balance-result.json'));
    expect(details.completedAt).toEqual(new Date('2020-01-09T09:57:10.000Z'));
    expect(details.errorMessage).toBeUndefined();
    expect(details.accounts).toEqual([
      {
        name: 'Working Account',
        currency: 'KES',
        current: 700000,
        available: 700000,
        reserved: 0,
        uncleared: 0,
      },
      { name: 'Float Account', currency: 'KES', current: 0, available: 0, reserved: 0, uncleared: 0 },
      {
        name: 'Utility Account',
        currency: 'KES',
        current: 228037,
        available: 228037,
        reserved: 0,
        uncleared: 0,
      },
      {
        name: 'Charges Paid Account',
        currency: 'KES',
        current: -1540,
        available: -1540,
        reserved: 0,
        uncleared: 0,
      },
      {
        name: 'Organization Settlement Account',
        currency: 'KES',
        current: 0,
        available: 0,
        reserved: 0,
        uncleared: 0,
      },
    ]);
  });

  it('reads the live locked failure: no accounts, the error message and a numeric completion time', () => {
    expect(readAccountBalanceResult(parse('sandbox/callbacks/balance-result-locked.json'))).toEqual({
      accounts: [],
      completedAt: new Date('2026-10-06T06:32:45.000Z'),
      errorMessage: 'API Password is locked. ',
    });
  });
});

describe('readReversalResult', () => {
  it('reads the reversal success sample', () => {
    expect(readReversalResult(parse('portal-samples/reversal-result-success.json'))).toEqual({
      originalTransactionId: 'SKC82PACB8',
      amount: 1,
      charge: 0,
      completedAt: new Date('2021-11-14T10:27:11.000Z'),
      creditPartyName: '254705912645 - NICHOLAS JOHN SONGOK',
      debitPartyName: '600992 - Safaricom Daraja 992',
      debitAccountBalance: [
        {
          name: 'Utility Account',
          currency: 'KES',
          current: 7722179.62,
          available: 7722179.62,
          reserved: 0,
          uncleared: 0,
        },
      ],
    });
  });

  it('gives empty details for the live invalid-original failure', () => {
    const details = readReversalResult(parse('sandbox/callbacks/reversal-result-invalid.json'));
    expect(details.originalTransactionId).toBeUndefined();
    expect(details.debitAccountBalance).toEqual([]);
  });
});
