/**
 * A store kept in a JSON data file, written through lowdb, with an append-only log beside it.
 *
 * Guarantees:
 * - When `put`, `delete` or `clear` returns, the write is one line in `<path>.log` (a put of a record put
 *   before logs only the fields that changed: record-patch.ts), written with a synchronous write(2). It survives the process being killed (even with -9) at any moment. Between
 *   `begin` and `commit` the lines wait in memory and `commit` writes them with one write(2): the Daraja
 *   gateway groups each request's writes so, and commits before the answer leaves; the scheduler groups
 *   each job's.
 * - A single write costs one short line, however much is stored; the data file is rewritten only by
 *   the periodic snapshot (every `snapshotEveryMs`, or after `snapshotEveryWrites` lines), `flush` and
 *   `close`, and always atomically (temporary file, then rename). `close` leaves a log that is small next
 *   to a large data file in place instead (log-fold.ts); the next open replays it and keeps it. A snapshot
 *   copies the text of records not put since the last one from the file it replaces (see RecordTexts) and
 *   serialises only the others.
 * - Opening replays the data file and logs to exactly the acknowledged state, whatever moment a crash hit.
 *   A damaged data file or log is refused with a StoreOpenError and never overwritten.
 * - Only one process at a time uses a data file (`<path>.lock`); a lock left by a dead process is taken over.
 *
 * Does not guarantee:
 * - Surviving power loss or an OS crash: the last writes may still be in the page cache. `fsync: true`
 *   syncs every line (much slower) and the data file before the log it replaces is removed.
 * - Isolation from callers: records are kept by reference, so a record changed after `put` without
 *   another `put` reaches the disk only with the next snapshot, if at all.
 */
import { rmSync } from 'node:fs';
import type { AppendLog } from './append-log.js';
import { releaseLock } from './file-lock.js';
import type { FileStoreOptions, FileStoreSettings } from './file-store-options.js';
import type { CollectionSet } from './collection-set.js';
import type { RecordTexts } from './record-texts.js';
import type { Sealer } from './sealer.js';
import { revealCollection, sealedCapture } from './sealed-state.js';
import type { LogLine } from './log-line.js';
import { encodeLogLine } from './log-line.js';
import type { SnapshotFile } from './snapshot-file.js';
import type { StorePaths } from './store-paths.js';
import type { Collection, CollectionOptions, Store, StoredRecord } from './store.js';
import { openStoreFiles, type StoreFiles } from './open-store-files.js';
import { SnapshotPace } from './snapshot-pace.js';
import { fileSize, foldsLog } from './log-fold.js';
import { putLine } from './record-patch.js';
import { LogWrites } from './log-writes.js';

export class FileStore implements Store {
  readonly kind = 'file' as const;
  readonly location: string;
  readonly #paths: StorePaths;
  readonly #settings: FileStoreSettings;
  readonly #file: SnapshotFile;
  readonly #set: CollectionSet;
  readonly #sealer: Sealer;
  readonly #handles = new Map<string, Collection<StoredRecord>>();
  readonly #log: AppendLog;
  readonly #texts: RecordTexts;
  #seq: number;
  /** Writes not yet captured by a snapshot (or a snapshot write that failed). */
  #dirty: boolean;
  #timer: unknown;
  #queued = false;
  /** The last snapshot failed: retry on the timer only, not on every write past the line limit. */
  #failing = false;
  #snapshots: Promise<void> = Promise.resolve();
  #closed = false;
  /** Depth of begin() calls not yet committed, and the lines they hold back. */
  #grouping = 0;
  #held: string[] = [];
  readonly #pace: SnapshotPace;
  readonly #writes: LogWrites;

  /** Locks the data file, loads it and replays its logs. Throws StoreOpenError when that is not safe. */
  static async open(options: FileStoreOptions): Promise<FileStore> {
    return new FileStore(await openStoreFiles(options));
  }

  private constructor(parts: StoreFiles) {
    this.location = parts.paths.data;
    this.#paths = parts.paths;
    this.#settings = parts.settings;
    this.#file = parts.file;
    this.#set = parts.set;
    this.#sealer = parts.sealer;
    this.#seq = parts.seq;
    this.#log = parts.log;
    this.#dirty = parts.dirty;
    this.#texts = parts.texts;
    this.#pace = new SnapshotPace(parts.settings.timers);
    this.#writes = new LogWrites(parts.log, parts.paths.log, parts.settings.warn);
  }

  collection<T extends StoredRecord>(name: string, options?: CollectionOptions): Collection<T> {
    let handle = this.#handles.get(name);
    if (!handle) {
      // The first declaration in a run sets the cap, as in MemoryStore; a changed cap is logged like a write.
      const cap = options?.cap;
      if (cap !== this.#set.cap(name)) {
        this.#write({ s: this.#seq + 1, op: 'cap', c: name, n: cap ?? null });
        this.#set.setCap(name, cap);
      }
      handle = this.#handle(name);
      this.#handles.set(name, handle);
    }
    if (options?.secretFields) {
      revealCollection(this.#set, name, options.secretFields, this.#sealer, this.#paths.data);
    }
    return handle as unknown as Collection<T>;
  }

  clear(): void {
    this.#write({ s: this.#seq + 1, op: 'clear' });
    this.#set.clear();
  }

  begin(): void {
    this.#grouping += 1;
  }

  /**
   * Logs the held-back lines in one write. When that write fails, memory already holds the changes: the
   * store keeps them dirty, so the next snapshot saves them, and the caller (who has not acknowledged
   * anything yet) fails.
   */
  commit(): void {
    if (this.#grouping === 0) return;
    this.#grouping -= 1;
    if (this.#grouping > 0 || this.#held.length === 0) return;
    const lines = this.#held;
    this.#held = [];
    this.#writes.append(lines.join(''), lines.length);
    this.#afterWrite();
  }

  get writeFailure(): string | undefined {
    return this.#writes.failure;
  }

  /** Writes a snapshot now and empties the log. */
  flush(): Promise<void> {
    return this.#flush(false);
  }

  /** `last`: no snapshot follows (the store is closing), so it need not learn where records lie. */
  #flush(last: boolean): Promise<void> {
    if (this.#closed) return Promise.reject(new Error(`The store ${this.location} is closed.`));
    const run = this.#pace.urgent(
      this.#snapshots.then(() => {
        if (last) this.#texts.retire();
        return this.#snapshot();
      }),
    );
    this.#snapshots = run.catch(() => undefined);
    return run;
  }

  /**
   * Saves and releases the data file. The log is folded into the data file first, unless that would
   * rewrite a large data file for a small log (see log-fold.ts): then the log stays for the next start.
   */
  async close(): Promise<void> {
    if (this.#closed) return;
    try {
      await this.#pace.urgent(this.#snapshots);
      if (this.#foldsAtClose()) await this.#flush(true);
    } finally {
      this.#closed = true;
      this.#cancelTimer();
      try {
        this.#log.close();
      } finally {
        releaseLock(this.#paths.lock);
      }
    }
  }

  /** A failed snapshot left lines in the previous log too: those are always folded. */
  #foldsAtClose(): boolean {
    if (!this.#dirty) return false;
    if (this.#failing) return true;
    return foldsLog({
      dataBytes: fileSize(this.#paths.data),
      logBytes: this.#log.bytes,
      keepLogFromBytes: this.#settings.keepLogFromBytes,
    });
  }

  #handle(name: string): Collection<StoredRecord> {
    const set = this.#set;
    return {
      get: (id) => set.map(name).get(id),
      put: (record) => {
        const map = set.map(name);
        this.#write(putLine(this.#seq + 1, name, map.get(record.id), record, this.#sealer));
        this.#texts.forget(record);
        map.set(record);
      },
      delete: (id) => {
        if (set.map(name).get(id) === undefined) return;
        this.#write({ s: this.#seq + 1, op: 'delete', c: name, id });
        set.map(name).delete(id);
      },
      values: () => set.map(name).values(),
      get size() {
        return set.map(name).size;
      },
    };
  }

  /**
   * Logs a write before memory changes, so a write that throws leaves both as they were; between begin()
   * and commit() the line is held back and logged with the others at commit.
   */
  #write(line: LogLine): void {
    if (this.#closed) throw new Error(`The store ${this.location} is closed.`);
    if (this.#grouping > 0) {
      this.#held.push(encodeLogLine(line));
      this.#seq = line.s;
      this.#dirty = true;
      return;
    }
    this.#writes.append(encodeLogLine(line));
    this.#seq = line.s;
    this.#dirty = true;
    this.#afterWrite();
  }

  #afterWrite(): void {
    if (this.#log.lines >= this.#settings.everyWrites && !this.#failing) this.#snapshotSoon();
    else this.#armTimer();
  }

  #armTimer(): void {
    if (this.#timer !== undefined || this.#queued || this.#closed) return;
    this.#timer = this.#settings.timers.setTimeout(() => {
      this.#timer = undefined;
      this.#snapshotSoon();
    }, this.#settings.everyMs);
  }

  #snapshotSoon(): void {
    if (this.#queued || this.#closed) return;
    this.#queued = true;
    this.#cancelTimer();
    this.#snapshots = this.#snapshots.then(async () => {
      this.#queued = false;
      if (this.#closed) return;
      try {
        await this.#snapshot(this.#pace.pause);
      } catch (error) {
        this.#settings.warn(
          `Could not write a snapshot of ${this.location} (${(error as Error).message}); ` +
            'every write is still in the log and will be replayed on the next start.',
        );
        this.#armTimer();
      }
    });
  }

  /**
   * Captures the state and moves the log aside in one synchronous step, so the snapshot holds every
   * moved line; writes that arrive while lowdb writes the file go to the new log, after them.
   */
  async #snapshot(pause?: () => Promise<void>): Promise<void> {
    if (!this.#dirty) return;
    const data = sealedCapture(this.#set, this.#sealer, this.#seq);
    this.#log.rotate(this.#paths.previousLog);
    this.#dirty = false;
    try {
      await this.#file.write(data, pause);
    } catch (error) {
      this.#dirty = true; // the lines stay in the logs until a snapshot succeeds
      this.#failing = true;
      throw error;
    }
    this.#failing = false;
    rmSync(this.#paths.previousLog, { force: true });
  }

  #cancelTimer(): void {
    if (this.#timer === undefined) return;
    this.#settings.timers.clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
