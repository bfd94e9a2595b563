import { existsSync, readFileSync } from 'node:fs';
import { afterEach, expect, test, vi } from 'vitest';
import { FileStore } from './file-store.js';
import { ManualTimers, removeTempDirs, STORE_WAIT, tempDataPath } from './store-test-support.js';

interface Payment {
  id: string;
  note: string;
}

afterEach(removeTempDirs);

/** A store whose background snapshot starts at the 2,000th write: about 2 MB, several slices. */
async function busyStore(timers: ManualTimers) {
  const path = tempDataPath();
  const store = await FileStore.open({ path, timers, onWarning: () => undefined, snapshotEveryWrites: 2000 });
  const payments = store.collection<Payment>('payments');
  const note = 'n'.repeat(1000);
  for (let i = 0; i < 2000; i++) payments.put({ id: `p${i}`, note });
  return { path, store, payments };
}

const savedIds = (path: string) =>
  (
    JSON.parse(readFileSync(path, 'utf8')) as { collections: { payments: Payment[] } }
  ).collections.payments.map((p) => p.id);

test('a snapshot in the background pauses on the store timers between slices, and ends when they fire', async () => {
  const timers = new ManualTimers();
  const { path, store } = await busyStore(timers);
  // The snapshot has moved the log aside and waits on a pause after its first slice.
  await vi.waitFor(() => expect(timers.pending).toBe(1), STORE_WAIT);
  expect(existsSync(`${path}.log.1`)).toBe(true);
  for (let fired = 0; existsSync(`${path}.log.1`); fired++) {
    expect(fired).toBeLessThan(100);
    await vi.waitFor(
      () => expect(timers.pending + (existsSync(`${path}.log.1`) ? 0 : 1)).toBe(1),
      STORE_WAIT,
    );
    timers.fireAll();
  }
  expect(savedIds(path)).toHaveLength(2000);
  await store.close();
});

test('a flush during a snapshot in the background finishes it without waiting for the store timers', async () => {
  const timers = new ManualTimers();
  const { path, store, payments } = await busyStore(timers);
  await vi.waitFor(() => expect(timers.pending).toBe(1), STORE_WAIT);
  payments.put({ id: 'after', note: 'x' });
  // No timer is fired here: the flush would wait forever if the snapshot kept pausing on them.
  await store.flush();
  expect(savedIds(path).at(-1)).toBe('after');
  expect(existsSync(`${path}.log.1`)).toBe(false);
  await store.close();
});
