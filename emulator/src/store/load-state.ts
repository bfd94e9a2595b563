import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { CollectionSet } from './collection-set.js';
import { parseLog } from './log-line.js';
import { RecordTexts } from './record-texts.js';
import { emptySnapshot, parseSnapshot } from './snapshot.js';
import { StoreOpenError } from './store.js';
import type { StorePaths } from './store-paths.js';

export interface LoadedState {
  collections: CollectionSet;
  /** The sequence number of the last write in the snapshot or the logs. */
  seq: number;
  snapshotExists: boolean;
  /** Log lines (or a cut-off line) are on disk; folding them into a fresh snapshot tidies up. */
  logsPresent: boolean;
  /**
   * Only the active log holds lines, every one of them whole: it can stay and take new lines after them
   * (see log-fold.ts). A log being folded when a process stopped, or a cut-off line, is always folded.
   */
  logCanStay: boolean;
  /** Whole lines in the active log, and its size in bytes. */
  logLines: number;
  logBytes: number;
  /** The size of the data file read, 0 without one. */
  dataBytes: number;
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
  restoreReplacedData(paths, warn, options.tidy);
  const snapshotBytes = readBytesIfPresent(existsSync(paths.data) ? paths.data : paths.replacedData);
  const snapshot =
    snapshotBytes === undefined ? emptySnapshot() : parseSnapshot(snapshotBytes.toString('utf8'), paths.data);
  const texts =
    options.recordTexts && snapshotBytes ? RecordTexts.later(snapshotBytes, snapshot) : RecordTexts.none();
  const collections = CollectionSet.fromSnapshot(snapshot);
  let seq = snapshot.seq;
  let logsPresent = false;
  let logCanStay = true;
  let logLines = 0;
  let logBytes = 0;
  for (const file of [paths.previousLog, paths.log]) {
    const text = readIfPresent(file);
    if (text === undefined || text === '') continue;
    logsPresent = true;
    const log = parseLog(text, file);
    if (log.partialTail)
      warn(`Ignored an unfinished last line in ${file}; that write was never acknowledged.`);
    if (file === paths.previousLog || log.partialTail) logCanStay = false;
    else {
      logLines = log.lines.length;
      logBytes = Buffer.byteLength(text, 'utf8');
    }
    for (const line of log.lines) {
      if (line.s <= seq) continue;
      if (!collections.apply(line)) {
        const what = line.op === 'patch' ? `record "${line.id}" of "${line.c}"` : 'a record';
        throw new StoreOpenError(
          `Cannot open the store: write ${line.s} in the log ${file} changes ${what}, which no earlier ` +
            'write or snapshot holds: writes are missing before it. The emulator has changed nothing. ' +
            `Move the log aside (for example: mv "${file}" "${file}.broken") to start from the last snapshot.`,
        );
      }
      seq = line.s;
    }
  }
  if (options.tidy && existsSync(paths.snapshotTemp)) {
    // A snapshot being written when a process stopped; the data file and the logs hold everything.
    rmSync(paths.snapshotTemp, { force: true });
    warn(`Removed ${paths.snapshotTemp}, an unfinished snapshot left by a process that stopped.`);
  }
  return {
    collections,
    seq,
    snapshotExists: snapshotBytes !== undefined,
    logsPresent,
    logCanStay,
    logLines,
    logBytes,
    dataBytes: snapshotBytes?.length ?? 0,
    texts,
  };
}

/**
 * A snapshot moves the data file aside (`replacedData`) for the moment the new one takes its place. A
 * process that stopped in that moment left no data file: the one aside, with the logs, holds everything,
 * so it goes back. One left beside a data file is the old one of a snapshot that finished: it goes.
 * Without `tidy` nothing is moved or removed, and the file aside is read where it is.
 */
function restoreReplacedData(paths: StorePaths, warn: (message: string) => void, tidy: boolean): void {
  if (!tidy || !existsSync(paths.replacedData)) return;
  if (existsSync(paths.data)) {
    rmSync(paths.replacedData, { force: true });
    return;
  }
  renameSync(paths.replacedData, paths.data);
  warn(
    `Moved ${paths.replacedData} back to ${paths.data}: a snapshot was taking its place when a process stopped.`,
  );
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
