import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Adapter } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { jsonPieces } from './json-pieces.js';

/** Pieces are gathered until they reach this many characters, then written. */
const CHUNK_CHARS = 64 * 1024;
/** Text that fits the reused buffer: UTF-8 takes at most 3 bytes per UTF-16 unit. */
const BUFFERED_CHARS = 2 * CHUNK_CHARS;
const BUFFER_BYTES = 3 * BUFFERED_CHARS;
/**
 * Characters written between two turns of the event loop: a few milliseconds of work. Chunks are written
 * synchronously (to the page cache, fast); an await per chunk instead would wait behind every request of a
 * busy loop each time, and a snapshot would take minutes while the log grows.
 */
const SLICE_CHARS = 1024 * 1024;

/**
 * A lowdb adapter for the data file that writes the same text as lowdb's JSONFile
 * (`JSON.stringify(data, null, 2)`) without ever holding it whole: the text is produced `depth` levels deep
 * piece by piece and written through one reused buffer. With JSONFile a snapshot of the capped history
 * is a string of about 50 MB plus a Buffer of as much, and V8 keeps the heap it grew for them.
 *
 * The write is atomic as steno (under JSONFile) makes it: into `.<name>.tmp` beside the file, then renamed
 * over it, so a crash leaves the old file or the new one. Reading is JSONFile's.
 *
 * The event loop runs between slices of about a megabyte, so requests are answered while a snapshot is
 * written; the lists handed to `write` must stay as they are until it resolves (FileStore hands over copies).
 */
export class StreamedJSONFile<T> implements Adapter<T> {
  readonly #path: string;
  readonly #temp: string;
  readonly #depth: number;
  readonly #reader: JSONFile<T>;
  #writing: Promise<void> = Promise.resolve();

  /** `depth`: how many levels of containers to open; what lies deeper is stringified whole. */
  constructor(path: string, depth: number) {
    this.#path = path;
    this.#temp = join(dirname(path), `.${basename(path)}.tmp`);
    this.#depth = depth;
    this.#reader = new JSONFile<T>(path);
  }

  read(): Promise<T | null> {
    return this.#reader.read();
  }

  /** Writes one at a time: a second write waits for the first, as steno's do. */
  write(data: T): Promise<void> {
    const run = this.#writing.then(() => this.#write(data));
    this.#writing = run.catch(() => undefined);
    return run;
  }

  async #write(data: T): Promise<void> {
    const fd = openSync(this.#temp, 'w');
    try {
      const buffer = Buffer.allocUnsafe(BUFFER_BYTES);
      let pending = '';
      let slice = 0;
      const flush = () => {
        // Text longer than the buffer (after a very large record) gets a buffer of its own.
        const bytes = pending.length <= BUFFERED_CHARS ? buffer : Buffer.from(pending, 'utf8');
        const length = bytes === buffer ? buffer.write(pending, 0, 'utf8') : bytes.length;
        slice += pending.length;
        pending = '';
        for (let written = 0; written < length;) written += writeSync(fd, bytes, written, length - written);
      };
      for (const piece of jsonPieces(data, this.#depth)) {
        pending += piece;
        if (pending.length < CHUNK_CHARS) continue;
        flush();
        if (slice < SLICE_CHARS) continue;
        slice = 0;
        await new Promise((resolve) => setImmediate(resolve));
      }
      flush();
    } catch (error) {
      closeSync(fd);
      rmSync(this.#temp, { force: true });
      throw error;
    }
    closeSync(fd);
    renameSync(this.#temp, this.#path);
  }
}
