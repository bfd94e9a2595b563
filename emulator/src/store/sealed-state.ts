import type { CollectionSet } from './collection-set.js';
import { Sealer } from './sealer.js';
import type { SnapshotData } from './snapshot.js';

/** A snapshot of the state with the secrets of sealed collections encrypted. */
export function sealedCapture(set: CollectionSet, sealer: Sealer, seq: number): SnapshotData {
  const data = set.capture(seq);
  for (const [name, records] of Object.entries(data.collections)) {
    if (sealer.isSealed(name)) data.collections[name] = records.map((r) => sealer.forDisk(name, r));
  }
  return data;
}

/** Decrypts the secrets of sealed collections after loading, in place and in order. */
export function unsealAll(set: CollectionSet, sealer: Sealer, file: string): void {
  for (const name of set.names()) {
    if (!sealer.isSealed(name)) continue;
    const map = set.map(name);
    for (const record of [...map.values()]) map.set(sealer.fromDisk(name, record, file));
  }
}

/** Whether any record of a sealed collection holds a sealed secret (then the key file is needed). */
export function holdsSealedSecrets(set: CollectionSet): boolean {
  const sealed = (value: unknown): boolean =>
    Sealer.isSealedValue(value) ||
    (typeof value === 'object' && value !== null && Object.values(value as object).some(sealed));
  return set
    .names()
    .some((name) => Sealer.isSealedCollection(name) && [...set.map(name).values()].some(sealed));
}
