import { describe, expect, it } from 'vitest';
import { CallbackParseError } from './callback-parse-error.js';
import { parseAccountBalance } from './parse-account-balance.js';

describe('parseAccountBalance', () => {
  it('reads current, available, reserved and uncleared in that order', () => {
    expect(parseAccountBalance('Working Account|KES|346568.83|6186.83|340382.00|0.00')).toEqual([
      {
        name: 'Working Account',
        currency: 'KES',
        current: 346568.83,
        available: 6186.83,
        reserved: 340382,
        uncleared: 0,
      },
    ]);
  });

  it('ignores a trailing separator', () => {
    expect(parseAccountBalance('Utility Account|KES|1.00|1.00|0.00|0.00&')).toHaveLength(1);
  });

  it.each([
    ['too few fields', 'Working Account|KES|1.00|1.00|0.00'],
    ['a non-numeric amount', 'Working Account|KES|1.00|abc|0.00|0.00'],
    ['an empty amount', 'Working Account|KES|1.00||0.00|0.00'],
    ['a Java-map balance', '{Amount={CurrencyCode=KES, MinimumAmount=618683, BasicAmount=6186.83}}'],
  ])('throws CallbackParseError for %s', (_name, value) => {
    expect(() => parseAccountBalance(value)).toThrow(CallbackParseError);
  });
});
