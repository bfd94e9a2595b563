import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { afterEach, expect, test, vi } from 'vitest';
import { FileStore } from './file-store.js';
import type { FileStoreOptions } from './file-store-options.js';
import {
  idleTimers,
  logLines,
  ManualTimers,
  removeTempDirs,
  simulateCrash,
  STORE_WAIT,
  tempDataPath,
} from './store-test-support.js';

interface Payment {
  id: string;
  note: string;
}

/** Data files of a few kilobytes count as large here, so that the rule is tested without megabytes. */
const open = (path: string, options: Partial<FileStoreOptions> = {}) =>
  FileStore.open({
    path,
    timers: idleTimers,
    onWarning: () => undefined,
    keepLogFromBytes: 4096,
    ...options,
  });

const ids = (records: Iterable<{ id: string }>) => [...records].map((r) => r.id);
const note = 'n'.repeat(100);

/** A data file of about 11 KB holding p0…p99, with no log beside it. */
async function largeDataFile(path: string): Promise<string> {
  const store = await open(path);
  const payments = store.collection<Payment>('payments');
  for (let i = 0; i < 100; i++) payments.put({ id: `p${i}`, note });
  await store.close();
  expect(existsSync(`${path}.log`)).toBe(false);
  return readFileSync(path, 'utf8');
}

afterEach(removeTempDirs);

test('a stop leaves a small log beside a large data file instead of rewriting it, and a start replays that log', async () => {
  const path = tempDataPath();
  const saved = await largeDataFile(path);

  const store = await open(path);
  store.collection<Payment>('payments').put({ id: 'q1', note: 'one' });
  store.collection<Payment>('payments').delete('p0');
  await store.close();
  expect(readFileSync(path, 'utf8')).toBe(saved);
  expect(logLines(path)).toHaveLength(2);

  const again = await open(path);
  const payments = again.collection<Payment>('payments');
  expect(ids(payments.values())).toEqual([...ids(JSON.parse(saved).collections.payments).slice(1), 'q1']);
  expect(readFileSync(path, 'utf8')).toBe(saved);
  payments.put({ id: 'q2', note: 'two' });
  expect(logLines(path)).toHaveLength(3);
  await again.close();

  const third = await open(path);
  expect(ids(third.collection('payments').values()).slice(-2)).toEqual(['q1', 'q2']);
  await third.close();
});

test('a stop folds a log that has grown past a quarter of the data file', async () => {
  const path = tempDataPath();
  await largeDataFile(path);

  const store = await open(path);
  const payments = store.collection<Payment>('payments');
  for (let i = 0; i < 30; i++) payments.put({ id: `q${i}`, note });
  await store.close();
  expect(existsSync(`${path}.log`)).toBe(false);
  const saved = JSON.parse(readFileSync(path, 'utf8')) as { collections: { payments: Payment[] } };
  expect(saved.collections.payments).toHaveLength(130);
});

test('a stop folds the log into a data file smaller than keepLogFromBytes', async () => {
  const path = tempDataPath();
  await largeDataFile(path);

  const store = await open(path, { keepLogFromBytes: 1_000_000 });
  store.collection<Payment>('payments').put({ id: 'q1', note: 'one' });
  await store.close();
  expect(existsSync(`${path}.log`)).toBe(false);
  expect(readFileSync(path, 'utf8')).toContain('"q1"');
});

test('the lines of a kept log count toward the next snapshot, which folds them all', async () => {
  const path = tempDataPath();
  await largeDataFile(path);
  const store = await open(path);
  store.collection<Payment>('payments').put({ id: 'q1', note });
  store.collection<Payment>('payments').put({ id: 'q2', note });
  await store.close();
  expect(logLines(path)).toHaveLength(2);

  const timers = new ManualTimers();
  const again = await open(path, { timers, snapshotEveryWrites: 3 });
  again.collection<Payment>('payments').put({ id: 'q3', note });
  await vi.waitFor(() => expect(existsSync(`${path}.log.1`)).toBe(false), STORE_WAIT);
  await vi.waitFor(() => expect(logLines(path)).toEqual([]), STORE_WAIT);
  const saved = JSON.parse(readFileSync(path, 'utf8')) as { collections: { payments: Payment[] } };
  expect(ids(saved.collections.payments).slice(-3)).toEqual(['q1', 'q2', 'q3']);
  await again.close();
});

test('writes after a kept log survive a crash, with the kept lines before them', async () => {
  const path = tempDataPath();
  await largeDataFile(path);
  const store = await open(path);
  store.collection<Payment>('payments').put({ id: 'q1', note });
  await store.close();

  const again = await open(path);
  again.collection<Payment>('payments').put({ id: 'q2', note });
  simulateCrash(path);

  const third = await open(path);
  expect(ids(third.collection('payments').values()).slice(-2)).toEqual(['q1', 'q2']);
  await third.close();
});

test('a start folds a log that ends in a cut-off line, however large the data file', async () => {
  const path = tempDataPath();
  await largeDataFile(path);
  const store = await open(path);
  store.collection<Payment>('payments').put({ id: 'q1', note });
  await store.close();
  appendFileSync(`${path}.log`, '{"s":999,"op":"put","c":"payments","v":{"id":"cut');

  const again = await open(path);
  expect(readFileSync(`${path}.log`, 'utf8')).toBe('');
  expect(readFileSync(path, 'utf8')).toContain('"q1"');
  expect(again.collection('payments').get('cut')).toBeUndefined();
  await again.close();
});
