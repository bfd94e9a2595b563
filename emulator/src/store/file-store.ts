/**
 * A store kept in a JSON data file, written through lowdb, with an append-only log beside it.
 *
 * Guarantees:
 * - When `put`, `delete` or `clear` returns, the write is one line in `<path>.log`, written with a
 *   synchronous write(2). It survives the process being killed (even with -9) at any moment. Between
 *   `begin` and `commit` the lines wait in memory and `commit` writes them with one write(2): the Daraja
 *   gateway groups each request's writes so, and commits before the answer leaves; the scheduler groups
 *   each job's.
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
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppendLog } from './append-log.js';
import { acquireLock, releaseLock } from './file-lock.js';
import type { FileStoreOptions, FileStoreSettings } from './file-store-options.js';
import { fileStoreSettings } from './file-store-options.js';
import type { CollectionSet } from './collection-set.js';
import { loadState } from './load-state.js';
import { Sealer } from './sealer.js';
import { holdsSealedSecrets, sealedCapture, unsealAll } from './sealed-state.js';
import type { LogLine } from './log-line.js';
import { encodeLogLine } from './log-line.js';
import { SnapshotFile } from './snapshot-file.js';
import type { StorePaths } from './store-paths.js';
import { storePaths } from './store-paths.js';
import type { Collection, CollectionOptions, Store, StoredRecord } from './store.js';
import { StoreOpenError, StoreWriteError } from './store.js';

interface Parts {
  paths: StorePaths;
  sealer: Sealer;
  settings: FileStoreSettings;
  file: SnapshotFile;
  set: CollectionSet;
  seq: number;
  log: AppendLog;
  dirty: boolean;
}

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
  /** Why the last log write failed; cleared by the next one that succeeds. */
  #failure: string | undefined;

  /** Locks the data file, loads it and replays its logs. Throws StoreOpenError when that is not safe. */
  static async open(options: FileStoreOptions): Promise<FileStore> {
    const paths = storePaths(options.path);
    const settings = fileStoreSettings(options);
    refuseProtected(paths.data);
    try {
      mkdirSync(dirname(paths.data), { recursive: true });
      acquireLock(paths.lock, paths.data);
    } catch (error) {
      throw openError(error, paths.data);
    }
    try {
      const state = loadState(paths, settings.warn);
      const sealer = Sealer.open(paths.key, {
        holdsSealed: holdsSealedSecrets(state.collections),
        file: paths.data,
      });
      unsealAll(state.collections, sealer, paths.data);
      const file = new SnapshotFile(paths.data, settings.fsync, options.snapshotAdapter);
      if (state.logsPresent) {
        // Fold the replayed lines into the data file so the new log starts empty (and never follows a
        // cut-off line). A crash before the logs are removed replays to the same state: `seq` skips them.
        await file.write(sealedCapture(state.collections, sealer, state.seq));
        rmSync(paths.log, { force: true });
      }
      rmSync(paths.previousLog, { force: true });
      const log = new AppendLog(paths.log, settings.fsync, settings.writeSync);
      const dirty = !state.snapshotExists && !state.logsPresent;
      return new FileStore({
        paths,
        sealer,
        settings,
        file,
        set: state.collections,
        seq: state.seq,
        log,
        dirty,
      });
    } catch (error) {
      releaseLock(paths.lock);
      throw openError(error, paths.data);
    }
  }

  private constructor(parts: Parts) {
    this.location = parts.paths.data;
    this.#paths = parts.paths;
    this.#settings = parts.settings;
    this.#file = parts.file;
    this.#set = parts.set;
    this.#sealer = parts.sealer;
    this.#seq = parts.seq;
    this.#log = parts.log;
    this.#dirty = parts.dirty;
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
    this.#append(lines.join(''), lines.length);
    this.#afterWrite();
  }

  get writeFailure(): string | undefined {
    return this.#failure;
  }

  /**
   * Appends to the log. A failure (a full disk, say) is reported once, as a StoreWriteError the caller
   * answers with; the next write tries again, and the first that succeeds reports the recovery.
   */
  #append(text: string, lines = 1): void {
    try {
      this.#log.append(text, lines);
    } catch (error) {
      const reason = `cannot write ${this.#paths.log}: ${(error as Error).message}`;
      if (this.#failure === undefined) {
        this.#settings.warn(
          `${reason}. Requests that change state get an error until writes succeed again; nothing acknowledged is lost.`,
        );
      }
      this.#failure = reason;
      throw new StoreWriteError(reason, { cause: error });
    }
    if (this.#failure !== undefined) {
      this.#failure = undefined;
      this.#settings.warn(`writes to ${this.#paths.log} succeed again.`);
    }
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
      try {
        this.#log.close();
      } finally {
        releaseLock(this.#paths.lock);
      }
    }
  }

  #handle(name: string): Collection<StoredRecord> {
    const set = this.#set;
    return {
      get: (id) => set.map(name).get(id),
      put: (record) => {
        this.#write({ s: this.#seq + 1, op: 'put', c: name, v: this.#sealer.forDisk(name, record) });
        set.map(name).set(record);
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
    this.#append(encodeLogLine(line));
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
   * Captures the state and moves the log aside in one synchronous step, so the snapshot holds every
   * moved line; writes that arrive while lowdb writes the file go to the new log, after them.
   */
  async #snapshot(): Promise<void> {
    if (!this.#dirty) return;
    const data = sealedCapture(this.#set, this.#sealer, this.#seq);
    this.#log.rotate(this.#paths.previousLog);
    this.#dirty = false;
    try {
      await this.#file.write(data);
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

/**
 * A data file without write permission was protected on purpose (a fixture, say): the emulator would
 * replace it with a new file at its next snapshot, so it refuses to start instead.
 */
function refuseProtected(data: string): void {
  let mode: number;
  try {
    mode = statSync(data).mode;
  } catch {
    return; // missing: it is created
  }
  if ((mode & 0o222) !== 0) return;
  throw new StoreOpenError(
    `The data file ${data} is read-only (mode ${(mode & 0o777).toString(8)}), and the emulator would replace it ` +
      `when it saves. Make it writable (chmod u+w), or start with --read-only to use it as a fixture and never write it.`,
  );
}

/** Errors from the file system (a directory in the way, no permission) become messages for people too. */
function openError(error: unknown, dataPath: string): StoreOpenError {
  if (error instanceof StoreOpenError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new StoreOpenError(`Cannot open the data file ${dataPath}: ${reason}`, { cause: error });
}
