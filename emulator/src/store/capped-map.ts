import type { CollectionOptions, StoredRecord } from './store.js';

/** An insertion-ordered map that drops its oldest records beyond a cap. */
export class CappedMap<T extends StoredRecord> {
  readonly #map = new Map<string, T>();
  readonly #cap: number;

  constructor(options: CollectionOptions = {}) {
    this.#cap = options.cap ?? Number.POSITIVE_INFINITY;
  }

  get size(): number {
    return this.#map.size;
  }

  get(id: string): T | undefined {
    return this.#map.get(id);
  }

  /** Sets a record; returns the ids that were evicted to stay within the cap. */
  set(record: T): string[] {
    this.#map.set(record.id, record);
    const evicted: string[] = [];
    while (this.#map.size > this.#cap) {
      const oldest = this.#map.keys().next().value as string;
      this.#map.delete(oldest);
      evicted.push(oldest);
    }
    return evicted;
  }

  delete(id: string): boolean {
    return this.#map.delete(id);
  }

  clear(): void {
    this.#map.clear();
  }

  values(): IterableIterator<T> {
    return this.#map.values();
  }
}
