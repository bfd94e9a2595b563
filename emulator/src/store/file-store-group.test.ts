import { afterEach, expect, test } from 'vitest';
import { FileStore } from './file-store.js';
import { idleTimers, logLines, removeTempDirs, simulateCrash, tempDataPath } from './store-test-support.js';

interface Row {
  id: string;
  n: number;
}

const open = (path: string) => FileStore.open({ path, timers: idleTimers, onWarning: () => undefined });
const logged = (path: string) => {
  try {
    return logLines(path).length;
  } catch {
    return 0;
  }
};

afterEach(removeTempDirs);

test('writes between begin and commit change memory at once and reach the log only at commit, all together', async () => {
  const path = tempDataPath();
  const store = await open(path);
  const rows = store.collection<Row>('rows');
  const before = logged(path);
  store.begin();
  rows.put({ id: 'a', n: 1 });
  rows.put({ id: 'b', n: 2 });
  rows.delete('a');
  expect(rows.get('b')).toEqual({ id: 'b', n: 2 });
  expect(logged(path)).toBe(before);
  store.commit();
  expect(logged(path)).toBe(before + 3);
  // A crash right after commit keeps every grouped write.
  simulateCrash(path);
  const reopened = await open(path);
  const again = reopened.collection<Row>('rows');
  expect(again.get('a')).toBeUndefined();
  expect(again.get('b')).toEqual({ id: 'b', n: 2 });
  await reopened.close();
});

test('nested begin and commit pairs join the outermost, and a commit without a begin changes nothing', async () => {
  const path = tempDataPath();
  const store = await open(path);
  const rows = store.collection<Row>('rows');
  const before = logged(path);
  store.commit();
  store.begin();
  rows.put({ id: 'a', n: 1 });
  store.begin();
  rows.put({ id: 'b', n: 2 });
  store.commit();
  expect(logged(path)).toBe(before);
  store.commit();
  expect(logged(path)).toBe(before + 2);
  rows.put({ id: 'c', n: 3 });
  expect(logged(path)).toBe(before + 3);
  await store.close();
});
