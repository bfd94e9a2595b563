import { expect, test } from 'vitest';
import { parseRoute, routeHref } from './use-hash-route';

test('routes name a view and, for transactions, the one whose story is open', () => {
  expect(parseRoute('')).toEqual({ view: 'transactions' });
  expect(parseRoute('#/journal')).toEqual({ view: 'journal' });
  expect(parseRoute('#/faults')).toEqual({ view: 'faults' });
  expect(parseRoute('#/nonsense')).toEqual({ view: 'transactions' });
  expect(parseRoute(routeHref('transactions', 'ws_CO_1/2'))).toEqual({
    view: 'transactions',
    id: 'ws_CO_1/2',
  });
});
