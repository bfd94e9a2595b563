import { describe, expect, it } from 'vitest';
import { IdFactory, receiptPrefix } from './ids.js';
import { seededRandom } from './random.js';

describe('identifiers', () => {
  it.each([
    [Date.UTC(2019, 11, 19, 7), 'NLJ'],
    [Date.UTC(2024, 6, 6, 10), 'SG6'],
    [Date.UTC(2025, 0, 17, 10), 'TAH'],
    [Date.UTC(2017, 6, 27, 10), 'LGR'],
    [Date.UTC(2022, 10, 10, 10), 'QKA'],
  ])('derives receipt letters from the EAT date (%s → %s)', (at, prefix) => {
    expect(receiptPrefix(at)).toBe(prefix);
  });

  it('makes 10-character receipts and placeholder receipts', () => {
    const ids = new IdFactory(seededRandom(1));
    const at = Date.UTC(2026, 9, 6, 7);
    expect(ids.receipt(at)).toMatch(/^UJ6[A-Z0-9]{7}$/);
    expect(ids.placeholderReceipt(at)).toBe('UJ60000000');
  });

  it('makes ConversationIDs as AG_ + date + 20 hex characters', () => {
    const ids = new IdFactory(seededRandom(1));
    expect(ids.conversationId(Date.UTC(2024, 6, 6, 10))).toMatch(/^AG_20240706_[0-9a-f]{20}$/);
  });

  it('makes request ids in the current and the legacy formats', () => {
    const ids = new IdFactory(seededRandom(1));
    expect(ids.requestId()).toMatch(/^[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\d{7}$/);
    ids.style = 'legacy';
    expect(ids.requestId()).toMatch(/^\d{4,5}-\d{7,8}-\d$/);
  });

  it('builds CheckoutRequestIDs from the EAT time, milliseconds and the national number', () => {
    const ids = new IdFactory(seededRandom(1));
    expect(ids.checkoutRequestId(Date.UTC(2022, 11, 15, 21, 17, 7, 470), '254708374149')).toBe(
      'ws_CO_16122022001707470708374149',
    );
  });

  it('repeats exactly with the same seed and differs with another', () => {
    const a = new IdFactory(seededRandom('s'));
    const b = new IdFactory(seededRandom('s'));
    const c = new IdFactory(seededRandom('t'));
    const seq = (f: IdFactory) => [f.accessToken(), f.requestId(), f.receipt(0)];
    const first = seq(a);
    expect(seq(b)).toEqual(first);
    expect(seq(c)).not.toEqual(first);
    expect(first[0]).toMatch(/^[A-Za-z0-9]{28}$/);
  });

  it('never repeats a receipt, even from a random source stuck on one value', () => {
    const ids = new IdFactory({ next: () => 0, bytes: (n) => new Uint8Array(n) });
    const at = Date.UTC(2026, 9, 6, 7);
    const seen = new Set(Array.from({ length: 50_000 }, () => ids.receipt(at)));
    expect(seen.size).toBe(50_000);
    for (const receipt of [...seen].slice(0, 3)) expect(receipt).toMatch(/^UJ6[A-Z0-9]{7}$/);
  });

  it('moves a second CheckoutRequestID for one phone at one instant to the next free millisecond', () => {
    const ids = new IdFactory(seededRandom(1));
    const at = Date.UTC(2022, 11, 15, 21, 17, 7, 470);
    expect(ids.checkoutRequestId(at, '254708374149')).toBe('ws_CO_16122022001707470708374149');
    expect(ids.checkoutRequestId(at, '254708374149')).toBe('ws_CO_16122022001707471708374149');
    expect(ids.checkoutRequestId(at, '254712345678')).toBe('ws_CO_16122022001707470712345678');
  });
});
