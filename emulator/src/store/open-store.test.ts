import { afterEach, expect, test } from 'vitest';
import { FileStore } from './file-store.js';
import { MemoryStore } from './memory-store.js';
import { openStore } from './open-store.js';
import { idleTimers, removeTempDirs, tempDataPath } from './store-test-support.js';

afterEach(removeTempDirs);

test('a memory store is opened for kind memory', async () => {
  const store = await openStore({ kind: 'memory' });
  expect(store).toBeInstanceOf(MemoryStore);
  expect(store.kind).toBe('memory');
});

test('a file store is opened at the given path for kind file', async () => {
  const path = tempDataPath();
  const store = await openStore({ kind: 'file', path, timers: idleTimers });
  expect(store).toBeInstanceOf(FileStore);
  expect(store.kind).toBe('file');
  expect(store.location).toBe(path);
  await store.close();
});
