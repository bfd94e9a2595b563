import { expect, test } from 'vitest';
import request from 'supertest';
import type { CustomerView } from 'daraja-client/emulator';
import { MemoryStore } from '../../emulator/src/store/memory-store.js';
import { JOHN } from '../support/initiator.js';
import { stkPayment } from '../support/initiator-payments.js';
import { Emulator } from '../../emulator/src/internals.js';

const phone = (n: number) => `2547990000${String(n).padStart(2, '0')}`;

async function customers(app: Parameters<typeof request>[0]): Promise<string[]> {
  const res = await request(app).get('/_emulator/customers');
  return (res.body as CustomerView[]).map((c) => c.msisdn);
}

test('customers added on the fly for unknown phones are capped, the least recently active forgotten first', async () => {
  const emulator = new Emulator({ clock: 'manual', history: { customers: 3 } });
  for (let n = 1; n <= 3; n++) expect(stkPayment(emulator, 10, '174379', phone(n)).status).toBe('completed');
  // The first walk-in pays again, so the second is now the least recently active. (Another amount: the same
  // payment twice within two minutes would end as Rule limited.)
  expect(stkPayment(emulator, 12, '174379', phone(1)).status).toBe('completed');
  stkPayment(emulator, 10, '174379', phone(4));

  const known = await customers(emulator.app);
  expect(known).toEqual(expect.arrayContaining([phone(1), phone(3), phone(4), JOHN]));
  expect(known).not.toContain(phone(2));
  expect(emulator.ledger.walkInCount).toBe(3);
  expect(emulator.ledger.conservationCents()).toBe(0);
});

test('configured customers and those added through the control API are never dropped by the cap', async () => {
  const emulator = new Emulator({ clock: 'manual', history: { customers: 1 } });
  const added = await request(emulator.app)
    .post('/_emulator/customers')
    .send({ msisdn: '254711000222', name: 'Wanjiru Kamau', pin: '2468', balance: 900 });
  expect(added.status).toBeLessThan(300);
  for (let n = 1; n <= 4; n++) stkPayment(emulator, 10, '174379', phone(n));

  const known = await customers(emulator.app);
  expect(known).toEqual(expect.arrayContaining([JOHN, '254711000222', phone(4)]));
  expect(known.filter((m) => m.startsWith('2547990000'))).toEqual([phone(4)]);
  expect(emulator.ledger.conservationCents()).toBe(0);
});

test('a walk-in customer who is configured later stops counting as one', async () => {
  const emulator = new Emulator({ clock: 'manual', history: { customers: 1 } });
  stkPayment(emulator, 10, '174379', phone(1));
  await request(emulator.app)
    .post('/_emulator/customers')
    .send({ msisdn: phone(1), name: 'Now Known', pin: '1234', balance: 50 });
  stkPayment(emulator, 10, '174379', phone(2));
  stkPayment(emulator, 10, '174379', phone(3));

  const known = await customers(emulator.app);
  expect(known).toEqual(expect.arrayContaining([phone(1), phone(3)]));
  expect(known).not.toContain(phone(2));
});

test('a restarted emulator keeps counting the walk-in customers it had', () => {
  const store = new MemoryStore();
  const first = new Emulator({ clock: 'manual', store, history: { customers: 2 } });
  stkPayment(first, 10, '174379', phone(1));
  stkPayment(first, 10, '174379', phone(2));
  const again = new Emulator({ clock: 'manual', store, history: { customers: 2 } });
  expect(again.ledger.walkInCount).toBe(2);
  stkPayment(again, 10, '174379', phone(3));
  expect(again.ledger.customer(phone(1))).toBeUndefined();
  expect(again.ledger.customer(phone(3))).toBeDefined();
});
