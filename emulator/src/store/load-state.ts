import { existsSync, readFileSync, rmSync } from 'node:fs';
import { CappedMap } from './capped-map.js';
import type { LogLine } from './log-line.js';
import { parseLog } from './log-line.js';
import { parseSnapshot } from './snapshot.js';
import type { StorePaths } from './store-paths.js';
import type { StoredRecord } from './store.js';

export type Collections = Map<string, CappedMap<StoredRecord>>;

export interface LoadedState {
  collections: Collections;
  /** The sequence number of the last write in the snapshot or the logs. */
  seq: number;
  snapshotExists: boolean;
  /** Log lines (or a cut-off line) are on disk; folding them into a fresh snapshot tidies up. */
  logsPresent: boolean;
}

/**
 * Rebuilds the state: the snapshot, then the log being folded into a snapshot, then the active log.
 * Lines at or below the sequence number already applied are skipped, so a crash at any point of a
 * snapshot (before the old log is deleted, or halfway through merging logs) replays to the same state.
 */
export function loadState(paths: StorePaths, warn: (message: string) => void): LoadedState {
  const snapshotText = readIfPresent(paths.data);
  const snapshot = snapshotText === undefined ? undefined : parseSnapshot(snapshotText, paths.data);
  const collections: Collections = new Map();
  for (const [name, records] of Object.entries(snapshot?.collections ?? {})) {
    const map = new CappedMap<StoredRecord>();
    for (const record of records) map.set(record);
    collections.set(name, map);
  }
  let seq = snapshot?.seq ?? 0;
  let logsPresent = false;
  for (const file of [paths.previousLog, paths.log]) {
    const text = readIfPresent(file);
    if (text === undefined || text === '') continue;
    logsPresent = true;
    const log = parseLog(text, file);
    if (log.partialTail)
      warn(`Ignored an unfinished last line in ${file}; that write was never acknowledged.`);
    for (const line of log.lines) {
      if (line.s <= seq) continue;
      applyLine(collections, line);
      seq = line.s;
    }
  }
  if (existsSync(paths.snapshotTemp)) {
    // A snapshot being written when a process stopped; the data file and the logs hold everything.
    rmSync(paths.snapshotTemp, { force: true });
    warn(`Removed ${paths.snapshotTemp}, an unfinished snapshot left by a process that stopped.`);
  }
  return { collections, seq, snapshotExists: snapshot !== undefined, logsPresent };
}

export function applyLine(collections: Collections, line: LogLine): void {
  if (line.op === 'clear') {
    for (const map of collections.values()) map.clear();
    return;
  }
  let map = collections.get(line.c);
  if (line.op === 'delete') {
    map?.delete(line.id);
    return;
  }
  if (!map) {
    map = new CappedMap<StoredRecord>();
    collections.set(line.c, map);
  }
  map.set(line.v);
}

function readIfPresent(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
