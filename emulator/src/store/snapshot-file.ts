import { dirname } from 'node:path';
import type { Adapter } from 'lowdb';
import { Low } from 'lowdb';
import { fsyncDirectory, syncFile } from './append-log.js';
import type { SnapshotData } from './snapshot.js';
import { emptySnapshot } from './snapshot.js';
import { RecordTexts } from './record-texts.js';
import { StreamedJSONFile } from './streamed-json-file.js';

/** Levels of the data file opened while writing it (file, collections, each list): one record per piece. */
const RECORD_DEPTH = 3;

/**
 * The data file, written only through lowdb, in lowdb's JSONFile format. The adapter writes a temporary file
 * and renames it over the data file, so a crash leaves either the old snapshot or the new one.
 */
export class SnapshotFile {
  readonly #db: Low<SnapshotData>;
  readonly #streamed: StreamedJSONFile<SnapshotData> | undefined;
  readonly #path: string;
  readonly #fsync: boolean;

  /**
   * `adapter`: lowdb's adapter to write through (tests count snapshots so), or the texts of the records in
   * the data file as loaded, which the store's own adapter copies instead of serialising them again.
   */
  constructor(path: string, fsync: boolean, adapter: Adapter<SnapshotData> | RecordTexts) {
    this.#streamed =
      adapter instanceof RecordTexts
        ? new StreamedJSONFile<SnapshotData>(path, RECORD_DEPTH, adapter)
        : undefined;
    this.#db = new Low<SnapshotData>(this.#streamed ?? (adapter as Adapter<SnapshotData>), emptySnapshot());
    this.#path = path;
    this.#fsync = fsync;
  }

  /**
   * `pause`: what the write waits on between slices of about 64 KB (a snapshot in the background waits a
   * little, so that requests keep most of the event loop); by default one turn of the loop.
   */
  async write(data: SnapshotData, pause?: () => Promise<void>): Promise<void> {
    if (pause) this.#streamed?.paceNextWrite(pause);
    this.#db.data = data;
    try {
      await this.#db.write();
    } finally {
      // Holding on to the written lists would keep every record in them alive until the next snapshot,
      // including those the caps have dropped since.
      this.#db.data = emptySnapshot();
    }
    // The rename is not synced by the adapter; without this a power cut could leave the renamed file empty.
    if (this.#fsync) {
      syncFile(this.#path);
      fsyncDirectory(dirname(this.#path));
    }
  }
}
