import type { Collection, CollectionOptions, Store, StoredRecord } from './store.js';

/**
 * A store that remembers which collections were opened, and with which options, so that the whole state
 * can be exported and imported without each service listing its collections. Everything else is passed
 * through to the real store.
 */
export class TrackedStore implements Store {
  readonly #inner: Store;
  readonly #opened = new Map<string, CollectionOptions | undefined>();

  constructor(inner: Store) {
    this.#inner = inner;
  }

  get kind(): Store['kind'] {
    return this.#inner.kind;
  }

  get location(): string {
    return this.#inner.location;
  }

  /** The store this one wraps. */
  get inner(): Store {
    return this.#inner;
  }

  collection<T extends StoredRecord>(name: string, options?: CollectionOptions): Collection<T> {
    if (!this.#opened.has(name)) this.#opened.set(name, options);
    return this.#inner.collection<T>(name, options);
  }

  /** Names of every collection opened so far, in opening order. */
  names(): string[] {
    return [...this.#opened.keys()];
  }

  clear(): void {
    this.#inner.clear();
  }

  begin(): void {
    this.#inner.begin();
  }

  commit(): void {
    this.#inner.commit();
  }

  flush(): Promise<void> {
    return this.#inner.flush();
  }

  close(): Promise<void> {
    return this.#inner.close();
  }

  get writeFailure(): string | undefined {
    return this.#inner.writeFailure;
  }
}
