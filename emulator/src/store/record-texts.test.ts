import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, expect, test } from 'vitest';
import { FileStore } from './file-store.js';
import { idleTimers, removeTempDirs, tempDataPath } from './store-test-support.js';

interface Payment {
  id: string;
  amount: number;
  note?: string;
}

afterEach(removeTempDirs);

// Every stop folds the log in, so that the data file shows what each snapshot wrote.
const open = (path: string) =>
  FileStore.open({
    path,
    timers: idleTimers,
    onWarning: () => undefined,
    keepLogFromBytes: Number.POSITIVE_INFINITY,
  });

async function storeWith(path: string, count: number): Promise<void> {
  const store = await open(path);
  const payments = store.collection<Payment>('payments', { cap: 50 });
  for (let i = 0; i < count; i++) payments.put({ id: `p${i}`, amount: i, note: `ü ${i}` });
  store.collection('empty');
  store.collection('settings').put({ id: 'only', nested: { list: [1, { deep: true }] } });
  await store.close();
}

const pretty = (path: string) => {
  const text = readFileSync(path, 'utf8');
  return { text, canonical: JSON.stringify(JSON.parse(text), null, 2) };
};

test('after puts, deletes and evictions the data file is still exactly what JSON.stringify writes', async () => {
  const path = tempDataPath();
  await storeWith(path, 40);

  const store = await open(path);
  const payments = store.collection<Payment>('payments', { cap: 50 });
  const changed = payments.get('p20') as Payment;
  changed.amount = 2000;
  payments.put(changed);
  payments.delete('p30');
  for (let i = 40; i < 55; i++) payments.put({ id: `p${i}`, amount: i });
  await store.flush();
  payments.put({ id: 'after-flush', amount: 1 });
  await store.close();

  const { text, canonical } = pretty(path);
  expect(text).toBe(canonical);
  const again = await open(path);
  const kept = again.collection<Payment>('payments', { cap: 50 });
  expect(kept.get('p20')?.amount).toBe(2000);
  expect(kept.get('p30')).toBeUndefined();
  expect(kept.get('p4')).toBeUndefined();
  expect(kept.get('p5')).toEqual({ id: 'p5', amount: 5, note: 'ü 5' });
  expect(kept.get('after-flush')).toEqual({ id: 'after-flush', amount: 1 });
  expect(again.collection('settings').get('only')).toEqual({
    id: 'only',
    nested: { list: [1, { deep: true }] },
  });
  await again.close();
});

test('records that did not change are copied byte for byte from the file being replaced', async () => {
  const path = tempDataPath();
  await storeWith(path, 3);
  // The same values written another way: a snapshot that copies the text keeps it so.
  const original = readFileSync(path, 'utf8');
  writeFileSync(
    path,
    original.replace('"amount": 1,', '"amount": 1.0,').replace('"amount": 2,', '"amount": 2.0,'),
  );

  const store = await open(path);
  const payments = store.collection<Payment>('payments', { cap: 50 });
  payments.put({ ...(payments.get('p2') as Payment) });
  payments.put({ id: 'p3', amount: 3 });
  await store.close();

  const text = readFileSync(path, 'utf8');
  expect(text).toContain('"amount": 1.0,');
  expect(text).not.toContain('"amount": 2.0,');
  expect(text).toContain('"id": "p3"');
});

test('a data file laid out otherwise (compact, by hand) is read and written whole again', async () => {
  const path = tempDataPath();
  await storeWith(path, 5);
  writeFileSync(path, JSON.stringify(JSON.parse(readFileSync(path, 'utf8'))));

  const store = await open(path);
  store.collection<Payment>('payments', { cap: 50 }).put({ id: 'p5', amount: 5 });
  await store.close();

  const { text, canonical } = pretty(path);
  expect(text).toBe(canonical);
  expect(JSON.parse(text).collections.payments).toHaveLength(6);
});

test('a record changed while the places of the last snapshot are still being learnt is written anew', async () => {
  const path = tempDataPath();
  const store = await open(path);
  const payments = store.collection<Payment>('payments');
  // More than one slice of places (a few megabytes), so that most are learnt on later turns of the loop.
  const note = 'x'.repeat(1000);
  for (let i = 0; i < 5000; i++) payments.put({ id: `p${i}`, amount: i, note });
  await store.flush();
  const last = payments.get('p4999') as Payment;
  last.amount = -1;
  payments.put(last);
  await store.close();

  const saved = JSON.parse(readFileSync(path, 'utf8')) as { collections: { payments: Payment[] } };
  expect(saved.collections.payments.at(-1)).toEqual({ id: 'p4999', amount: -1, note });
  expect(saved.collections.payments).toHaveLength(5000);
});
