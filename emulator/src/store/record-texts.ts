import { realTimers } from '../time/timers.js';
import type { SnapshotData } from './snapshot.js';

/**
 * How long after opening the loaded file is scanned for its records: after the first requests, so that
 * start-up does not pay for it. A snapshot before then scans it first.
 */
const SCAN_AFTER_MS = 1_000;

/** Where a stretch of text starts and ends (exclusive) in the data file, in bytes. */
export interface TextRange {
  start: number;
  end: number;
}

/**
 * A range packed into one number (start × 2^22 + length), so that indexing tens of thousands of records
 * allocates nothing per record: exact for files under 2 GB and records under 4 MB; others are not indexed.
 */
const LENGTH_LIMIT = 2 ** 22;
const START_LIMIT = 2 ** 31;
export const rangeStart = (packed: number): number => Math.floor(packed / LENGTH_LIMIT);
export const rangeEnd = (packed: number): number => rangeStart(packed) + (packed % LENGTH_LIMIT);

/** How records sit in a data file written as `JSON.stringify(data, null, 2)`: one level deeper than their list. */
const RECORD_INDENT = '\n      ';
const RECORD_CLOSE = `${RECORD_INDENT}}`;
const FIRST_RECORD = Buffer.from(RECORD_INDENT);
/** What separates two records of a list, in the data file and in the pieces that write it. */
export const RECORD_SEPARATOR = `,${RECORD_INDENT}`;
const NEXT_RECORD = Buffer.from(RECORD_SEPARATOR);

/**
 * Where the text of each record lies in the data file as it is on disk, so that the next snapshot copies
 * the bytes of records that did not change instead of serialising all of them again: at the history caps a
 * snapshot rewrites tens of megabytes of which a few hundred kilobytes changed.
 *
 * A record's text is valid while the record is the same object and has not been put again: `forget` is
 * called with every put. Records are kept by reference (see FileStore), so a record changed in place
 * without a put keeps its old text, as the store's guarantees allow. Entries go with their records (a
 * WeakMap), so records dropped by a cap are not kept alive here.
 *
 * The data file loaded at open is scanned a second after it, or by the first snapshot if that comes
 * sooner; until then its bytes and loaded lists are held, and records put meanwhile are set aside.
 */
export class RecordTexts {
  #ranges = new WeakMap<object, number>();
  /** Ranges set since the last replace: when 0, no snapshot needs to read the file it replaces. */
  #count = 0;
  /** Records put while a snapshot is being written: the text that snapshot gives them is already stale. */
  #changedDuringWrite: Set<object> | undefined;
  #retired = false;
  /** The data file as loaded and not scanned yet, with the records put since. */
  #pending: { bytes: Buffer; data: SnapshotData; forgotten: WeakSet<object> } | undefined;

  /** Records nobody can reuse: nothing is known of the file on disk. */
  static none(): RecordTexts {
    return new RecordTexts();
  }

  /** The records of `data`, just parsed from `bytes`, to be found in those bytes soon after start-up. */
  static later(bytes: Buffer, data: SnapshotData): RecordTexts {
    const texts = new RecordTexts();
    texts.#pending = { bytes, data, forgotten: new WeakSet() };
    realTimers.setTimeout(() => texts.scanPending(), SCAN_AFTER_MS);
    return texts;
  }

  /** The store is closing: its last snapshot need not learn where the records of the new file lie. */
  get retired(): boolean {
    return this.#retired;
  }

  retire(): void {
    this.#retired = true;
  }

  get isEmpty(): boolean {
    return this.#count === 0 && this.#pending === undefined;
  }

  /**
   * Finds each record of the loaded file in its bytes. Gives up (leaving nothing indexed, which only
   * makes the next snapshot serialise everything) when the file does not have the layout the store writes:
   * a file edited by hand, say.
   */
  scanPending(): void {
    const pending = this.#pending;
    if (pending === undefined) return;
    this.#pending = undefined;
    const placed = recordLayout(pending.bytes, pending.data);
    if (placed === undefined) return;
    for (let i = 0; i < placed.length; i += 3) {
      if (pending.forgotten.has(placed[i] as object)) placed[i + 2] = -1;
    }
    this.replace(placed);
  }

  /** Where the record's text lies, packed into one number (read it with `rangeStart` and `rangeEnd`). */
  rangeOf(record: object): number | undefined {
    return this.#ranges.get(record);
  }

  /** The record is about to change (a put): its text on disk is no longer its text. */
  forget(record: object): void {
    if (this.#ranges.delete(record)) this.#count -= 1;
    this.#pending?.forgotten.add(record);
    this.#changedDuringWrite?.add(record);
  }

  /** A snapshot starts to be written; records put from now on are not indexed by `replace`. */
  beginWrite(): void {
    this.#changedDuringWrite = new Set();
  }

  /** A snapshot failed: the file on disk, and so the ranges, are as they were. */
  abandonWrite(): void {
    this.#changedDuringWrite = undefined;
  }

  /** A new data file replaced the old one: `placed` holds record, start, end for each record in it. */
  replace(placed: readonly (object | number)[]): void {
    const changed = this.#changedDuringWrite;
    this.#changedDuringWrite = undefined;
    this.#pending = undefined;
    this.#ranges = new WeakMap();
    this.#count = 0;
    for (let i = 0; i < placed.length; i += 3) {
      const record = placed[i] as object;
      const start = placed[i + 1] as number;
      const length = (placed[i + 2] as number) - start;
      const unusable = length < 0 || start >= START_LIMIT || length >= LENGTH_LIMIT;
      if (unusable || changed?.has(record)) continue;
      this.#ranges.set(record, start * LENGTH_LIMIT + length);
      this.#count += 1;
    }
  }
}

/** Record, start, end of each record of `data` in `bytes`; undefined when the layout is not the store's. */
function recordLayout(bytes: Buffer, data: SnapshotData): (object | number)[] | undefined {
  const placed: (object | number)[] = [];
  const head = '\n  "collections": {';
  let at = bytes.indexOf(head, 0, 'latin1');
  if (at === -1) return undefined;
  at += head.length;
  const expect = (text: string | Buffer): boolean => {
    const wanted = typeof text === 'string' ? Buffer.from(text) : text;
    if (bytes.compare(wanted, 0, wanted.length, at, at + wanted.length) !== 0) return false;
    at += wanted.length;
    return true;
  };
  let firstList = true;
  for (const [name, records] of Object.entries(data.collections)) {
    if (!expect(`${firstList ? '' : ','}\n    ${JSON.stringify(name)}: [`)) return undefined;
    firstList = false;
    if (records.length === 0) {
      if (!expect(']')) return undefined;
      continue;
    }
    for (let i = 0; i < records.length; i++) {
      if (!expect(i === 0 ? FIRST_RECORD : NEXT_RECORD) || bytes[at] !== 0x7b) return undefined;
      // Lines inside a record are indented further, and strings hold no raw newline: the first line
      // holding only its closing brace at this depth ends it.
      const close = bytes.indexOf(RECORD_CLOSE, at, 'latin1');
      if (close === -1) return undefined;
      const end = close + RECORD_CLOSE.length;
      placed.push(records[i] as object, at, end);
      at = end;
    }
    if (!expect('\n    ]')) return undefined;
  }
  if (!expect(firstList ? '}' : '\n  }')) return undefined;
  return placed;
}
