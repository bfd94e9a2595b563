import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { afterEach, expect, test } from 'vitest';
import { FileStore } from './file-store.js';
import { StoreOpenError } from './store.js';
import { deadPid, idleTimers, removeTempDirs, tempDataPath } from './store-test-support.js';

const open = (path: string) => FileStore.open({ path, timers: idleTimers, onWarning: () => undefined });

const children: ChildProcess[] = [];

/** A process that stays alive until the test ends. */
function liveProcess(): number {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  children.push(child);
  if (child.pid === undefined) throw new Error('could not start a process');
  return child.pid;
}

const writeLock = (path: string, pid: number, host = hostname()) =>
  writeFileSync(`${path}.lock`, JSON.stringify({ pid, host }));

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  removeTempDirs();
});

test('a data file locked by a running process is refused, naming the process', async () => {
  const path = tempDataPath();
  const pid = liveProcess();
  writeLock(path, pid);

  const error = await open(path).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(StoreOpenError);
  expect((error as Error).message).toContain(
    `The data file ${path} is in use by process ${pid}; give each emulator its own --data.`,
  );
  expect(JSON.parse(readFileSync(`${path}.lock`, 'utf8'))).toEqual({ pid, host: hostname() });
});

test('a second store on the same data file in the same process is refused until the first closes', async () => {
  const path = tempDataPath();
  const first = await open(path);
  await expect(open(path)).rejects.toThrow(`The data file ${path} is already open in this process`);

  first.collection('accounts').put({ id: 'a' });
  await first.close();
  const second = await open(path);
  expect(second.collection('accounts').size).toBe(1);
  await second.close();
});

test('a lock left by a process that died is taken over', async () => {
  const path = tempDataPath();
  writeLock(path, deadPid());

  const store = await open(path);
  expect(JSON.parse(readFileSync(`${path}.lock`, 'utf8'))).toEqual({ pid: process.pid, host: hostname() });
  await store.close();
  expect(existsSync(`${path}.lock`)).toBe(false);
});

test('a lock naming this pid but not held by this process is taken over, as after a container restart', async () => {
  const path = tempDataPath();
  writeLock(path, process.pid);

  const store = await open(path);
  await store.close();
  expect(existsSync(`${path}.lock`)).toBe(false);
});

test('a lock taken on another host is refused, since its process cannot be checked', async () => {
  const path = tempDataPath();
  writeLock(path, 12345, 'some-other-host');
  await expect(open(path)).rejects.toThrow(/in use by process 12345 on host some-other-host/);
});

test('an unreadable lock file is refused rather than guessed about', async () => {
  const path = tempDataPath();
  writeFileSync(`${path}.lock`, '');
  await expect(open(path)).rejects.toThrow(/cannot be read/);
  expect(readFileSync(`${path}.lock`, 'utf8')).toBe('');
});
