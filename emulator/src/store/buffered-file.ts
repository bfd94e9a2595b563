import { readSync, writeSync } from 'node:fs';

/** The reused write buffer; a piece that could not fit in it gets a buffer of its own. */
const BUFFER_BYTES = 192 * 1024;

/** Text written to a file through one reused buffer, each piece encoded straight into it. */
export class BufferedFile {
  readonly #fd: number;
  readonly #buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  #used = 0;
  /** Bytes already written to the file. */
  #written = 0;
  /** Bytes written to the file since the caller last let the event loop run. */
  unyielded = 0;

  constructor(fd: number) {
    this.#fd = fd;
  }

  /** Where the next byte added will sit in the file. */
  get position(): number {
    return this.#written + this.#used;
  }

  add(text: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 unit, so this much room always holds the piece.
    const room = text.length * 3;
    if (this.#used + room > this.#buffer.length) this.flush();
    if (room > this.#buffer.length) this.#writeAll(Buffer.from(text, 'utf8'));
    else this.#used += this.#buffer.write(text, this.#used, 'utf8');
  }

  /** Adds the bytes from `start` to `end` of another open file, read straight into the buffer. */
  addFrom(source: number, start: number, end: number): void {
    for (let at = start; at < end;) {
      if (this.#used === this.#buffer.length) this.flush();
      const wanted = Math.min(this.#buffer.length - this.#used, end - at);
      const read = readSync(source, this.#buffer, this.#used, wanted, at);
      if (read === 0) throw new Error('the data file being replaced ended before the records it holds');
      this.#used += read;
      at += read;
    }
  }

  flush(): void {
    this.#writeAll(this.#buffer.subarray(0, this.#used));
    this.#used = 0;
  }

  #writeAll(bytes: Buffer): void {
    for (let done = 0; done < bytes.length;) done += writeSync(this.#fd, bytes, done, bytes.length - done);
    this.#written += bytes.length;
    this.unyielded += bytes.length;
  }
}
