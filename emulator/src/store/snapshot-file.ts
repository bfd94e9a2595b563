import { dirname } from 'node:path';
import type { Adapter } from 'lowdb';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { fsyncDirectory, syncFile } from './append-log.js';
import type { SnapshotData } from './snapshot.js';
import { emptySnapshot } from './snapshot.js';

/**
 * The data file, written only through lowdb: JSONFile hands it to steno, which writes a temporary file
 * and renames it over the data file, so a crash leaves either the old snapshot or the new one.
 */
export class SnapshotFile {
  readonly #db: Low<SnapshotData>;
  readonly #path: string;
  readonly #fsync: boolean;

  constructor(path: string, fsync: boolean, adapter?: Adapter<SnapshotData>) {
    this.#db = new Low<SnapshotData>(adapter ?? new JSONFile<SnapshotData>(path), emptySnapshot());
    this.#path = path;
    this.#fsync = fsync;
  }

  async write(data: SnapshotData): Promise<void> {
    this.#db.data = data;
    await this.#db.write();
    // steno does not sync; without this a power cut could leave the renamed file empty.
    if (this.#fsync) {
      syncFile(this.#path);
      fsyncDirectory(dirname(this.#path));
    }
  }
}
