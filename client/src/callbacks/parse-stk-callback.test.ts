import { describe, expect, it } from 'vitest';
import type { StkCallback, StkCallbackItem } from '../wire/index.js';
import { readCapture } from '../test-support/captures.js';
import { CallbackParseError } from './callback-parse-error.js';
import { parseStkCallback } from './parse-stk-callback.js';

/** Deep-copies an STK capture so a test can alter it. */
const copy = (file: string) => structuredClone(readCapture(file)) as StkCallback;

/** The metadata items of a success callback. */
function itemsOf(body: StkCallback): StkCallbackItem[] {
  const items = body.Body.stkCallback.CallbackMetadata?.Item;
  if (items === undefined) throw new Error('capture has no metadata');
  return items;
}

describe('parseStkCallback', () => {
  it('reads the live sandbox success, where Balance has no Value', () => {
    const result = parseStkCallback(readCapture('sandbox/callbacks/stk-success.json'));
    expect(result).toMatchObject({
      success: true,
      resultCode: 0,
      merchantRequestId: 'ac7b-470b-8df7-23ab3cef38271280493',
      checkoutRequestId: 'ws_CO_REDACTED',
      amount: 1,
      receipt: '<redacted>',
      phone: '<redacted>',
      balance: undefined,
    });
    if (!result.success) throw new Error('expected success');
    expect(result.transactionDate.toISOString()).toBe('2026-10-06T06:52:33.000Z');
  });

  it('reads the portal success sample, which has no Balance item and a numeric phone', () => {
    const result = parseStkCallback(readCapture('portal-samples/stk-callback-success.json'));
    expect(result).toMatchObject({
      success: true,
      amount: 1,
      receipt: 'NLJ7RT61SV',
      phone: '254708374149',
      balance: undefined,
      checkoutRequestId: 'ws_CO_191220191020363925',
    });
    if (!result.success) throw new Error('expected success');
    expect(result.transactionDate.toISOString()).toBe('2019-12-19T07:21:15.000Z');
  });

  it('reads the live sandbox failure (1037) with no metadata', () => {
    const result = parseStkCallback(readCapture('sandbox/callbacks/stk.json'));
    expect(result).toEqual({
      success: false,
      resultCode: 1037,
      resultDesc: 'No response from user.',
      merchantRequestId: 'ac7b-470b-8df7-23ab3cef38271071873',
      checkoutRequestId: 'ws_CO_REDACTED',
      raw: readCapture('sandbox/callbacks/stk.json'),
    });
  });

  it('reads the portal cancellation (1032)', () => {
    const result = parseStkCallback(readCapture('portal-samples/stk-callback-cancelled.json'));
    expect(result).toMatchObject({
      success: false,
      resultCode: 1032,
      resultDesc: 'Request cancelled by user',
    });
  });

  it('keeps an alphanumeric failure code as a string and reads a quoted numeric code as a number', () => {
    const body = copy('sandbox/callbacks/stk.json');
    body.Body.stkCallback.ResultCode = 'E3008' as unknown as number;
    expect(parseStkCallback(body)).toMatchObject({ success: false, resultCode: 'E3008' });
    body.Body.stkCallback.ResultCode = '1032' as unknown as number;
    expect(parseStkCallback(body)).toMatchObject({ success: false, resultCode: 1032 });
  });

  it('reads items by name, not position', () => {
    const body = copy('portal-samples/stk-callback-success.json');
    itemsOf(body).reverse();
    expect(parseStkCallback(body)).toMatchObject({ amount: 1, receipt: 'NLJ7RT61SV', phone: '254708374149' });
  });

  it('reads a Balance when Daraja does send a value', () => {
    const body = copy('sandbox/callbacks/stk-success.json');
    itemsOf(body).splice(2, 1, { Name: 'Balance', Value: 1500.5 });
    expect(parseStkCallback(body)).toMatchObject({ balance: 1500.5 });
  });

  it('copes with an absent PhoneNumber item', () => {
    const body = copy('portal-samples/stk-callback-success.json');
    itemsOf(body).pop();
    expect(parseStkCallback(body)).toMatchObject({ success: true, phone: undefined });
  });

  it('rejects a success without a receipt, naming the item', () => {
    const body = copy('portal-samples/stk-callback-success.json');
    itemsOf(body).splice(1, 1);
    expect(() => parseStkCallback(body)).toThrow(/MpesaReceiptNumber/);
  });

  it('rejects a success with an impossible TransactionDate', () => {
    const body = copy('portal-samples/stk-callback-success.json');
    itemsOf(body).splice(2, 1, { Name: 'TransactionDate', Value: 20191319102115 });
    expect(() => parseStkCallback(body)).toThrow(CallbackParseError);
  });

  it.each([
    ['null', null],
    ['an array', []],
    ['a body without stkCallback', { Body: {} }],
    ['a C2B notification', readCapture('portal-samples/c2b-v2-notification.json')],
    [
      'a missing ResultCode',
      { Body: { stkCallback: { MerchantRequestID: 'm', CheckoutRequestID: 'c', ResultDesc: 'd' } } },
    ],
    [
      'a success without metadata',
      {
        Body: {
          stkCallback: { MerchantRequestID: 'm', CheckoutRequestID: 'c', ResultCode: 0, ResultDesc: 'd' },
        },
      },
    ],
  ])('throws CallbackParseError for %s', (_name, body) => {
    expect(() => parseStkCallback(body)).toThrow(CallbackParseError);
  });

  it('says where the problem is', () => {
    expect(() => parseStkCallback({ Body: { stkCallback: { ResultCode: 0 } } })).toThrow(
      'Invalid Daraja callback: Body.stkCallback.MerchantRequestID must be a string; got nothing (missing)',
    );
  });
});
