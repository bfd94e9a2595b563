import { mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppendLog } from './append-log.js';
import { acquireLock, releaseLock } from './file-lock.js';
import type { FileStoreOptions, FileStoreSettings } from './file-store-options.js';
import { fileStoreSettings } from './file-store-options.js';
import type { CollectionSet } from './collection-set.js';
import { loadState } from './load-state.js';
import { foldsLog } from './log-fold.js';
import type { RecordTexts } from './record-texts.js';
import type { Sealer } from './sealer.js';
import { openSealer, sealedCapture } from './sealed-state.js';
import { SnapshotFile } from './snapshot-file.js';
import type { StorePaths } from './store-paths.js';
import { storePaths } from './store-paths.js';
import { StoreOpenError } from './store.js';

/** What an open data file is made of: its paths, secrets, snapshot file, log and the state they hold. */
export interface StoreFiles {
  paths: StorePaths;
  sealer: Sealer;
  settings: FileStoreSettings;
  file: SnapshotFile;
  set: CollectionSet;
  seq: number;
  log: AppendLog;
  dirty: boolean;
  /** Where the data file holds each record's text, for snapshots to reuse; `forget` each record put. */
  texts: RecordTexts;
}

/**
 * Opens a data file for a FileStore: refuses a protected file, takes the lock, loads the data file and replays
 * its logs, checks the key of its secrets and folds replayed lines into the data file so the new log starts empty
 * (unless the log is small next to a large data file: see log-fold.ts).
 * Throws StoreOpenError (releasing the lock) when that is not safe.
 */
export async function openStoreFiles(options: FileStoreOptions): Promise<StoreFiles> {
  const paths = storePaths(options.path);
  const settings = fileStoreSettings(options);
  refuseProtected(paths.data);
  try {
    mkdirSync(dirname(paths.data), { recursive: true });
    acquireLock(paths.lock, paths.data);
  } catch (error) {
    throw openError(error, paths.data);
  }
  try {
    const state = loadState(paths, settings.warn, {
      tidy: true,
      recordTexts: options.snapshotAdapter === undefined,
    });
    // Secrets stay sealed in memory until their collection declares them (FileStore.collection).
    const sealer = openSealer(paths.key, state.collections, paths.data);
    const file = new SnapshotFile(paths.data, settings.fsync, options.snapshotAdapter ?? state.texts);
    const keepLog =
      state.logCanStay &&
      !foldsLog({
        dataBytes: state.dataBytes,
        logBytes: state.logBytes,
        keepLogFromBytes: settings.keepLogFromBytes,
      });
    if (state.logsPresent && !keepLog) {
      // Fold the replayed lines into the data file so the new log starts empty (and never follows a
      // cut-off line). A crash before the logs are removed replays to the same state: `seq` skips them.
      await file.write(sealedCapture(state.collections, sealer, state.seq));
      rmSync(paths.log, { force: true });
    }
    rmSync(paths.previousLog, { force: true });
    // A log that stays takes new lines after its own; the next snapshot folds them all.
    const log = new AppendLog(paths.log, settings.fsync, settings.writeSync, keepLog ? state.logLines : 0);
    const dirty = keepLog || (!state.snapshotExists && !state.logsPresent);
    return {
      paths,
      sealer,
      settings,
      file,
      set: state.collections,
      seq: state.seq,
      log,
      dirty,
      texts: state.texts,
    };
  } catch (error) {
    releaseLock(paths.lock);
    throw openError(error, paths.data);
  }
}

/**
 * A data file without write permission was protected on purpose (a fixture, say): the emulator would
 * replace it with a new file at its next snapshot, so it refuses to start instead.
 */
function refuseProtected(data: string): void {
  let mode: number;
  try {
    mode = statSync(data).mode;
  } catch {
    return; // missing: it is created
  }
  if ((mode & 0o222) !== 0) return;
  throw new StoreOpenError(
    `The data file ${data} is read-only (mode ${(mode & 0o777).toString(8)}), and the emulator would replace it ` +
      `when it saves. Make it writable (chmod u+w), or start with --read-only to use it as a fixture and never write it.`,
  );
}

/** Errors from the file system (a directory in the way, no permission) become messages for people too. */
function openError(error: unknown, dataPath: string): StoreOpenError {
  if (error instanceof StoreOpenError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new StoreOpenError(`Cannot open the data file ${dataPath}: ${reason}`, { cause: error });
}
