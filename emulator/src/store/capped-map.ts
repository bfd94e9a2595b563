import type { CollectionOptions, StoredRecord } from './store.js';

/**
 * An insertion-ordered map that drops its oldest records beyond a cap.
 *
 * The oldest is found through a queue of ids in insertion order, not with `map.keys().next()`: a Map's
 * iterator starts at its first slot and walks past every entry deleted since the last rehash, which at a
 * cap (one deletion per write) made each write cost a walk over thousands of holes.
 */
export class CappedMap<T extends StoredRecord> {
  readonly #map = new Map<string, T>();
  readonly #cap: number;
  /** Ids in insertion order, from #head on; an id deleted and set again appears twice (see #stale). */
  #order: string[] = [];
  #head = 0;
  /** How many earlier queue entries of each id belong to records deleted since. */
  readonly #stale = new Map<string, number>();

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
  set(record: T): readonly string[] {
    const before = this.#map.size;
    this.#map.set(record.id, record);
    // Replacing a record keeps its place, as a Map does; only a new id joins the queue.
    if (this.#map.size === before || this.#cap === Number.POSITIVE_INFINITY) return NONE;
    this.#order.push(record.id);
    if (this.#map.size <= this.#cap) {
      // Below the cap nothing leaves the queue: entries of deleted records must not pile up there.
      if (this.#order.length - this.#head > 2 * this.#map.size + 1024) this.#requeue();
      return NONE;
    }
    const evicted: string[] = [];
    while (this.#map.size > this.#cap) {
      const oldest = this.#shift();
      if (this.#map.delete(oldest)) evicted.push(oldest);
    }
    return evicted;
  }

  delete(id: string): boolean {
    const deleted = this.#map.delete(id);
    if (deleted && this.#cap !== Number.POSITIVE_INFINITY) {
      this.#stale.set(id, (this.#stale.get(id) ?? 0) + 1);
    }
    return deleted;
  }

  clear(): void {
    this.#map.clear();
    this.#order = [];
    this.#head = 0;
    this.#stale.clear();
  }

  values(): IterableIterator<T> {
    return this.#map.values();
  }

  /** Rebuilds the queue from the map, whose order is the same, without the entries of deleted records. */
  #requeue(): void {
    this.#order = [...this.#map.keys()];
    this.#head = 0;
    this.#stale.clear();
  }

  /** The oldest live id in the queue, taken off it; entries of deleted records are skipped. */
  #shift(): string {
    for (;;) {
      const id = this.#order[this.#head++] as string;
      if (this.#head > 1024 && this.#head * 2 > this.#order.length) {
        this.#order = this.#order.slice(this.#head);
        this.#head = 0;
      }
      const stale = this.#stale.get(id);
      if (stale === undefined) return id;
      if (stale === 1) this.#stale.delete(id);
      else this.#stale.set(id, stale - 1);
    }
  }
}

const NONE: readonly string[] = Object.freeze([]);
