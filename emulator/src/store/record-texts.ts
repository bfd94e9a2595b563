import { realTimers, type Timers } from '../time/timers.js';
import { RecordLayoutScan, type ScanStep } from './record-layout-scan.js';
import type { SnapshotData } from './snapshot.js';

/**
 * How long after opening the loaded file starts to be scanned for its records: after the first request,
 * so that start-up does not pay for it. A snapshot before the scan ends finishes it first.
 */
const SCAN_AFTER_MS = 100;

/** Bytes of records whose ranges are learnt between two turns of the event loop: a few milliseconds of work. */
const LEARN_SLICE_BYTES = 2 * 1024 * 1024;

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
 * The data file loaded at open is scanned shortly after it, a slice per turn of the event loop, so that
 * requests are answered meanwhile; the first snapshot finishes the scan if it is not done. Until then the
 * file's bytes and loaded lists are held, and records put meanwhile are set aside.
 */
export class RecordTexts {
  #ranges = new WeakMap<object, number>();
  /** Ranges set since the last replace: when 0, no snapshot needs to read the file it replaces. */
  #count = 0;
  /** Records put while a snapshot is being written: the text that snapshot gives them is already stale. */
  #changedDuringWrite: Set<object> | undefined;
  #retired = false;
  /**
   * Ranges still to be learnt, a slice per turn of the event loop: the loaded data file being scanned, or
   * the places of the records the last snapshot wrote; with the records put since, whose ranges are stale.
   */
  #pending: PendingRanges | undefined;

  /** Records nobody can reuse: nothing is known of the file on disk. */
  static none(): RecordTexts {
    return new RecordTexts();
  }

  /** The records of `data`, just parsed from `bytes`, to be found in those bytes soon after start-up. */
  static later(bytes: Buffer, data: SnapshotData, timers: Timers = realTimers): RecordTexts {
    const texts = new RecordTexts();
    const pending = { ranges: new RecordLayoutScan(bytes, data), forgotten: new WeakSet<object>() };
    texts.#pending = pending;
    timers.setTimeout(() => texts.#learnInSlices(pending), SCAN_AFTER_MS);
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
   * Learns now every range still pending: a snapshot is about to copy records. A loaded file that does not
   * have the layout the store writes (a file edited by hand, say) leaves nothing indexed, which only makes
   * the next snapshot serialise everything.
   */
  scanPending(): void {
    this.#learn(Infinity);
  }

  #learnInSlices(pending: PendingRanges): void {
    if (this.#pending !== pending) return;
    if (this.#learn(LEARN_SLICE_BYTES)) setImmediate(() => this.#learnInSlices(pending));
  }

  /** Learns the ranges of about `sliceBytes` more of the file; true while some are left. */
  #learn(sliceBytes: number): boolean {
    const pending = this.#pending;
    if (pending === undefined) return false;
    const step = pending.ranges.step(sliceBytes);
    if (step.state === 'other-layout') {
      this.#pending = undefined;
      this.#ranges = new WeakMap();
      this.#count = 0;
      return false;
    }
    const found = step.found;
    for (let i = 0; i < found.length; i += 3) {
      const record = found[i] as object;
      if (!pending.forgotten.has(record)) this.#place(record, found[i + 1] as number, found[i + 2] as number);
    }
    if (step.state === 'more') return true;
    this.#pending = undefined;
    return false;
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

  /**
   * A new data file replaced the old one: `placed` holds record, start, end for each record in it. They are
   * learnt a slice per turn of the event loop: at the caps that is tens of thousands of records.
   */
  replace(placed: (object | number)[]): void {
    const forgotten = new WeakSet<object>(this.#changedDuringWrite ? [...this.#changedDuringWrite] : []);
    this.#changedDuringWrite = undefined;
    this.#ranges = new WeakMap();
    this.#count = 0;
    const pending = { ranges: new PlacedRanges(placed), forgotten };
    this.#pending = pending;
    this.#learnInSlices(pending);
  }

  #place(record: object, start: number, end: number): void {
    const length = end - start;
    if (length < 0 || start >= START_LIMIT || length >= LENGTH_LIMIT) return;
    this.#ranges.set(record, start * LENGTH_LIMIT + length);
    this.#count += 1;
  }
}

/** Record, start and end of records, handed out a slice at a time (as a RecordLayoutScan does). */
interface RangeSource {
  step(sliceBytes: number): ScanStep;
}

interface PendingRanges {
  ranges: RangeSource;
  /** Records put since the ranges were found: their text on disk is stale. */
  forgotten: WeakSet<object>;
}

/** Ranges already known (where the last snapshot wrote each record), handed out about `sliceBytes` at a time. */
class PlacedRanges implements RangeSource {
  readonly #placed: (object | number)[];
  #next = 0;

  constructor(placed: (object | number)[]) {
    this.#placed = placed;
  }

  step(sliceBytes: number): ScanStep {
    const placed = this.#placed;
    const from = this.#next;
    let bytes = 0;
    let to = from;
    while (to < placed.length && bytes < sliceBytes) {
      bytes += (placed[to + 2] as number) - (placed[to + 1] as number);
      to += 3;
    }
    this.#next = to;
    const found = from === 0 && to === placed.length ? placed : placed.slice(from, to);
    return { state: to < placed.length ? 'more' : 'done', found };
  }
}
