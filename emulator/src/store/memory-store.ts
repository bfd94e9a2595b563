import { Low, Memory } from 'lowdb';
import { CappedMap } from './capped-map.js';
import type { Collection, CollectionOptions, Store, StoredRecord } from './store.js';

type Snapshot = Record<string, StoredRecord[]>;

/** Decrypts the secret fields of a seed record read sealed from a data file (see openReadOnlyStore). */
export type SeedReveal = (
  collection: string,
  secretFields: readonly string[],
  record: StoredRecord,
) => StoredRecord;

/**
 * A store that lives in memory only: for tests and throwaway runs, and for a data file used as a fixture
 * (`--read-only`: its records are the starting state, and nothing is ever written back).
 */
export class MemoryStore implements Store {
  readonly kind = 'memory' as const;
  readonly location: string;
  readonly writeFailure = undefined;
  readonly #maps = new Map<string, CappedMap<StoredRecord>>();
  readonly #db = new Low<Snapshot>(new Memory<Snapshot>(), {});
  readonly #seed: Map<string, Iterable<StoredRecord>>;
  readonly #reveal: SeedReveal | undefined;

  constructor(
    options: { seed?: Map<string, Iterable<StoredRecord>>; location?: string; reveal?: SeedReveal } = {},
  ) {
    this.#seed = options.seed ?? new Map();
    this.location = options.location ?? ':memory:';
    this.#reveal = options.reveal;
  }

  collection<T extends StoredRecord>(name: string, options?: CollectionOptions): Collection<T> {
    let map = this.#maps.get(name);
    if (!map) {
      map = new CappedMap<StoredRecord>(options);
      const secretFields = options?.secretFields ?? [];
      const reveal = this.#reveal && secretFields.length > 0 ? this.#reveal : undefined;
      for (const record of this.#seed.get(name) ?? []) {
        map.set(reveal ? reveal(name, secretFields, record) : record);
      }
      this.#seed.delete(name);
      this.#maps.set(name, map);
    }
    const m = map as unknown as CappedMap<T>;
    return {
      get: (id) => m.get(id),
      put: (record) => void m.set(record),
      delete: (id) => void m.delete(id),
      values: () => m.values(),
      get size() {
        return m.size;
      },
    };
  }

  clear(): void {
    for (const map of this.#maps.values()) map.clear();
  }

  /** Nothing to group: memory is the whole store. */
  begin(): void {}

  commit(): void {}

  async flush(): Promise<void> {
    const data: Snapshot = {};
    for (const [name, map] of this.#maps) data[name] = [...map.values()];
    this.#db.data = data;
    await this.#db.write();
  }

  async close(): Promise<void> {
    await this.flush();
  }
}
