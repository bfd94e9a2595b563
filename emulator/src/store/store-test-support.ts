import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Timers } from '../time/timers.js';

// Helpers for the store's own tests (kept out of the *.test.ts pattern so vitest does not run them).

const dirs: string[] = [];

/** A data file path in a fresh temporary directory. */
export function tempDataPath(name = 'data.json'): string {
  const dir = mkdtempSync(join(tmpdir(), 'daraja-store-'));
  dirs.push(dir);
  return join(dir, name);
}

export function removeTempDirs(): void {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** How long a test waits for the store's own work (a snapshot, say) on a loaded machine: a limit for hangs. */
export const STORE_WAIT = { timeout: 10_000 };

/** Timers that never fire: snapshots happen only when a test asks for one. */
export const idleTimers: Timers = { setTimeout: () => 0, clearTimeout: () => undefined };

/** Timers fired by hand. */
export class ManualTimers implements Timers {
  readonly #pending = new Map<number, () => void>();
  #next = 1;

  get pending(): number {
    return this.#pending.size;
  }

  setTimeout(fn: () => void): unknown {
    const handle = this.#next++;
    this.#pending.set(handle, fn);
    return handle;
  }

  clearTimeout(handle: unknown): void {
    this.#pending.delete(handle as number);
  }

  fireAll(): void {
    const due = [...this.#pending.values()];
    this.#pending.clear();
    for (const fn of due) fn();
  }
}

/** The pid of a process that has exited. */
export function deadPid(): number {
  const pid = spawnSync(process.execPath, ['-e', '']).pid;
  if (pid === undefined) throw new Error('could not start a process');
  return pid;
}

/**
 * Makes the files look as if the process holding the store had been killed: its lock now names a dead
 * process. The abandoned store object must not be used again.
 */
export function simulateCrash(dataPath: string): void {
  writeFileSync(`${dataPath}.lock`, JSON.stringify({ pid: deadPid(), host: hostname() }));
}

export function logLines(dataPath: string, suffix = '.log'): string[] {
  return readFileSync(`${dataPath}${suffix}`, 'utf8').split('\n').filter(Boolean);
}
