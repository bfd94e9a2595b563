import { copyFileSync, existsSync, readFileSync, statSync } from 'node:fs';
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
  return describeDataFile(path);
}

export function describeDataFile(path: string): CapsFile {
  const data = JSON.parse(readFileSync(path, 'utf8')) as { collections: Record<string, unknown[]> };
  const records = Object.fromEntries(
    Object.entries(data.collections).map(([name, list]) => [name, list.length]),
  );
  return { path, megabytes: statSync(path).size / 2 ** 20, records };
}

/** Copies a data file with the files that belong to it (its key, and its log when there is one). */
export function copyDataFile(from: string, to: string): void {
  copyFileSync(from, to);
  for (const suffix of ['.key', '.log']) {
    if (existsSync(from + suffix)) copyFileSync(from + suffix, to + suffix);
  }
}
