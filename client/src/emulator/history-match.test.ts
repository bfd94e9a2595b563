import { expect, it } from 'vitest';
import { deliveryMatches, matchesText, transactionMatches } from './history-match.js';
import type { DeliveryView, TransactionView } from './records.js';

it('searches without regard to case, and a blank search matches everything', () => {
  expect(matchesText('ws_co_1', ['WS_CO_123', undefined])).toBe(true);
  expect(matchesText('INV-9', ['INV-1', 'ACC'])).toBe(false);
  expect(matchesText('  ', ['anything'])).toBe(true);
  expect(matchesText(undefined, [])).toBe(true);
});

it('keeps a transaction that passes every exact field and the search', () => {
  const t = {
    id: 'ws_CO_1',
    type: 'stk',
    status: 'completed',
    phone: '254708374149',
    shortcode: '174379',
    accountReference: 'INV-7',
  } as TransactionView;
  expect(transactionMatches(t, { type: 'stk', status: 'completed', q: 'inv-7' })).toBe(true);
  expect(transactionMatches(t, { status: 'failed' })).toBe(false);
  expect(transactionMatches(t, { q: '0708' })).toBe(false);
});

it('finds a B2B or tax payment under either organisation’s shortcode, and an STK payment under its own', () => {
  const b2b = { id: 'AG_1', type: 'b2b', status: 'completed', shortcode: '600984', partyB: '600000' };
  expect(transactionMatches(b2b as TransactionView, { shortcode: '600984' })).toBe(true);
  expect(transactionMatches(b2b as TransactionView, { shortcode: '600000' })).toBe(true);
  expect(transactionMatches({ ...b2b, type: 'stk' } as TransactionView, { shortcode: '600000' })).toBe(false);
});

it('keeps a delivery by transaction, status, kind and a search in its URL', () => {
  const d = {
    id: 'd1',
    transactionId: 'ws_CO_1',
    status: 'delivered',
    kind: 'stk-callback',
    url: 'http://127.0.0.1:3000/stk',
  } as DeliveryView;
  expect(deliveryMatches(d, { transactionId: 'ws_CO_1', kind: 'stk-callback', q: '/STK' })).toBe(true);
  expect(deliveryMatches(d, { status: 'failed' })).toBe(false);
});
