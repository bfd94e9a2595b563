import { CappedMap } from './capped-map.js';
import type { LogLine } from './log-line.js';
import { applyPatch } from './record-patch.js';
import type { SnapshotData } from './snapshot.js';
import { SNAPSHOT_FORMAT } from './snapshot.js';
import type { StoredRecord } from './store.js';

/**
 * Every collection of a file store with its cap. Caps are part of the durable state: which record a cap
 * drops depends on the cap in force when each record was written, so replay must use the same caps.
 */
export class CollectionSet {
  readonly #maps = new Map<string, CappedMap<StoredRecord>>();
  readonly #caps = new Map<string, number>();

  static fromSnapshot(snapshot: SnapshotData): CollectionSet {
    const set = new CollectionSet();
    for (const [name, cap] of Object.entries(snapshot.caps)) set.setCap(name, cap);
    for (const [name, records] of Object.entries(snapshot.collections)) {
      const map = set.map(name);
      for (const record of records) map.set(record);
    }
    return set;
  }

  cap(name: string): number | undefined {
    return this.#caps.get(name);
  }

  /** Sets or removes a collection's cap; records beyond a new cap are dropped, oldest first. */
  setCap(name: string, cap: number | undefined): void {
    if (cap === undefined) this.#caps.delete(name);
    else this.#caps.set(name, cap);
    const map = new CappedMap<StoredRecord>(cap === undefined ? {} : { cap });
    for (const record of this.#maps.get(name)?.values() ?? []) map.set(record);
    this.#maps.set(name, map);
  }

  map(name: string): CappedMap<StoredRecord> {
    let map = this.#maps.get(name);
    if (!map) {
      const cap = this.#caps.get(name);
      map = new CappedMap<StoredRecord>(cap === undefined ? {} : { cap });
      this.#maps.set(name, map);
    }
    return map;
  }

  names(): string[] {
    return [...this.#maps.keys()];
  }

  clear(): void {
    for (const map of this.#maps.values()) map.clear();
  }

  /** Applies a log line; false when it cannot be applied (a patch of a record that is not there). */
  apply(line: LogLine): boolean {
    switch (line.op) {
      case 'put':
        this.map(line.c).set(line.v);
        break;
      case 'patch': {
        const map = this.map(line.c);
        const before = map.get(line.id);
        // A patch is logged only over a record the store held, so replay always has it: one missing
        // means lines are missing before it.
        if (before === undefined) return false;
        map.set(applyPatch(before, line.v));
        break;
      }
      case 'delete':
        this.#maps.get(line.c)?.delete(line.id);
        break;
      case 'clear':
        this.clear();
        break;
      case 'cap':
        this.setCap(line.c, line.n ?? undefined);
        break;
    }
    return true;
  }

  /** The lists are copies, so writes made while lowdb writes the file do not leak into it. */
  capture(seq: number): SnapshotData {
    const collections = Object.fromEntries([...this.#maps].map(([name, map]) => [name, [...map.values()]]));
    return { format: SNAPSHOT_FORMAT, version: 1, seq, caps: Object.fromEntries(this.#caps), collections };
  }
}
