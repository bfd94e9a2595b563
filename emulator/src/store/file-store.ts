/**
 * A store kept in a JSON data file, written through lowdb, with an append-only log beside it.
 *
 * Guarantees:
 * - When `put`, `delete` or `clear` returns, the write is one line in `<path>.log`, written with a
 *   synchronous write(2). It survives the process being killed (even with -9) at any moment.
 * - A single write costs one short line, however much is stored; the data file is rewritten only by
 *   the periodic snapshot (every `snapshotEveryMs`, or after `snapshotEveryWrites` lines), `flush` and
 *   `close`, and always atomically (temporary file, then rename).
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
import { mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { AppendLog, fsyncDirectory, syncFile } from './append-log.js';
import { acquireLock, releaseLock } from './file-lock.js';
import type { FileStoreOptions, FileStoreSettings } from './file-store-options.js';
import { fileStoreSettings } from './file-store-options.js';
import type { CollectionSet } from './collection-set.js';
import { loadState } from './load-state.js';
import type { LogLine } from './log-line.js';
import { encodeLogLine } from './log-line.js';
import type { SnapshotData } from './snapshot.js';
import { emptySnapshot } from './snapshot.js';
import type { StorePaths } from './store-paths.js';
import { storePaths } from './store-paths.js';
import type { Collection, CollectionOptions, Store, StoredRecord } from './store.js';

export class FileStore implements Store {
  readonly kind = 'file' as const;
  readonly location: string;
  readonly #paths: StorePaths;
  readonly #settings: FileStoreSettings;
  readonly #db: Low<SnapshotData>;
  readonly #set: CollectionSet;
  readonly #handles = new Map<string, Collection<StoredRecord>>();
  readonly #log: AppendLog;
  #seq: number;
  /** Writes not yet captured by a snapshot (or a snapshot write that failed). */
  #dirty: boolean;
  #timer: unknown;
  #queued = false;
  /** The last snapshot failed: retry on the timer only, not on every write past the line limit. */
  #failing = false;
  #snapshots: Promise<void> = Promise.resolve();
  #closed = false;

  /** Locks the data file, loads it and replays its logs. Throws StoreOpenError when that is not safe. */
  static async open(options: FileStoreOptions): Promise<FileStore> {
    const paths = storePaths(options.path);
    const settings = fileStoreSettings(options);
    mkdirSync(dirname(paths.data), { recursive: true });
    acquireLock(paths.lock, paths.data);
    try {
      const state = loadState(paths, settings.warn);
      const db = new Low<SnapshotData>(options.snapshotAdapter ?? new JSONFile(paths.data), emptySnapshot());
      if (state.logsPresent) {
        // Fold the replayed lines into the data file so the new log starts empty (and never follows a
        // cut-off line). A crash before the logs are removed replays to the same state: `seq` skips them.
        db.data = state.collections.capture(state.seq);
        await db.write();
        if (settings.fsync) syncSnapshot(paths.data);
        rmSync(paths.previousLog, { force: true });
        rmSync(paths.log, { force: true });
      } else {
        rmSync(paths.previousLog, { force: true }); // empty if present
      }
      const log = new AppendLog(paths.log, settings.fsync);
      const dirty = !state.snapshotExists && !state.logsPresent;
      return new FileStore(paths, settings, db, state.collections, state.seq, log, dirty);
    } catch (error) {
      releaseLock(paths.lock);
      throw error;
    }
  }

  private constructor(
    paths: StorePaths,
    settings: FileStoreSettings,
    db: Low<SnapshotData>,
    set: CollectionSet,
    seq: number,
    log: AppendLog,
    dirty: boolean,
  ) {
    this.location = paths.data;
    this.#paths = paths;
    this.#settings = settings;
    this.#db = db;
    this.#set = set;
    this.#seq = seq;
    this.#log = log;
    this.#dirty = dirty;
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
    return handle as unknown as Collection<T>;
  }

  clear(): void {
    this.#write({ s: this.#seq + 1, op: 'clear' });
    this.#set.clear();
  }

  /** Writes a snapshot now and empties the log. */
  flush(): Promise<void> {
    if (this.#closed) return Promise.reject(new Error(`The store ${this.location} is closed.`));
    const run = this.#snapshots.then(() => this.#snapshot());
    this.#snapshots = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    try {
      await this.flush();
    } finally {
      this.#closed = true;
      this.#cancelTimer();
      this.#log.close();
      releaseLock(this.#paths.lock);
    }
  }

  #handle(name: string): Collection<StoredRecord> {
    const map = this.#set.map(name);
    return {
      get: (id) => map.get(id),
      put: (record) => {
        this.#write({ s: this.#seq + 1, op: 'put', c: name, v: record });
        map.set(record);
      },
      delete: (id) => {
        if (map.get(id) === undefined) return;
        this.#write({ s: this.#seq + 1, op: 'delete', c: name, id });
        map.delete(id);
      },
      values: () => map.values(),
      get size() {
        return map.size;
      },
    };
  }

  /** Logs a write before memory changes, so a write that throws leaves both as they were. */
  #write(line: LogLine): void {
    if (this.#closed) throw new Error(`The store ${this.location} is closed.`);
    this.#log.append(encodeLogLine(line));
    this.#seq = line.s;
    this.#dirty = true;
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
        await this.#snapshot();
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
   * Captures the state and moves the log aside in one synchronous step, so the snapshot holds exactly
   * the moved lines; writes that arrive while lowdb writes the file go to the new log.
   */
  async #snapshot(): Promise<void> {
    if (!this.#dirty) return;
    const data = this.#set.capture(this.#seq);
    this.#log.rotate(this.#paths.previousLog);
    this.#dirty = false;
    this.#db.data = data;
    try {
      await this.#db.write();
    } catch (error) {
      this.#dirty = true; // the lines stay in the logs until a snapshot succeeds
      this.#failing = true;
      throw error;
    }
    this.#failing = false;
    if (this.#settings.fsync) syncSnapshot(this.#paths.data);
    rmSync(this.#paths.previousLog, { force: true });
  }

  #cancelTimer(): void {
    if (this.#timer === undefined) return;
    this.#settings.timers.clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}

function syncSnapshot(path: string): void {
  syncFile(path);
  fsyncDirectory(dirname(path));
}
