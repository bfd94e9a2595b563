import type { FileStoreOptions } from './file-store-options.js';
import { FileStore } from './file-store.js';
import { MemoryStore } from './memory-store.js';
import { openReadOnlyStore } from './read-only-store.js';
import type { Store } from './store.js';

export type OpenStoreOptions =
  | { kind: 'memory' }
  | ({
      kind: 'file';
      /** Use the data file as a fixture: load it, never write it or beside it. */ readOnly?: boolean;
    } & FileStoreOptions);

/**
 * Opens the emulator's store: in memory, or durable in a JSON data file.
 * Rejects with StoreOpenError (a message for people) when the data file is damaged or in use.
 */
export async function openStore(options: OpenStoreOptions): Promise<Store> {
  if (options.kind === 'memory') return new MemoryStore();
  const { kind: _kind, readOnly, ...fileOptions } = options;
  if (readOnly) return openReadOnlyStore(options.path, options.onWarning ?? ((m) => console.warn(m)));
  return FileStore.open(fileOptions);
}

export type { FileStoreOptions } from './file-store-options.js';
