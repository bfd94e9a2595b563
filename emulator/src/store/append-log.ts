import {
  closeSync,
  existsSync,
  fdatasyncSync,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  openSync,
  renameSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import type { LogWrite } from './file-store-options.js';

const fsWrite: LogWrite = (fd, data, offset) =>
  typeof data === 'string' ? writeSync(fd, data) : writeSync(fd, data, offset);

/**
 * The active write-ahead log. Each append is one synchronous write(2): once it returns, the line is in
 * the kernel and survives the death of this process. Only `fsync` makes it survive power loss too.
 */
export class AppendLog {
  readonly #path: string;
  readonly #fsync: boolean;
  #fd: number;
  #bytes: number;
  #lines = 0;

  readonly #write: LogWrite;

  /** `lines`: whole lines the file already holds, when an existing log is kept (see log-fold.ts). */
  constructor(path: string, fsync: boolean, write: LogWrite = fsWrite, lines = 0) {
    this.#path = path;
    this.#lines = lines;
    this.#fsync = fsync;
    this.#write = write;
    this.#fd = openSync(path, 'a');
    this.#bytes = fstatSync(this.#fd).size;
    if (fsync) fsyncDirectory(dirname(path));
  }

  /** Lines in the log: those it was opened with, and those appended since, or since it was last rotated. */
  get lines(): number {
    return this.#lines;
  }

  get bytes(): number {
    return this.#bytes;
  }

  /** Appends `text`, which holds `lines` whole lines, with one write(2). */
  append(text: string, lines = 1): void {
    const length = Buffer.byteLength(text, 'utf8');
    try {
      // The string goes to write(2) without a Buffer: a Buffer per line would be pooled memory the garbage
      // collector frees only in bulk, and under load that kept tens of MB resident.
      let written = this.#write(this.#fd, text);
      if (written < length) {
        const bytes = Buffer.from(text, 'utf8');
        while (written < length) written += this.#write(this.#fd, bytes, written);
      }
      if (this.#fsync) fdatasyncSync(this.#fd);
    } catch (error) {
      // Cut off whatever part of the line got in, so the next append does not follow a broken line.
      try {
        ftruncateSync(this.#fd, this.#bytes);
      } catch {
        // the original error is the one worth reporting
      }
      throw error;
    }
    this.#bytes += length;
    this.#lines += lines;
  }

  /**
   * Moves the lines logged so far to `previousPath` and starts an empty log. While `previousPath` is
   * still there (an earlier snapshot failed) it keeps appending here instead and returns false: the lines
   * stay on disk either way, and replay skips those a snapshot already holds.
   */
  rotate(previousPath: string): boolean {
    if (this.#bytes === 0) return true;
    if (existsSync(previousPath)) return false;
    closeSync(this.#fd);
    try {
      renameSync(this.#path, previousPath);
    } finally {
      this.#fd = openSync(this.#path, 'a');
      this.#bytes = fstatSync(this.#fd).size;
      if (this.#bytes === 0) this.#lines = 0;
    }
    if (this.#fsync) fsyncDirectory(dirname(this.#path));
    return true;
  }

  /** Closes the log; an empty log file is removed so a cleanly closed store leaves only its data file. */
  close(): void {
    closeSync(this.#fd);
    if (this.#bytes === 0) unlinkSync(this.#path);
  }
}

export function syncFile(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes a rename or a new file in `dir` durable. Some platforms cannot open directories; they skip it. */
export function fsyncDirectory(dir: string): void {
  let fd: number;
  try {
    fd = openSync(dir, 'r');
  } catch {
    return;
  }
  try {
    fsyncSync(fd);
  } catch {
    // EISDIR/EPERM/EINVAL on platforms without directory fsync
  } finally {
    closeSync(fd);
  }
}
