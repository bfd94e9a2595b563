import { describe, expect, it } from 'vitest';
import { ksh } from './sms-text.js';

const intl = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

describe('ksh', () => {
  it('writes amounts as en-US does, with two decimals and commas between thousands', () => {
    const amounts = [0, -0, 1, 12, 999, 1_000, 10_000, 123_456, 1_234_567, 2 ** 53 - 1, 2 ** 53, -1, -1_234];
    const fractions = [0.5, 0.29, 1.005, 1234.567, -0.004, 1e21, Number.NaN, Number.POSITIVE_INFINITY];
    for (const amount of [...amounts, ...fractions]) expect(ksh(amount)).toBe(`Ksh${intl.format(amount)}`);
  });

  it('groups the digits of whole amounts of every length the same way', () => {
    for (let digits = 1; digits <= 16; digits++) {
      const amount = Number('9'.repeat(digits)) - (digits > 1 ? 10 ** (digits - 2) : 0);
      expect(ksh(amount)).toBe(`Ksh${intl.format(amount)}`);
    }
  });
});
