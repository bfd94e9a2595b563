import type { Adapter } from 'lowdb';
import type { SnapshotData } from './snapshot.js';
import type { Timers } from '../time/timers.js';
import { realTimers } from '../time/timers.js';
import { KEEP_LOG_FROM_BYTES } from './log-fold.js';

export interface FileStoreOptions {
  /** The data file. `<path>.log` and `<path>.lock` sit beside it; its directory is created if missing. */
  path: string;
  /** Arms the periodic snapshot; defaults to real timers. */
  timers?: Timers;
  /** Snapshot this long after the first write that is not in the data file yet. Default 1000. */
  snapshotEveryMs?: number;
  /** Snapshot as soon as the log holds this many lines. Default 5000. */
  snapshotEveryWrites?: number;
  /** Sync every log line and snapshot to the disk, to survive power loss too. Default false. */
  fsync?: boolean;
  /** Where recoverable problems are reported (a cut-off log line, a failed snapshot). Default console.warn. */
  onWarning?: (message: string) => void;
  /** The lowdb adapter for the data file; defaults to lowdb's JSONFile at `path`. */
  snapshotAdapter?: Adapter<SnapshotData>;
  /**
   * From this data file size on, a stop leaves a log under a quarter of the data file's size in place
   * instead of rewriting the data file, and a start keeps such a log (see log-fold.ts). Default 2 MiB.
   */
  keepLogFromBytes?: number;
  /** How log lines reach the file; defaults to fs.writeSync (tests inject failures such as ENOSPC). */
  writeSync?: LogWrite;
}

/** fs.writeSync as the log uses it: a string, or bytes from an offset. */
export type LogWrite = (fd: number, data: string | Buffer, offset?: number) => number;

export interface FileStoreSettings {
  timers: Timers;
  everyMs: number;
  everyWrites: number;
  fsync: boolean;
  warn: (message: string) => void;
  writeSync: LogWrite | undefined;
  keepLogFromBytes: number;
}

export function fileStoreSettings(options: FileStoreOptions): FileStoreSettings {
  return {
    timers: options.timers ?? realTimers,
    everyMs: options.snapshotEveryMs ?? 1000,
    everyWrites: options.snapshotEveryWrites ?? 5000,
    fsync: options.fsync ?? false,
    warn: options.onWarning ?? ((message) => console.warn(message)),
    writeSync: options.writeSync,
    keepLogFromBytes: options.keepLogFromBytes ?? KEEP_LOG_FROM_BYTES,
  };
}
