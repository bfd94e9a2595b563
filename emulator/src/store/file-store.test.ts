import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Adapter } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { afterEach, expect, test, vi } from 'vitest';
import { FileStore } from './file-store.js';
import type { FileStoreOptions } from './file-store-options.js';
import type { SnapshotData } from './snapshot.js';
import {
  idleTimers,
  logLines,
  ManualTimers,
  removeTempDirs,
  simulateCrash,
  STORE_WAIT,
  tempDataPath,
} from './store-test-support.js';

interface Account {
  id: string;
  balance: number;
}

/** Shortcodes declare their secrets as the ledger does: the passkey and initiator passwords. */
const SHORTCODE_SECRETS = { secretFields: ['passkey', 'password'] };

const open = (path: string, options: Partial<FileStoreOptions> = {}) =>
  FileStore.open({ path, timers: idleTimers, onWarning: () => undefined, ...options });

const ids = (records: Iterable<{ id: string }>) => [...records].map((r) => r.id);

/** The real JSONFile adapter, counting the snapshots written through it. */
function countingAdapter(path: string): Adapter<SnapshotData> & { writes: number } {
  const file = new JSONFile<SnapshotData>(path);
  const adapter = {
    writes: 0,
    read: () => file.read(),
    write: (data: SnapshotData) => {
      adapter.writes += 1;
      return file.write(data);
    },
  };
  return adapter;
}

afterEach(removeTempDirs);

test('records put before close are there after the store is opened again', async () => {
  const path = tempDataPath();
  const store = await open(path);
  store.collection<Account>('accounts').put({ id: 'a', balance: 1 });
  store.collection<Account>('accounts').put({ id: 'b', balance: 2 });
  store.collection<Account>('accounts').put({ id: 'a', balance: 3 });
  store.collection('sessions').put({ id: 's1' });
  store.collection('sessions').delete('s1');
  await store.close();

  const again = await open(path);
  expect([...again.collection<Account>('accounts').values()]).toEqual([
    { id: 'a', balance: 3 },
    { id: 'b', balance: 2 },
  ]);
  expect(again.collection('sessions').size).toBe(0);
  await again.close();
});

test('a cleanly closed store leaves only its data file and the key of its secrets', async () => {
  const path = tempDataPath();
  const store = await open(path);
  store.collection('accounts').put({ id: 'a' });
  await store.close();

  expect(readdirSync(dirname(path)).sort()).toEqual(['data.json', 'data.json.key']);
  expect(statSync(`${path}.key`).mode & 0o777).toBe(0o600);
});

test('passkeys and passwords of shortcodes reach the disk encrypted and come back in clear', async () => {
  const path = tempDataPath();
  const passkey = 'bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919';
  const org = { id: '174379', passkey, initiators: [{ name: 'testapi', password: 'Safaricom999!*!' }] };
  const first = await open(path);
  first.collection('shortcodes', SHORTCODE_SECRETS).put(org);
  const log = readFileSync(`${path}.log`, 'utf8');
  expect(log).not.toContain(passkey);
  expect(log).not.toContain('Safaricom999');
  await first.close();
  const snapshot = readFileSync(path, 'utf8');
  expect(snapshot).not.toContain(passkey);
  expect(snapshot).not.toContain('Safaricom999');
  expect(snapshot).toContain('sealed:v1:');

  const second = await open(path);
  expect(second.collection('shortcodes', SHORTCODE_SECRETS).get('174379')).toEqual(org);
  await second.close();
});

test('secrets read from disk stay sealed until their collection declares them, also in a snapshot taken before', async () => {
  const path = tempDataPath();
  const first = await open(path);
  first.collection('shortcodes', SHORTCODE_SECRETS).put({ id: '600984', passkey: 'secret-passkey' });
  await first.close();

  const second = await open(path);
  second.collection('accounts').put({ id: 'a' });
  await second.flush();
  expect(readFileSync(path, 'utf8')).not.toContain('secret-passkey');
  const shortcodes = second.collection('shortcodes', SHORTCODE_SECRETS);
  expect(shortcodes.get('600984')).toEqual({ id: '600984', passkey: 'secret-passkey' });
  await second.close();
  expect(readFileSync(path, 'utf8')).not.toContain('secret-passkey');
});

test('a data file whose key was replaced is refused, not read with the wrong secrets', async () => {
  const path = tempDataPath();
  const first = await open(path);
  first.collection('shortcodes', SHORTCODE_SECRETS).put({ id: '600984', passkey: 'secret-passkey' });
  await first.close();
  writeFileSync(`${path}.key`, `${Buffer.alloc(32, 7).toString('base64')}\n`);
  await expect(open(path)).rejects.toThrow(/does not decrypt with the key beside it/);
});

test('writes of a process that died before any snapshot are replayed from the log', async () => {
  const path = tempDataPath();
  const store = await open(path);
  store.collection<Account>('accounts').put({ id: 'a', balance: 1 });
  store.collection<Account>('accounts').put({ id: 'b', balance: 2 });
  store.collection<Account>('accounts').delete('a');
  simulateCrash(path);
  expect(existsSync(path)).toBe(false);

  const again = await open(path);
  expect([...again.collection<Account>('accounts').values()]).toEqual([{ id: 'b', balance: 2 }]);
  await again.close();
});

test('a put appends one line to the log and does not rewrite the data file', async () => {
  const path = tempDataPath();
  const adapter = countingAdapter(path);
  const store = await open(path, { snapshotAdapter: adapter });
  const accounts = store.collection<Account>('accounts');
  const logSize = () => statSync(`${path}.log`).size;

  for (let i = 0; i < 2001; i++) accounts.put({ id: `filler-${i}`, balance: i });
  const before = logSize();
  accounts.put({ id: 'last', balance: 1 });

  // With 2001 records stored, a put still writes just its own line.
  const line = { s: 2002, op: 'put', c: 'accounts', v: { id: 'last', balance: 1 } };
  expect(logSize() - before).toBe(Buffer.byteLength(`${JSON.stringify(line)}\n`));
  expect(logLines(path)).toHaveLength(2002);
  expect(adapter.writes).toBe(0);
  expect(existsSync(path)).toBe(false);
  await store.close();
  expect(adapter.writes).toBe(1);
});

test('a snapshot is written when the timer fires, and no timer is armed while nothing changes', async () => {
  const path = tempDataPath();
  const timers = new ManualTimers();
  const adapter = countingAdapter(path);
  const store = await open(path, { timers, snapshotAdapter: adapter });
  expect(timers.pending).toBe(0);

  store.collection('accounts').put({ id: 'a' });
  store.collection('accounts').put({ id: 'b' });
  expect(timers.pending).toBe(1);
  timers.fireAll();

  await vi.waitFor(() => expect(adapter.writes).toBe(1), STORE_WAIT);
  await vi.waitFor(() => expect(existsSync(`${path}.log.1`)).toBe(false), STORE_WAIT);
  const snapshot = JSON.parse(readFileSync(path, 'utf8')) as SnapshotData;
  expect(ids(snapshot.collections.accounts ?? [])).toEqual(['a', 'b']);
  expect(readFileSync(`${path}.log`, 'utf8')).toBe('');
  expect(timers.pending).toBe(0);
  await store.close();
});

test('a snapshot is written once the log reaches snapshotEveryWrites lines', async () => {
  const path = tempDataPath();
  const adapter = countingAdapter(path);
  const store = await open(path, { snapshotAdapter: adapter, snapshotEveryWrites: 10 });
  for (let i = 0; i < 9; i++) store.collection('events').put({ id: `e${i}` });
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(adapter.writes).toBe(0);

  store.collection('events').put({ id: 'e9' });
  await vi.waitFor(() => expect(adapter.writes).toBe(1), STORE_WAIT);
  await vi.waitFor(() => expect(existsSync(`${path}.log.1`)).toBe(false), STORE_WAIT);
  expect(logLines(path)).toEqual([]);
  await store.close();
});

test('a capped collection keeps only its newest records, in the data file too', async () => {
  const path = tempDataPath();
  const store = await open(path);
  const events = store.collection('events', { cap: 3 });
  for (let i = 1; i <= 5; i++) events.put({ id: `e${i}` });
  expect(ids(events.values())).toEqual(['e3', 'e4', 'e5']);
  await store.close();

  const snapshot = JSON.parse(readFileSync(path, 'utf8')) as SnapshotData;
  expect(ids(snapshot.collections.events ?? [])).toEqual(['e3', 'e4', 'e5']);
});

test('replay drops the same capped records the running store dropped', async () => {
  const path = tempDataPath();
  const store = await open(path);
  const events = store.collection('events', { cap: 2 });
  events.put({ id: 'a' });
  events.put({ id: 'b' });
  events.put({ id: 'c' }); // drops a
  events.put({ id: 'a' }); // a comes back as the newest; drops b
  expect(ids(events.values())).toEqual(['c', 'a']);
  simulateCrash(path);

  const again = await open(path);
  expect(ids(again.collection('events', { cap: 2 }).values())).toEqual(['c', 'a']);
  await again.close();
});

test('a smaller cap declared on open trims the stored history, oldest first', async () => {
  const path = tempDataPath();
  const store = await open(path);
  for (let i = 1; i <= 4; i++) store.collection('events').put({ id: `e${i}` });
  await store.close();

  const again = await open(path);
  expect(ids(again.collection('events', { cap: 2 }).values())).toEqual(['e3', 'e4']);
  await again.close();
  const snapshot = JSON.parse(readFileSync(path, 'utf8')) as SnapshotData;
  expect(ids(snapshot.collections.events ?? [])).toEqual(['e3', 'e4']);
});

test('clear empties every collection, and stays cleared after a crash and after a clean restart', async () => {
  const path = tempDataPath();
  const store = await open(path);
  store.collection('accounts').put({ id: 'a' });
  store.collection('events').put({ id: 'e' });
  await store.flush();
  store.clear();
  expect(logLines(path)).toHaveLength(1);
  simulateCrash(path);

  const afterCrash = await open(path);
  expect(afterCrash.collection('accounts').size).toBe(0);
  expect(afterCrash.collection('events').size).toBe(0);
  afterCrash.collection('accounts').put({ id: 'b' });
  afterCrash.clear();
  await afterCrash.close();

  const afterClose = await open(path);
  expect(afterClose.collection('accounts').size).toBe(0);
  await afterClose.close();
});

test('the directory of the data file is created when missing', async () => {
  const path = join(dirname(tempDataPath()), 'nested', 'deeper', 'data.json');
  const store = await open(path);
  store.collection('accounts').put({ id: 'a' });
  await store.close();
  expect(existsSync(path)).toBe(true);
});

test('with fsync on, writes still round trip', async () => {
  const path = tempDataPath();
  const store = await open(path, { fsync: true });
  store.collection('accounts').put({ id: 'a' });
  await store.flush();
  store.collection('accounts').put({ id: 'b' });
  simulateCrash(path);

  const again = await open(path, { fsync: true });
  expect(ids(again.collection('accounts').values())).toEqual(['a', 'b']);
  await again.close();
});

test('a closed store refuses writes', async () => {
  const store = await open(tempDataPath());
  const accounts = store.collection('accounts');
  await store.close();
  expect(() => accounts.put({ id: 'a' })).toThrow(/closed/);
  await expect(store.flush()).rejects.toThrow(/closed/);
});
