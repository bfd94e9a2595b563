import {
  appendFileSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Adapter } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { afterEach, expect, test, vi } from 'vitest';
import { FileStore } from './file-store.js';
import type { FileStoreOptions } from './file-store-options.js';
import type { SnapshotData } from './snapshot.js';
import { StoreOpenError } from './store.js';
import {
  idleTimers,
  logLines,
  removeTempDirs,
  simulateCrash,
  STORE_WAIT,
  tempDataPath,
} from './store-test-support.js';

const open = (path: string, options: Partial<FileStoreOptions> = {}) =>
  FileStore.open({ path, timers: idleTimers, onWarning: () => undefined, ...options });

const ids = (records: Iterable<{ id: string }>) => [...records].map((r) => r.id);

/** Opens a store whose files are expected to be refused; returns the error and checks nothing changed. */
async function expectRefused(path: string, files: string[]): Promise<StoreOpenError> {
  const before = files.map((file) => readFileSync(file));
  const error = await open(path).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(StoreOpenError);
  files.forEach((file, i) => expect(readFileSync(file).equals(before[i] as Buffer)).toBe(true));
  expect(existsSync(`${path}.lock`)).toBe(false);
  return error as StoreOpenError;
}

afterEach(removeTempDirs);

test('a cut-off last line of the log is ignored with a warning, and later writes do not follow it', async () => {
  const path = tempDataPath();
  const store = await open(path);
  store.collection('accounts').put({ id: 'a' });
  appendFileSync(`${path}.log`, '{"s":2,"op":"put","c":"accounts","v":{"id":"b"');
  simulateCrash(path);

  const warnings: string[] = [];
  const again = await open(path, { onWarning: (m) => warnings.push(m) });
  expect(ids(again.collection('accounts').values())).toEqual(['a']);
  expect(warnings).toEqual([expect.stringContaining(`unfinished last line in ${path}.log`)]);
  again.collection('accounts').put({ id: 'c' });
  simulateCrash(path);

  const third = await open(path);
  expect(ids(third.collection('accounts').values())).toEqual(['a', 'c']);
  await third.close();
});

test('a data file that is not JSON is refused and left exactly as it was', async () => {
  const path = tempDataPath();
  writeFileSync(path, '{"format": "daraja-emulator-store", "seq": 3, "coll');

  const error = await expectRefused(path, [path]);
  expect(error.message).toContain(path);
  expect(error.message).toContain('not valid JSON');
  expect(error.message).toContain('Move it aside');
});

test('the refusal of a damaged data file does not quote its contents', async () => {
  const path = tempDataPath();
  writeFileSync(path, '{"format":"daraja-emulator-store","consumerSecrets":["s3cr3t-value",]}');
  const error = await expectRefused(path, [path]);
  expect(error.message).toContain("Unexpected token ']'");
  expect(error.message).not.toContain('s3cr3t-value');
});

test.each([
  ['an empty file', '', 'it is empty'],
  ['a list', '[]', 'not a daraja-emulator data file'],
  ['another tool’s JSON', '{"users": []}', 'not a daraja-emulator data file'],
  ['a newer version', '{"format":"daraja-emulator-store","version":2}', 'version 2'],
  [
    'records without ids',
    '{"format":"daraja-emulator-store","version":1,"seq":0,"caps":{},"collections":{"a":[{"x":1}]}}',
    'collection "a"',
  ],
])('a data file holding %s is refused and left as it was', async (_name, content, reason) => {
  const path = tempDataPath();
  writeFileSync(path, content);
  const error = await expectRefused(path, [path]);
  expect(error.message).toContain(reason);
});

test('a damaged line in the middle of the log is refused and no file is changed', async () => {
  const path = tempDataPath();
  const store = await open(path);
  store.collection('accounts').put({ id: 'a' });
  await store.flush();
  store.collection('accounts').put({ id: 'b' });
  appendFileSync(`${path}.log`, 'garbage}\n');
  store.collection('accounts').put({ id: 'c' });
  simulateCrash(path);

  const error = await expectRefused(path, [path, `${path}.log`]);
  expect(error.message).toContain(`line 2 of the log ${path}.log`);
  expect(error.message).toContain('Move the log aside');
});

test('an unfinished temporary snapshot left by lowdb is removed and ignored', async () => {
  const path = tempDataPath();
  const store = await open(path);
  store.collection('accounts').put({ id: 'a' });
  await store.close();
  const temp = join(dirname(path), `.${basename(path)}.tmp`);
  writeFileSync(temp, '{"format":"daraja-emulator-st');

  const again = await open(path);
  expect(existsSync(temp)).toBe(false);
  expect(ids(again.collection('accounts').values())).toEqual(['a']);
  await again.close();
});

test("a process stopped while a snapshot took the data file's place leaves a state the next open restores", async () => {
  const path = tempDataPath();
  const store = await open(path);
  store.collection('accounts').put({ id: 'a' });
  await store.flush();
  store.collection('accounts').put({ id: 'b' });
  simulateCrash(path);
  // The moment between moving the data file aside and renaming the new snapshot into its place.
  const aside = join(dirname(path), `.${basename(path)}.old`);
  renameSync(path, aside);
  writeFileSync(join(dirname(path), `.${basename(path)}.tmp`), '{"format":"daraja-emulator-st');

  const warnings: string[] = [];
  const again = await open(path, { onWarning: (m) => warnings.push(m) });
  expect(ids(again.collection('accounts').values())).toEqual(['a', 'b']);
  expect(existsSync(aside)).toBe(false);
  expect(warnings).toContainEqual(expect.stringContaining(`Moved ${aside} back to ${path}`));
  await again.close();
  expect(readdirSync(dirname(path)).sort()).toEqual([basename(path), `${basename(path)}.key`]);
});

test('an old data file left aside by a snapshot that finished is removed, and the new one is read', async () => {
  const path = tempDataPath();
  const store = await open(path);
  store.collection('accounts').put({ id: 'old' });
  await store.close();
  const aside = join(dirname(path), `.${basename(path)}.old`);
  copyFileSync(path, aside);
  const again = await open(path);
  again.collection('accounts').put({ id: 'new' });
  await again.close();
  writeFileSync(aside, '{"format":"daraja-emulator-store","stale":');

  const third = await open(path);
  expect(ids(third.collection('accounts').values())).toEqual(['old', 'new']);
  expect(existsSync(aside)).toBe(false);
  await third.close();
});

/** The real adapter, except that the write numbered `stallAt` lands on disk and then never returns. */
function stallingAdapter(path: string, stallAt: number): Adapter<SnapshotData> & { writes: number } {
  const file = new JSONFile<SnapshotData>(path);
  const adapter = {
    writes: 0,
    read: () => file.read(),
    write: async (data: SnapshotData) => {
      adapter.writes += 1;
      await file.write(data);
      if (adapter.writes === stallAt) await new Promise(() => undefined);
    },
  };
  return adapter;
}

test('a crash between writing a snapshot and removing the old log does not bring back stale values', async () => {
  const path = tempDataPath();
  const adapter = stallingAdapter(path, 1);
  const store = await open(path, { snapshotAdapter: adapter });
  const accounts = store.collection('accounts', { cap: 2 });
  accounts.put({ id: 'a' });
  accounts.put({ id: 'b' });
  accounts.put({ id: 'c' }); // drops a
  accounts.delete('c');
  void store.flush();
  await vi.waitFor(() => expect(adapter.writes).toBe(1), STORE_WAIT);
  // The snapshot is in place but the log it replaces is still there, as when the process dies here.
  expect(logLines(path, '.log.1')).toHaveLength(5);
  accounts.put({ id: 'd' });
  simulateCrash(path);

  // Replaying the old log over the snapshot would bring a back and push b out.
  const again = await open(path);
  expect(ids(again.collection('accounts', { cap: 2 }).values())).toEqual(['b', 'd']);
  await again.close();
});

test('when a snapshot cannot be written every write stays in the logs, and a later snapshot catches up', async () => {
  const path = tempDataPath();
  const file = new JSONFile<SnapshotData>(path);
  let failing = true;
  const adapter: Adapter<SnapshotData> = {
    read: () => file.read(),
    write: (data) => (failing ? Promise.reject(new Error('disk full')) : file.write(data)),
  };
  const warnings: string[] = [];
  const store = await open(path, {
    snapshotAdapter: adapter,
    snapshotEveryWrites: 2,
    onWarning: (m) => warnings.push(m),
  });
  const accounts = store.collection('accounts');
  accounts.put({ id: 'a' });
  accounts.put({ id: 'b' });
  await vi.waitFor(() => expect(warnings).toEqual([expect.stringContaining('disk full')]), STORE_WAIT);
  accounts.put({ id: 'c' });
  accounts.delete('a');
  await expect(store.flush()).rejects.toThrow('disk full');
  simulateCrash(path);

  const reopened = await open(path);
  expect(ids(reopened.collection('accounts').values())).toEqual(['b', 'c']);
  await reopened.close();

  const second = await open(path, { snapshotAdapter: adapter });
  second.collection('accounts').put({ id: 'd' });
  await expect(second.flush()).rejects.toThrow('disk full');
  failing = false;
  second.collection('accounts').put({ id: 'e' });
  await second.flush();
  expect(existsSync(`${path}.log.1`)).toBe(false);
  simulateCrash(path);

  const last = await open(path);
  expect(ids(last.collection('accounts').values())).toEqual(['b', 'c', 'd', 'e']);
  await last.close();
});

test('a data file path that cannot be read is refused with a StoreOpenError naming it', async () => {
  const path = tempDataPath();
  mkdirSync(path);
  const error = await open(path).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(StoreOpenError);
  expect((error as Error).message).toContain(`Cannot open the data file ${path}: EISDIR`);
  expect(existsSync(`${path}.lock`)).toBe(false);
});
