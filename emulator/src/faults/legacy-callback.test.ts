import { describe, expect, it } from 'vitest';
import { legacyStkCallback } from './legacy-callback.js';

const callback = (ResultCode: number, ResultDesc: string) => ({
  Body: { stkCallback: { MerchantRequestID: 'm', CheckoutRequestID: 'c', ResultCode, ResultDesc } },
});

describe('legacyStkCallback', () => {
  it('prefixes failure descriptions with [STK_CB - ]', () => {
    expect(legacyStkCallback(callback(1032, 'Request cancelled by user'))).toEqual(
      callback(1032, '[STK_CB - ]Request cancelled by user'),
    );
  });

  it('leaves successes and already-prefixed texts as they are', () => {
    expect(legacyStkCallback(callback(0, 'The service request is processed successfully.'))).toEqual(
      callback(0, 'The service request is processed successfully.'),
    );
    expect(legacyStkCallback(callback(1, '[STK_CB - ]x'))).toEqual(callback(1, '[STK_CB - ]x'));
  });

  it('refuses bodies that are not STK callbacks', () => {
    expect(legacyStkCallback({ Result: {} })).toBeUndefined();
    expect(legacyStkCallback('text')).toBeUndefined();
  });
});
