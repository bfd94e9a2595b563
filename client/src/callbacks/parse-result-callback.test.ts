import { describe, expect, it } from 'vitest';
import { readCapture } from '../test-support/captures.js';
import { CallbackParseError } from './callback-parse-error.js';
import { parseResultCallback } from './parse-result-callback.js';

const INTERNAL_B2C_URL = 'https://internalsandbox.safaricom.co.ke/mpesa/b2cresults/v1/submit';

describe('parseResultCallback', () => {
  it('reads the B2C success sample with every parameter flattened', () => {
    const result = parseResultCallback(readCapture('portal-samples/b2c-result-success.json'));
    expect(result).toMatchObject({
      success: true,
      resultType: 0,
      resultCode: 0,
      resultDesc: 'The service request is processed successfully.',
      originatorConversationId: '53e3-4aa8-9fe0-8fb5e4092cdd3533373',
      conversationId: 'AG_20240706_2010364430d9bbdaf872',
      transactionId: 'SG632NMUAB',
      references: { QueueTimeoutURL: INTERNAL_B2C_URL },
    });
    expect(result.parameters).toEqual({
      TransactionAmount: 10,
      TransactionReceipt: 'SG632NMUAB',
      ReceiverPartyPublicName: '254705912645 - NICHOLAS JOHN SONGOK',
      TransactionCompletedDateTime: '06.07.2024 22:48:52',
      B2CUtilityAccountAvailableFunds: 8959269.6,
      B2CWorkingAccountAvailableFunds: 1199371,
      B2CRecipientIsRegisteredCustomer: 'Y',
      B2CChargesPaidAccountAvailableFunds: -1980,
    });
  });

  it('reads the live B2C failure with no parameters and a single-object ReferenceItem', () => {
    const result = parseResultCallback(readCapture('sandbox/callbacks/b2c-result-locked.json'));
    expect(result).toMatchObject({
      success: false,
      resultCode: 8006,
      resultDesc: 'The security credential is locked.',
      parameters: {},
      references: { QueueTimeoutURL: INTERNAL_B2C_URL },
    });
  });

  it('reads a single-object ResultParameter (live B2Pochi result)', () => {
    const result = parseResultCallback(readCapture('sandbox/callbacks/b2c-pochi-result.json'));
    expect(result.parameters).toEqual({ CreditPartyName: '<redacted>' });
    expect(result.references).toEqual({ QueueTimeoutURL: 'https://example.com/b2c/timeout' });
  });

  it('maps a key without Value to undefined (live balance failure)', () => {
    const result = parseResultCallback(readCapture('sandbox/callbacks/balance-result-locked.json'));
    expect(result.parameters).toEqual({
      ActionType: 'AccountBalance',
      ErrorMsg: 'API Password is locked. ',
      BOCompletedTime: 20261006093245,
    });
    expect(result.references).toHaveProperty('QueueTimeoutURL', undefined);
  });

  it('preserves a string ResultCode next to a numeric ResultType (live reversal failure)', () => {
    const result = parseResultCallback(readCapture('sandbox/callbacks/reversal-result-invalid.json'));
    expect(result).toMatchObject({ success: false, resultType: 0, resultCode: 'R000002' });
  });

  it('preserves string codes from the balance sample and still sees success', () => {
    const result = parseResultCallback(readCapture('portal-samples/balance-result.json'));
    expect(result).toMatchObject({ success: true, resultType: '0', resultCode: '0' });
  });

  it('reads the live transaction-status not-found result with a valueless Occasion', () => {
    const result = parseResultCallback(readCapture('sandbox/callbacks/status-result-not-found.json'));
    expect(result).toMatchObject({ resultCode: 2032, parameters: {} });
    expect(result.references).toHaveProperty('Occasion', undefined);
  });

  it('reads a ReferenceItem array with a number turned from a digit string (live B2B result)', () => {
    const result = parseResultCallback(readCapture('sandbox/callbacks/b2b-paybill-result-locked.json'));
    expect(result.references).toEqual({
      BillReferenceNumber: 353353,
      QueueTimeoutURL: 'https://internalsandbox.safaricom.co.ke/mpesa/b2bresults/v1/submit',
      Occassion: undefined,
    });
  });

  it.each([
    'sandbox/callbacks/b2b-buygoods-result-locked.json',
    'sandbox/callbacks/b2b-tax-result-locked.json',
    'portal-samples/b2b-paybill-result-success.json',
    'portal-samples/b2b-paybill-result-failure.json',
    'portal-samples/b2b-buygoods-result-failure.json',
    'portal-samples/b2b-topup-result-success.json',
    'portal-samples/b2b-topup-result-failure.json',
    'portal-samples/tax-result-success.json',
    'portal-samples/tax-result-failure.json',
    'portal-samples/pochi-result-failure.json',
    'portal-samples/reversal-result-failure.json',
    'portal-samples/reversal-result-success.json',
  ])('parses %s', (file) => {
    const result = parseResultCallback(readCapture(file));
    expect(typeof result.resultDesc).toBe('string');
    expect(result.raw).toEqual(readCapture(file));
  });

  it('rejects the partial status sample, which lacks ResultCode, with a message naming it', () => {
    expect(() => parseResultCallback(readCapture('portal-samples/status-result-partial.json'))).toThrow(
      'Invalid Daraja callback: Result.ResultCode must be a number or a string code; got nothing (missing)',
    );
  });

  it.each([
    ['an STK callback', readCapture('sandbox/callbacks/stk.json')],
    ['a string', 'Result'],
    ['a Result that is an array', { Result: [] }],
    [
      'a parameter whose Value is an object',
      {
        Result: {
          ...(readCapture('sandbox/callbacks/b2c-result-locked.json') as { Result: object }).Result,
          ResultParameters: { ResultParameter: { Key: 'X', Value: { nested: true } } },
        },
      },
    ],
    [
      'a parameter without a Key',
      {
        Result: {
          ...(readCapture('sandbox/callbacks/b2c-result-locked.json') as { Result: object }).Result,
          ResultParameters: { ResultParameter: [{ Value: 1 }] },
        },
      },
    ],
  ])('throws CallbackParseError for %s', (_name, body) => {
    expect(() => parseResultCallback(body)).toThrow(CallbackParseError);
  });
});
