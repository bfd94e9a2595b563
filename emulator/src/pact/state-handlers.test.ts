import { describe, expect, it } from 'vitest';
import { resolveState } from './state-handlers.js';

describe('resolveState', () => {
  it.each<[string, Record<string, unknown>, string, Record<string, unknown>]>([
    [
      'customer {msisdn} has balance {amount}',
      { msisdn: '254711000222', amount: 1500 },
      'customer {msisdn} has balance {amount}',
      { msisdn: '254711000222', amount: 1500 },
    ],
    [
      'customer 254711000222 has Ksh 1,500',
      {},
      'customer {msisdn} has Ksh {amount}',
      { msisdn: '254711000222', amount: '1,500' },
    ],
    [
      '  Customer   254711000222 HAS balance 20 ',
      {},
      'customer {msisdn} has balance {amount}',
      { msisdn: '254711000222', amount: '20' },
    ],
    [
      'shortcode 600000 has 1000 in its Working Account',
      {},
      'shortcode {shortcode} has {amount} in its {account}',
      { shortcode: '600000', amount: '1000', account: 'Working Account' },
    ],
    [
      'app "my key" exists with secret s3cret',
      {},
      'app {consumerKey} exists with secret {consumerSecret}',
      { consumerKey: 'my key', consumerSecret: 's3cret' },
    ],
    [
      'an STK push ws_CO_1 is pending for 254711000222',
      { shortcode: '555123' },
      'an STK push {CheckoutRequestID} is pending for {msisdn}',
      { CheckoutRequestID: 'ws_CO_1', msisdn: '254711000222', shortcode: '555123' },
    ],
    [
      'an STK push is pending for 254711000222',
      {},
      'an STK push is pending for {msisdn}',
      { msisdn: '254711000222' },
    ],
    [
      'customer 254711000222 has balance 20',
      { amount: 50 },
      'customer {msisdn} has balance {amount}',
      { msisdn: '254711000222', amount: 50 },
    ],
  ])('reads "%s" (params %j) as %s', (description, params, template, values) => {
    const resolved = resolveState(description, params);
    expect(resolved?.definition.template.text).toBe(template);
    expect(resolved?.params).toEqual(values);
  });

  it.each(['the shop is open', 'customer has balance', 'an STK push was paid'])(
    'does not understand "%s"',
    (description) => {
      expect(resolveState(description)).toBeUndefined();
    },
  );
});
