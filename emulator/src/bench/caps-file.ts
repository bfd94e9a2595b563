import { copyFileSync, existsSync, statSync } from 'node:fs';
import { FileStore } from '../store/file-store.js';
import { loadState } from '../store/load-state.js';
import { storePaths } from '../store/store-paths.js';
import { DEFAULT_HISTORY } from '../config/history-caps.js';
import { pushesFrom } from './measures.js';
import type { SinkThread } from './sink-thread.js';
import type { Running } from './subjects.js';

/** What a data file holds: records per collection, and its size. */
export interface CapsFile {
  path: string;
  megabytes: number;
  records: Record<string, number>;
}

/**
 * Pushes with a new phone each: every push adds a walk-in customer, a transaction, a callback delivery,
 * a journal entry, an SMS and two or three ledger movements, so this many fill every history to its cap.
 */
const FILL_FLOWS =
  Math.max(
    DEFAULT_HISTORY.transactions,
    DEFAULT_HISTORY.deliveries,
    DEFAULT_HISTORY.customers,
    DEFAULT_HISTORY.journal,
    DEFAULT_HISTORY.messages,
    Math.ceil(DEFAULT_HISTORY.movements / 2),
  ) + 1_000;

/** Fills a new data file to the default history caps through the emulator itself, and stops it cleanly. */
export async function fillToCaps(
  path: string,
  start: (dataFile: string, firstPhone: number) => Promise<Running>,
  sink: SinkThread,
): Promise<CapsFile> {
  // Phones far from the ones the measurements use, so each push here is a customer of its own.
  const server = await start(path, 50_000_000);
  const before = (await sink.stats()).received;
  const answered = await pushesFrom(server.url, server.push, FILL_FLOWS, 0);
  await sink.waitFor(before + answered, 120_000);
  const exit = await server.stop();
  if (exit !== 0) throw new Error(`the emulator filling ${path} exited with ${exit}`);
  // A stop may leave the last writes in the log (see store/log-fold.ts): the start measured at the caps
  // starts from a data file that holds everything.
  const store = await FileStore.open({ path, keepLogFromBytes: Number.POSITIVE_INFINITY });
  await store.close();
  return describeDataFile(path);
}

/** The records a data file holds with its log replayed, per collection, and the data file's size. */
export function describeDataFile(path: string): CapsFile {
  const { collections } = loadState(storePaths(path), () => undefined, { tidy: false });
  const records = Object.fromEntries(collections.names().map((name) => [name, collections.map(name).size]));
  return { path, megabytes: statSync(path).size / 2 ** 20, records };
}

/** Copies a data file with the files that belong to it (its key, and its log when there is one). */
export function copyDataFile(from: string, to: string): void {
  copyFileSync(from, to);
  for (const suffix of ['.key', '.log']) {
    if (existsSync(from + suffix)) copyFileSync(from + suffix, to + suffix);
  }
}
