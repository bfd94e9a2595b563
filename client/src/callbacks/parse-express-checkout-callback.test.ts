import { expect, test } from 'vitest';
import { readCapture as capture } from '../test-support/captures.js';
import { CallbackParseError } from './callback-parse-error.js';
import { parseExpressCheckoutCallback } from './parse-express-checkout-callback.js';

test('reads the portal success sample: paid, with the receipt and the amount as a number', () => {
  const parsed = parseExpressCheckoutCallback(
    capture('portal-samples/express-checkout-callback-success.json'),
  );
  expect(parsed).toMatchObject({
    success: true,
    resultCode: '0',
    amount: 71,
    requestId: '404e1aec-19e0-4ce3-973d-bd92e94c8021',
    conversationId: 'AG_20230426_2010434680d9f5a73766',
    receipt: 'RDQ01NFT1Q',
  });
});

test('reads the portal cancellation sample: not paid, 4001, with the payment reference', () => {
  const parsed = parseExpressCheckoutCallback(
    capture('portal-samples/express-checkout-callback-cancelled.json'),
  );
  expect(parsed).toMatchObject({
    success: false,
    resultCode: '4001',
    paymentReference: 'MAndbubry3hi',
    amount: 71,
  });
});

test('refuses a body without a result code or with an amount that is not a number', () => {
  expect(() => parseExpressCheckoutCallback({ requestId: 'x', amount: '1.0' })).toThrow(CallbackParseError);
  expect(() =>
    parseExpressCheckoutCallback({ resultCode: '0', requestId: 'x', amount: 'lots', transactionId: 'R' }),
  ).toThrow(/amount/);
});
