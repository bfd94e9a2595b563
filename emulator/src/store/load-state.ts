import { existsSync, readFileSync, rmSync } from 'node:fs';
import { CollectionSet } from './collection-set.js';
import { parseLog } from './log-line.js';
import { RecordTexts } from './record-texts.js';
import { emptySnapshot, parseSnapshot } from './snapshot.js';
import type { StorePaths } from './store-paths.js';

export interface LoadedState {
  collections: CollectionSet;
  /** The sequence number of the last write in the snapshot or the logs. */
  seq: number;
  snapshotExists: boolean;
  /** Log lines (or a cut-off line) are on disk; folding them into a fresh snapshot tidies up. */
  logsPresent: boolean;
  /** With `recordTexts`: where the data file holds each record it was loaded with. */
  texts: RecordTexts;
}

/**
 * Rebuilds the state: the snapshot, then the log being folded into a snapshot, then the active log.
 * Lines at or below the sequence number already applied are skipped, so a crash at any moment of a
 * snapshot (before the old log is deleted, say) replays to the same state. Reads only: a damaged file
 * throws StoreOpenError before anything on disk changes.
 */
export function loadState(
  paths: StorePaths,
  warn: (message: string) => void,
  options: { tidy: boolean; recordTexts?: boolean } = { tidy: true },
): LoadedState {
  const snapshotBytes = readBytesIfPresent(paths.data);
  const snapshot =
    snapshotBytes === undefined ? emptySnapshot() : parseSnapshot(snapshotBytes.toString('utf8'), paths.data);
  const texts =
    options.recordTexts && snapshotBytes ? RecordTexts.later(snapshotBytes, snapshot) : RecordTexts.none();
  const collections = CollectionSet.fromSnapshot(snapshot);
  let seq = snapshot.seq;
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
      collections.apply(line);
      seq = line.s;
    }
  }
  if (options.tidy && existsSync(paths.snapshotTemp)) {
    // A snapshot being written when a process stopped; the data file and the logs hold everything.
    rmSync(paths.snapshotTemp, { force: true });
    warn(`Removed ${paths.snapshotTemp}, an unfinished snapshot left by a process that stopped.`);
  }
  return { collections, seq, snapshotExists: snapshotBytes !== undefined, logsPresent, texts };
}

function readBytesIfPresent(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function readIfPresent(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
