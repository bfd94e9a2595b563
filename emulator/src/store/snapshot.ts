import type { StoredRecord } from './store.js';
import { StoreOpenError } from './store.js';

export const SNAPSHOT_FORMAT = 'daraja-emulator-store';

/** The data file: every collection as of one point in the log. */
export interface SnapshotData {
  format: typeof SNAPSHOT_FORMAT;
  version: 1;
  /** The last log sequence number this snapshot includes; replay skips lines at or below it. */
  seq: number;
  /** Caps of capped collections, so that replay drops the same records the running store dropped. */
  caps: Record<string, number>;
  collections: Record<string, StoredRecord[]>;
}

export function emptySnapshot(): SnapshotData {
  return { format: SNAPSHOT_FORMAT, version: 1, seq: 0, caps: {}, collections: {} };
}

export function isStoredRecord(value: unknown): value is StoredRecord {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as { id?: unknown }).id === 'string'
  );
}

export const isCap = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads a data file's text; a file we did not write, or a damaged one, is refused rather than replaced. */
export function parseSnapshot(text: string, file: string): SnapshotData {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // V8 quotes the text around the error; that could be a stored secret, so the quote is dropped.
    const detail = (error as Error).message.replace(/, (\.\.\.)?".*" is not valid JSON$/s, '');
    const reason = text.trim() === '' ? 'it is empty' : `it is not valid JSON (${detail})`;
    throw refuse(file, reason);
  }
  if (!isObject(value) || value.format !== SNAPSHOT_FORMAT) {
    throw refuse(file, `it is not a daraja-emulator data file (no "format": "${SNAPSHOT_FORMAT}")`);
  }
  if (value.version !== 1) {
    throw refuse(file, `it has version ${String(value.version)}; this emulator reads 1`);
  }
  const seq = value.seq;
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 0) {
    throw refuse(file, '"seq" is not a non-negative integer');
  }
  const caps = value.caps;
  if (!isObject(caps) || !Object.values(caps).every(isCap)) {
    throw refuse(file, '"caps" is not an object of non-negative integers');
  }
  const collections = value.collections;
  if (!isObject(collections)) throw refuse(file, '"collections" is not an object');
  for (const [name, records] of Object.entries(collections)) {
    if (!Array.isArray(records) || !records.every(isStoredRecord)) {
      throw refuse(file, `collection "${name}" is not a list of records with string ids`);
    }
  }
  return {
    format: SNAPSHOT_FORMAT,
    version: 1,
    seq,
    caps: caps as SnapshotData['caps'],
    collections: collections as SnapshotData['collections'],
  };
}

function refuse(file: string, reason: string): StoreOpenError {
  return new StoreOpenError(
    `Cannot open the data file ${file}: ${reason}. The emulator has not changed it. ` +
      `Move it aside (for example: mv "${file}" "${file}.broken") to start with empty data, ` +
      `or point --data at another file.`,
  );
}
