import { expect, test } from 'vitest';
import { EventBus } from '../events/event-bus.js';
import { IdFactory } from '../ids/ids.js';
import { seededRandom } from '../ids/random.js';
import { MemoryStore } from '../store/memory-store.js';
import { ManualClock } from '../time/clock.js';
import { Ledger } from './ledger.js';
import { addCustomer, addShortcode } from './seed.js';

function ledger(): Ledger {
  const l = new Ledger(new MemoryStore(), new EventBus(), new ManualClock(), new IdFactory(seededRandom(1)));
  addShortcode(l, { shortcode: '174379', kind: 'paybill', name: 'Shop', balances: {} });
  for (const msisdn of ['254700000001', '254700000002']) {
    addCustomer(l, { msisdn, name: 'Customer', pin: '1234', balance: 100 });
  }
  return l;
}

const pay = (l: Ledger, msisdn: string) =>
  l.transfer({
    from: { type: 'customer', msisdn },
    to: { type: 'org', shortcode: '174379', account: 'Utility Account' },
    amountCents: 100,
    reason: 'payment',
  });

test('movements to the same organisation account share one party, equal to what each payment named', () => {
  const l = ledger();
  const first = pay(l, '254700000001');
  const second = pay(l, '254700000002');
  if (!first.ok || !second.ok) throw new Error('the payments were refused');

  expect(first.movement.to).toEqual({ type: 'org', shortcode: '174379', account: 'Utility Account' });
  expect(second.movement.to).toBe(first.movement.to);
  expect(second.movement.from).toEqual({ type: 'customer', msisdn: '254700000002' });
  expect(second.movement.from).not.toBe(first.movement.from);
  expect(l.balanceCents(first.movement.to)).toBe(200);
  expect(l.conservationCents()).toBe(0);
});

test('the world is one party too, and accounts of one organisation stay apart', () => {
  const l = ledger();
  const opening = [...l.movements.values()].filter((m) => m.from.type === 'world');
  expect(opening.length).toBeGreaterThan(1);
  expect(new Set(opening.map((m) => m.from)).size).toBe(1);

  const utility = pay(l, '254700000001');
  const working = l.transfer({
    from: { type: 'customer', msisdn: '254700000001' },
    to: { type: 'org', shortcode: '174379', account: 'Working Account' },
    amountCents: 100,
    reason: 'payment',
  });
  if (!utility.ok || !working.ok) throw new Error('the payments were refused');
  expect(working.movement.to).not.toBe(utility.movement.to);
  expect(working.movement.to).toEqual({ type: 'org', shortcode: '174379', account: 'Working Account' });
});
