import { expect, test } from 'vitest';
import { readCapture } from '../test-support/captures.js';
import { classifyCallback } from './classify-callback.js';

const none = { c2bValidation: false, c2bConfirmation: false, result: false, timeout: false };

test('tells B2B Express Checkout callbacks, paid and cancelled, from the other callbacks by their camelCase keys', () => {
  for (const sample of [
    'express-checkout-callback-success.json',
    'express-checkout-callback-cancelled.json',
  ]) {
    expect(classifyCallback(readCapture(`portal-samples/${sample}`), '/hooks', none)).toBe('expressCheckout');
  }
  expect(classifyCallback(readCapture('portal-samples/stk-callback-success.json'), '/hooks', none)).toBe(
    'stk',
  );
  expect(() => classifyCallback({ resultCode: '0' }, '/hooks', none)).toThrow(/Express Checkout/);
});
