import { existsSync } from 'node:fs';
import type { StoredRecord } from './store.js';
import { StoreOpenError } from './store.js';
import { loadState } from './load-state.js';
import { MemoryStore } from './memory-store.js';
import { openSealer } from './sealed-state.js';
import { storePaths } from './store-paths.js';

/**
 * A data file used as a fixture (`--read-only`): its state, with its log replayed, is the emulator's
 * starting state, kept in memory. Nothing is written beside it: no lock, no log, no key file, no snapshot,
 * so protected files and read-only folders work, and every run starts from the same state.
 */
export function openReadOnlyStore(path: string, warn: (message: string) => void): MemoryStore {
  const paths = storePaths(path);
  if (!existsSync(paths.data)) {
    throw new StoreOpenError(`--read-only needs an existing data file, and ${paths.data} does not exist.`);
  }
  const state = loadState(paths, warn, { tidy: false });
  const sealer = openSealer(paths.key, state.collections, paths.data, false);
  const seed = new Map<string, Iterable<StoredRecord>>();
  for (const name of state.collections.names()) seed.set(name, [...state.collections.map(name).values()]);
  return new MemoryStore({
    seed,
    location: `${paths.data} (read-only)`,
    // Secrets stay sealed in the seed until their collection declares them.
    reveal: (name, secretFields, record) => {
      sealer.declare(name, secretFields);
      return sealer.fromDisk(name, record, paths.data);
    },
  });
}
