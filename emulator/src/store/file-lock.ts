import { readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { StoreOpenError } from './store.js';

interface LockHolder {
  pid: number;
  host: string;
}

/** Locks this process holds. A lock naming this pid that is not here was left by an earlier process
 * with the same pid: in a restarted container the emulator is often pid 1 every time. */
const held = new Set<string>();

const errorCode = (error: unknown): unknown => (error as NodeJS.ErrnoException).code;

/**
 * Takes `<data>.lock` for this process so that two emulators cannot write the same data file and lose
 * each other's writes. A lock left by a process that no longer runs (killed with -9) is taken over.
 */
export function acquireLock(lockPath: string, dataPath: string): void {
  const mine = ownContent();
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(lockPath, mine, { flag: 'wx' });
      held.add(lockPath);
      return;
    } catch (error) {
      if (errorCode(error) !== 'EEXIST') throw error;
    }
    const text = readIfPresent(lockPath);
    if (text === undefined) continue; // released between our two calls: try again
    const holder = parseHolder(text);
    if (!holder) {
      throw new StoreOpenError(
        `The data file ${dataPath} is locked by ${lockPath}, which cannot be read. ` +
          'If no emulator is using that data file, delete the lock file and start again.',
      );
    }
    if (holder.host !== hostname()) {
      throw new StoreOpenError(
        `The data file ${dataPath} is in use by process ${holder.pid} on host ${holder.host}; ` +
          `give each emulator its own --data (or delete ${lockPath} if that emulator is gone).`,
      );
    }
    if (holder.pid === process.pid && held.has(lockPath)) {
      throw new StoreOpenError(`The data file ${dataPath} is already open in this process (${holder.pid}).`);
    }
    if (holder.pid !== process.pid && isAlive(holder.pid)) {
      throw new StoreOpenError(
        `The data file ${dataPath} is in use by process ${holder.pid}; give each emulator its own --data. ` +
          `(If that process is not an emulator, delete ${lockPath}.)`,
      );
    }
    takeOverStale(lockPath, text);
  }
  throw new StoreOpenError(
    `Could not lock ${dataPath}: other processes keep taking ${lockPath}. Give each emulator its own --data.`,
  );
}

/** Removes the lock if it is still ours. */
export function releaseLock(lockPath: string): void {
  if (!held.delete(lockPath)) return;
  if (readIfPresent(lockPath) === ownContent()) unlinkSync(lockPath);
}

function ownContent(): string {
  return `${JSON.stringify({ pid: process.pid, host: hostname() })}\n`;
}

/**
 * Moves the stale lock aside (rename is atomic, so of two processes taking over only one gets it), then
 * checks it is the stale lock we read and not a live one someone created meanwhile; that one goes back.
 */
function takeOverStale(lockPath: string, staleText: string): void {
  const aside = `${lockPath}.stale-${process.pid}`;
  try {
    renameSync(lockPath, aside);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return;
    throw error;
  }
  if (readIfPresent(aside) === staleText) unlinkSync(aside);
  else renameSync(aside, lockPath);
}

function parseHolder(text: string): LockHolder | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    if (
      typeof value.pid === 'number' &&
      Number.isSafeInteger(value.pid) &&
      value.pid > 0 &&
      typeof value.host === 'string'
    ) {
      return { pid: value.pid, host: value.host };
    }
  } catch {
    // fall through: unreadable
  }
  return undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return errorCode(error) === 'EPERM';
  }
}

function readIfPresent(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw error;
  }
}
