import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Adapter } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { jsonPieces } from './json-pieces.js';

/** The reused write buffer; a piece that could not fit in it gets a buffer of its own. */
const BUFFER_BYTES = 192 * 1024;
/**
 * Bytes written between two turns of the event loop: a millisecond or two of work, so that a snapshot adds
 * little to the latency of requests that arrive while it is written. Chunks are written
 * synchronously (to the page cache, fast); an await per chunk instead would wait behind every request of a
 * busy loop each time, and a snapshot would take minutes while the log grows.
 */
const SLICE_BYTES = 256 * 1024;

/**
 * A lowdb adapter for the data file that writes the same text as lowdb's JSONFile
 * (`JSON.stringify(data, null, 2)`) without ever holding it whole: the text is produced `depth` levels deep
 * piece by piece, and each piece is encoded into one reused buffer. With JSONFile a snapshot of 10,000
 * transactions' history was a string of about 50 MB plus a Buffer of as much, and V8 kept the heap it grew
 * for them.
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
      const file = new BufferedFile(fd);
      for (const piece of jsonPieces(data, this.#depth)) {
        file.add(piece);
        if (file.unyielded < SLICE_BYTES) continue;
        file.unyielded = 0;
        await new Promise((resolve) => setImmediate(resolve));
      }
      file.flush();
    } catch (error) {
      closeSync(fd);
      rmSync(this.#temp, { force: true });
      throw error;
    }
    closeSync(fd);
    renameSync(this.#temp, this.#path);
  }
}

/** Text written to a file through one reused buffer, each piece encoded straight into it. */
class BufferedFile {
  readonly #fd: number;
  readonly #buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  #used = 0;
  /** Bytes written to the file since the caller last let the event loop run. */
  unyielded = 0;

  constructor(fd: number) {
    this.#fd = fd;
  }

  add(text: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 unit, so this much room always holds the piece.
    const room = text.length * 3;
    if (this.#used + room > this.#buffer.length) this.flush();
    if (room > this.#buffer.length) this.#writeAll(Buffer.from(text, 'utf8'));
    else this.#used += this.#buffer.write(text, this.#used, 'utf8');
  }

  flush(): void {
    this.#writeAll(this.#buffer.subarray(0, this.#used));
    this.#used = 0;
  }

  #writeAll(bytes: Buffer): void {
    for (let done = 0; done < bytes.length;) done += writeSync(this.#fd, bytes, done, bytes.length - done);
    this.unyielded += bytes.length;
  }
}
