/** A record the store keeps: anything JSON-serialisable with a string id. */
export interface StoredRecord {
  id: string;
}

/** One named set of records, kept in insertion order. */
export interface Collection<T extends StoredRecord> {
  get(id: string): T | undefined;
  /** Inserts or replaces a record. When `put` returns, the record survives a crash of the process. */
  put(record: T): void;
  delete(id: string): void;
  values(): IterableIterator<T>;
  readonly size: number;
}

export interface CollectionOptions {
  /** Keep at most this many records; the oldest are dropped first. */
  cap?: number;
  /**
   * Names of the fields that hold secrets, wherever they appear in a record (`password` also covers
   * `initiators[].password`). A file store writes them encrypted; in memory they stay in clear.
   */
  secretFields?: readonly string[];
}

/**
 * Where the emulator's state lives. Only the store module knows how it is kept (memory or a file);
 * services see collections.
 */
export interface Store {
  readonly kind: 'memory' | 'file';
  readonly location: string;
  collection<T extends StoredRecord>(name: string, options?: CollectionOptions): Collection<T>;
  /** Empties every collection, durably. */
  clear(): void;
  /**
   * Groups the writes that follow into one: until the matching `commit`, a `put` or `delete` changes
   * memory and waits, and `commit` logs them all at once (one write(2) for a file store); they are durable
   * when `commit` returns. Nested begin/commit pairs join the outermost. Nothing may be acknowledged to
   * anyone between a grouped write and its commit.
   */
  begin(): void;
  commit(): void;
  /** Writes everything still pending to its final place. */
  flush(): Promise<void>;
  /** Flushes and releases the data file. */
  close(): Promise<void>;
  /** Why writes fail right now (a full disk, say), or undefined while they succeed. */
  readonly writeFailure: string | undefined;
}

/**
 * A write the store could not make durable (the disk is full, say). Nothing was acknowledged: the caller
 * answers with an error. The store keeps trying, and writes succeed again once the cause is gone.
 */
export class StoreWriteError extends Error {
  override readonly name = 'StoreWriteError';
}

/** Thrown when the store cannot be opened; `message` is meant for people. */
export class StoreOpenError extends Error {
  override readonly name = 'StoreOpenError';
}
