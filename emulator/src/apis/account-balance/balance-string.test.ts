import { describe, expect, it } from 'vitest';
import type { OrgRecord } from '../../ledger/records.js';
import { amountText, balanceString } from './balance-string.js';

const org = (kind: OrgRecord['kind'], accounts: Record<string, number>): OrgRecord => ({
  id: '1',
  shortcode: '600000',
  kind,
  name: 'x',
  accounts,
  initiators: [],
});

describe('balanceString', () => {
  it('lists the five organisation accounts in order, zeros included, then any other account', () => {
    expect(balanceString(org('paybill', { 'Utility Account': 1_234_550, Savings: 1 }))).toBe(
      'Working Account|KES|0.00|0.00|0.00|0.00&Float Account|KES|0.00|0.00|0.00|0.00&Utility Account|KES|12345.50|12345.50|0.00|0.00&Charges Paid Account|KES|0.00|0.00|0.00|0.00&Organization Settlement Account|KES|0.00|0.00|0.00|0.00&Savings|KES|0.01|0.01|0.00|0.00',
    );
  });

  it('starts a till with its Merchant Account', () => {
    expect(balanceString(org('till', {})).split('&')[0]).toBe('Merchant Account|KES|0.00|0.00|0.00|0.00');
  });

  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [-154_000, '-1540.00'],
    [895_926_960, '8959269.60'],
  ])('formats %i cents as %s', (cents, text) => {
    expect(amountText(cents)).toBe(text);
  });
});
