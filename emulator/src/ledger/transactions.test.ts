import { describe, expect, it } from 'vitest';
import type { TransactionView } from 'daraja-client/emulator';
import { MemoryStore } from '../store/memory-store.js';
import { EventBus } from '../events/event-bus.js';
import { Transactions } from './transactions.js';

const tx = (i: number): TransactionView => ({
  id: `ws_CO_${i}`,
  type: 'stk',
  status: 'completed',
  createdAt: i,
  updatedAt: i,
  shortcode: '174379',
  phone: i % 2 ? '254708374149' : '254712345678',
  receipt: `UKS${String(i).padStart(7, '0')}`,
  request: {},
  response: {},
  deliveries: [],
});

describe('transactions', () => {
  it('finds a transaction by id or receipt and lists newest first with filters', () => {
    const t = new Transactions(new MemoryStore(), new EventBus());
    for (let i = 1; i <= 5; i++) t.put(tx(i));
    expect(t.find('UKS0000003')?.id).toBe('ws_CO_3');
    expect(t.list({ phone: '254708374149' }).map((x) => x.id)).toEqual(['ws_CO_5', 'ws_CO_3', 'ws_CO_1']);
    expect(t.list({ limit: 2 }).map((x) => x.id)).toEqual(['ws_CO_5', 'ws_CO_4']);
  });

  it('forgets evicted transactions and keeps its lookup index bounded', () => {
    const t = new Transactions(new MemoryStore(), new EventBus(), 100);
    for (let i = 1; i <= 20_000; i++) t.put(tx(i));
    expect(t.find('UKS0000001')).toBeUndefined();
    expect(t.find('UKS0020000')?.id).toBe('ws_CO_20000');
    expect(t.indexSize).toBeLessThanOrEqual(4_100);
  });

  it('rebuilds its index once stale keys of evicted transactions outnumber the history, and never finds them', () => {
    const t = new Transactions(new MemoryStore(), new EventBus(), 1_000);
    let largest = 0;
    let rebuilt = 0;
    for (let i = 1; i <= 20_000; i++) {
      const before = t.indexSize;
      t.put(tx(i));
      if (t.indexSize < before) rebuilt++;
      largest = Math.max(largest, t.indexSize);
    }
    // One key (the receipt) per transaction: at most twice the history plus 1,000 before a rebuild.
    expect(largest).toBeLessThanOrEqual(3_001);
    expect(rebuilt).toBeGreaterThan(5);
    expect(t.find('UKS0019001')?.id).toBe('ws_CO_19001');
    expect(t.find('UKS0019000')).toBeUndefined();
  });

  it('rebuilds its index rarely when every transaction has several keys, and still never finds evicted ones', () => {
    const t = new Transactions(new MemoryStore(), new EventBus(), 1_000);
    let rebuilt = 0;
    for (let i = 1; i <= 20_000; i++) {
      const before = t.indexSize;
      t.put({ ...tx(i), merchantRequestId: `m-${i}`, conversationId: `AG_${i}` });
      if (t.indexSize < before) rebuilt++;
    }
    // Three keys each: a rebuild on every write would be 19,000 rebuilds; the bound keeps them to a few dozen.
    expect(rebuilt).toBeLessThan(40);
    expect(t.indexSize).toBeLessThanOrEqual(2 * 3_000 + 1_000);
    expect(t.find('AG_19001')?.id).toBe('ws_CO_19001');
    expect(t.find('m-19000')).toBeUndefined();
  });

  it('finds a transaction by a key it gained after later transactions were written', () => {
    const t = new Transactions(new MemoryStore(), new EventBus(), 3);
    const first = { ...tx(1), receipt: undefined, merchantRequestId: 'm-1' };
    t.put(first);
    t.put(tx(2));
    t.put({ ...first, receipt: 'LATE000001' });
    t.put(tx(3));
    expect(t.find('LATE000001')?.id).toBe('ws_CO_1');
    expect(t.find('m-1')?.id).toBe('ws_CO_1');
  });
});
