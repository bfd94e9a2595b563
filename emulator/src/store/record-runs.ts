import type { BufferedFile } from './buffered-file.js';
import { RECORD_SEPARATOR } from './record-layout-scan.js';
import type { TextRange } from './record-texts.js';

const SEPARATOR_BYTES = Buffer.byteLength(RECORD_SEPARATOR);

/**
 * Copies records' text from the data file being replaced in as few reads as possible: records that follow
 * each other there and in the new file (most of a list at the caps) make one run, read once with the
 * separators between them. The pieces between records come through `text`; a run is written out when
 * something else comes between its records, or when it reaches `maxRunBytes` (so that the writer still
 * lets the event loop run between slices).
 */
export class RecordRuns {
  readonly #file: BufferedFile;
  readonly #source: number;
  readonly #maxRunBytes: number;
  #run: TextRange | undefined;
  /** A record separator came after the run and is not written yet: the next record may extend the run. */
  #separator = false;

  constructor(file: BufferedFile, source: number, maxRunBytes: number) {
    this.#file = file;
    this.#source = source;
    this.#maxRunBytes = maxRunBytes;
  }

  text(piece: string): void {
    if (this.#run && !this.#separator && piece === RECORD_SEPARATOR) {
      this.#separator = true;
      return;
    }
    this.settle();
    this.#file.add(piece);
  }

  /** Adds a record whose text is `from`-`to` of the source; returns where it starts in the new file. */
  record(from: number, to: number): number {
    const run = this.#run;
    // Two records 8 bytes apart in the source have exactly the separator between them: nothing else fits.
    if (run && this.#separator && from === run.end + SEPARATOR_BYTES) {
      const start = this.#file.position + (run.end - run.start) + SEPARATOR_BYTES;
      run.end = to;
      this.#separator = false;
      if (to - run.start >= this.#maxRunBytes) this.settle();
      return start;
    }
    this.settle();
    this.#run = { start: from, end: to };
    return this.#file.position;
  }

  /** Writes out the run and a separator held back after it. */
  settle(): void {
    if (this.#run) this.#file.addFrom(this.#source, this.#run.start, this.#run.end);
    this.#run = undefined;
    if (this.#separator) this.#file.add(RECORD_SEPARATOR);
    this.#separator = false;
  }
}
