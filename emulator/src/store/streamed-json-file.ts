import { closeSync, openSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Adapter } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { jsonParts, recordText } from './json-pieces.js';
import { BufferedFile } from './buffered-file.js';
import { RecordRuns } from './record-runs.js';
import { rangeEnd, rangeStart, type RecordTexts } from './record-texts.js';

/**
 * Bytes written between two turns of the event loop. A paced write (a snapshot in the background, see
 * `paceNextWrite`) stops every 64 KB: under a millisecond of work when every record in them is serialised
 * (at 256 KB a slice took 3-4 ms, which requests arriving meanwhile waited out). Other writes (a flush, the
 * save at a stop) stop every megabyte: each turn costs a trip through the event loop, and at the caps 400 of
 * them added tens of milliseconds to a stop. Chunks are written synchronously (to the page cache, fast); an
 * await per chunk instead would wait behind every request of a busy loop each time, and a snapshot would
 * take minutes while the log grows.
 */
const PACED_SLICE_BYTES = 64 * 1024;
const SLICE_BYTES = 1024 * 1024;
/** The longest run of records copied from the file being replaced with one read. */
const RUN_BYTES = 256 * 1024;

/**
 * A lowdb adapter for the data file that writes the same text as lowdb's JSONFile
 * (`JSON.stringify(data, null, 2)`) without ever holding it whole: the text is produced `depth` levels deep
 * piece by piece, and each piece is encoded into one reused buffer. With JSONFile a snapshot of 10,000
 * transactions' history was a string of about 50 MB plus a Buffer of as much, and V8 kept the heap it grew
 * for them.
 *
 * The write is atomic as steno (under JSONFile) makes it: into `.<name>.tmp` beside the file, which then
 * takes the file's place, so a crash leaves the old file or the new one. Rather than renaming it over the
 * file, as steno does, the old file is first moved aside to `.<name>.old` and removed after: on ext4 a
 * rename over a file makes the file system allocate the new file's blocks first, about 20 ms for a data
 * file at the caps, where these renames take a tenth of a millisecond. A crash between the two renames
 * leaves `.<name>.old` and no file; the store's open moves it back (load-state.ts). Reading is JSONFile's.
 *
 * The event loop runs between slices (see SLICE_BYTES), so requests are answered while a snapshot is
 * written; the lists handed to `write` must stay as they are until it resolves (FileStore hands over copies).
 *
 * With `texts`, records whose text in the file being replaced is known are copied from it byte for byte
 * instead of serialised again, and `texts` then learns where every record lies in the new file.
 */
export class StreamedJSONFile<T> implements Adapter<T> {
  readonly #path: string;
  readonly #temp: string;
  readonly #aside: string;
  readonly #depth: number;
  readonly #reader: JSONFile<T>;
  readonly #texts: RecordTexts | undefined;
  #writing: Promise<void> = Promise.resolve();
  /** What the next write waits on between slices (see `paceNextWrite`); by default one turn of the loop. */
  #pause: () => Promise<void> = nextTurn;

  /** `depth`: how many levels of containers to open; what lies deeper is stringified whole. */
  constructor(path: string, depth: number, texts?: RecordTexts) {
    this.#path = path;
    this.#temp = join(dirname(path), `.${basename(path)}.tmp`);
    this.#aside = join(dirname(path), `.${basename(path)}.old`);
    this.#depth = depth;
    this.#reader = new JSONFile<T>(path);
    this.#texts = texts;
  }

  read(): Promise<T | null> {
    return this.#reader.read();
  }

  /**
   * The next write waits on `pause` between slices instead of one turn of the event loop: a snapshot in the
   * background takes a share of the loop, not most of it, while requests keep coming.
   */
  paceNextWrite(pause: () => Promise<void>): void {
    this.#pause = pause;
  }

  /** Writes one at a time: a second write waits for the first, as steno's do. */
  write(data: T): Promise<void> {
    const pause = this.#pause;
    this.#pause = nextTurn;
    const slice = pause === nextTurn ? SLICE_BYTES : PACED_SLICE_BYTES;
    const run = this.#writing.then(() => this.#write(data, pause, slice));
    this.#writing = run.catch(() => undefined);
    return run;
  }

  async #write(data: T, pause: () => Promise<void>, sliceBytes: number): Promise<void> {
    const fd = openSync(this.#temp, 'w');
    const texts = this.#texts;
    texts?.scanPending();
    texts?.beginWrite();
    /** Each record written, with where its text starts and ends in the new file. */
    const placed: (object | number)[] = [];
    const learn = texts !== undefined && !texts.retired;
    let previous: number | undefined;
    try {
      // The file being replaced, opened when some of its records can be copied from it.
      if (texts && !texts.isEmpty) previous = openIfPresent(this.#path);
      const file = new BufferedFile(fd);
      const runs = previous === undefined ? undefined : new RecordRuns(file, previous, RUN_BYTES);
      for (const part of jsonParts(data, this.#depth)) {
        if (typeof part === 'string') {
          if (runs) runs.text(part);
          else file.add(part);
        } else {
          const range = runs ? texts?.rangeOf(part.value) : undefined;
          if (runs && range !== undefined) {
            const from = rangeStart(range);
            const to = rangeEnd(range);
            const start = runs.record(from, to);
            if (learn) placed.push(part.value, start, start + to - from);
          } else {
            runs?.settle();
            const start = file.position;
            file.add(recordText(part));
            if (learn) placed.push(part.value, start, file.position);
          }
        }
        if (file.unyielded < sliceBytes) continue;
        file.unyielded = 0;
        await pause();
      }
      runs?.settle();
      file.flush();
    } catch (error) {
      closeSync(fd);
      rmSync(this.#temp, { force: true });
      texts?.abandonWrite();
      throw error;
    } finally {
      if (previous !== undefined) closeSync(previous);
    }
    closeSync(fd);
    try {
      replaceFile(this.#temp, this.#path, this.#aside);
    } catch (error) {
      texts?.abandonWrite();
      throw error;
    }
    texts?.replace(placed);
  }
}

/** One turn of the event loop: what a write waits on between slices unless it is paced. */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Puts `temp` in the place of `path`, moving the file there to `aside` for the moment it takes. */
function replaceFile(temp: string, path: string, aside: string): void {
  let moved = true;
  try {
    renameSync(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    moved = false;
  }
  try {
    renameSync(temp, path);
  } catch (error) {
    if (moved) renameSync(aside, path);
    throw error;
  }
  if (moved) rmSync(aside, { force: true });
}

/** The file open for reading, or undefined when it cannot be: its records are then serialised again. */
function openIfPresent(path: string): number | undefined {
  try {
    return openSync(path, 'r');
  } catch {
    return undefined;
  }
}
