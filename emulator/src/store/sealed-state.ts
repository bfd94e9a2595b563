import type { CollectionSet } from './collection-set.js';
import { Sealer } from './sealer.js';
import type { SnapshotData } from './snapshot.js';

/**
 * A snapshot of the state with the declared secrets encrypted. Records of collections not declared in this
 * run are written as they were read, their secrets still sealed.
 */
export function sealedCapture(set: CollectionSet, sealer: Sealer, seq: number): SnapshotData {
  const data = set.capture(seq);
  for (const [name, records] of Object.entries(data.collections)) {
    if (sealer.isSealed(name)) data.collections[name] = records.map((r) => sealer.forDisk(name, r));
  }
  return data;
}

/** Declares a collection's secret fields and decrypts them in its records as read, in place and in order. */
export function revealCollection(
  set: CollectionSet,
  name: string,
  secretFields: readonly string[],
  sealer: Sealer,
  file: string,
): void {
  if (secretFields.length === 0) return;
  const first = !sealer.isSealed(name);
  sealer.declare(name, secretFields);
  if (!first) return;
  const map = set.map(name);
  for (const record of [...map.values()]) map.set(sealer.fromDisk(name, record, file));
}

/**
 * A secret read sealed from the data file, whichever collection holds it. Small collections are searched
 * first: secrets sit in a few records (shortcodes), not in the long histories.
 */
export function firstSealedValue(set: CollectionSet): string | undefined {
  const find = (value: unknown): string | undefined => {
    if (Sealer.isSealedValue(value)) return value as string;
    if (typeof value !== 'object' || value === null) return undefined;
    for (const v of Object.values(value as object)) {
      const found = find(v);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  const names = set.names().sort((a, b) => set.map(a).size - set.map(b).size);
  for (const name of names) {
    for (const record of set.map(name).values()) {
      const found = find(record);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/**
 * Opens the sealer of a data file: refuses a file that holds sealed secrets when the key beside it is
 * missing or is not the one they were sealed with (a StoreOpenError), so no secret is ever read wrong.
 */
export function openSealer(keyPath: string, set: CollectionSet, file: string, write = true): Sealer {
  const sealed = firstSealedValue(set);
  const sealer = Sealer.open(keyPath, { holdsSealed: sealed !== undefined, file, write });
  if (sealed !== undefined) sealer.check(sealed, file);
  return sealer;
}
