import { appendFileSync, readFileSync } from 'node:fs';
import { afterEach, expect, test } from 'vitest';
import { FileStore } from './file-store.js';
import { recordPatch } from './record-patch.js';
import { StoreOpenError } from './store.js';
import { idleTimers, logLines, removeTempDirs, simulateCrash, tempDataPath } from './store-test-support.js';

interface Payment {
  id: string;
  status: string;
  amount: number;
  request: { Amount: number; PhoneNumber: string };
  receipt?: string;
}

const open = (path: string) => FileStore.open({ path, timers: idleTimers, onWarning: () => undefined });

afterEach(removeTempDirs);

const pending: Payment = {
  id: 'p1',
  status: 'pending',
  amount: 10,
  request: { Amount: 10, PhoneNumber: '254708374149' },
};

test('a patch holds the fields that changed and the ones added, in the record’s order', () => {
  const done = { ...pending, status: 'completed', receipt: 'TKO1234567' };
  expect(recordPatch(pending, done)).toEqual({ status: 'completed', receipt: 'TKO1234567' });
  expect(Object.keys(recordPatch(pending, done) ?? {})).toEqual(['status', 'receipt']);
  expect(recordPatch(pending, { ...pending })).toEqual({});
});

test('a record that cannot be rebuilt exactly from a patch is logged whole', () => {
  const { amount: _amount, ...dropped } = pending;
  const reordered = { status: 'pending', id: 'p1', amount: 10, request: pending.request };
  expect(recordPatch(pending, pending)).toBeUndefined();
  expect(recordPatch(pending, dropped as Payment)).toBeUndefined();
  expect(recordPatch(pending, reordered)).toBeUndefined();
  expect(recordPatch(pending, { ...pending, receipt: undefined })).toBeUndefined();
  expect(recordPatch({ ...pending, receipt: undefined }, { ...pending, receipt: 'X' })).toBeUndefined();
});

test('a record put again is logged as what changed, and a restart gives back the same record, key order included', async () => {
  const path = tempDataPath();
  const store = await open(path);
  const payments = store.collection<Payment>('payments');
  payments.put(pending);
  const done = { ...pending, status: 'completed', receipt: 'TKO1234567' };
  payments.put(done);
  const [, second] = logLines(path).map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(second).toEqual({
    s: 2,
    op: 'patch',
    c: 'payments',
    id: 'p1',
    v: { status: 'completed', receipt: 'TKO1234567' },
  });
  simulateCrash(path);

  const again = await open(path);
  const restored = again.collection<Payment>('payments').get('p1');
  expect(JSON.stringify(restored)).toBe(JSON.stringify(done));
  await again.close();
});

test('a record changed in place and put again as the same object is logged whole', async () => {
  const path = tempDataPath();
  const store = await open(path);
  const payments = store.collection<Payment>('payments');
  const payment = { ...pending };
  payments.put(payment);
  payment.status = 'failed';
  payments.put(payment);
  expect(JSON.parse(logLines(path).at(-1) ?? '{}')).toMatchObject({ op: 'put', v: { status: 'failed' } });
  simulateCrash(path);

  const again = await open(path);
  expect(again.collection<Payment>('payments').get('p1')?.status).toBe('failed');
  await again.close();
});

test('the changed secret of a record is sealed in its patch, and read back in clear', async () => {
  const path = tempDataPath();
  const store = await open(path);
  const shortcodes = store.collection<{ id: string; passkey: string; name: string }>('shortcodes', {
    secretFields: ['passkey'],
  });
  const org = { id: '174379', passkey: 'first-passkey', name: 'SANDBOX' };
  shortcodes.put(org);
  shortcodes.put({ ...org, passkey: 'second-passkey' });
  expect(JSON.parse(logLines(path).at(-1) ?? '{}')).toMatchObject({ op: 'patch' });
  expect(readFileSync(`${path}.log`, 'utf8')).not.toContain('second-passkey');
  simulateCrash(path);

  const again = await open(path);
  const reopened = again.collection<{ id: string; passkey: string }>('shortcodes', {
    secretFields: ['passkey'],
  });
  expect(reopened.get('174379')?.passkey).toBe('second-passkey');
  await again.close();
});

test('a patch of a record that no earlier write holds is refused as missing writes, and nothing is changed', async () => {
  const path = tempDataPath();
  const store = await open(path);
  store.collection<Payment>('payments').put(pending);
  await store.flush();
  appendFileSync(`${path}.log`, '{"s":99,"op":"patch","c":"payments","id":"ghost","v":{"status":"x"}}\n');
  simulateCrash(path);
  const before = readFileSync(`${path}.log`);

  const error = await open(path).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(StoreOpenError);
  expect((error as Error).message).toContain('record "ghost" of "payments"');
  expect(readFileSync(`${path}.log`).equals(before)).toBe(true);
});
