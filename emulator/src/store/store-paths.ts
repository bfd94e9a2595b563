import { basename, dirname, join, resolve } from 'node:path';

/** Every file a file store keeps beside its data file. */
export interface StorePaths {
  /** The snapshot, written by lowdb. */
  readonly data: string;
  /** The append-only log of writes since the snapshot. */
  readonly log: string;
  /** The log being folded into a snapshot; deleted once that snapshot is in place. */
  readonly previousLog: string;
  readonly lock: string;
  /** The key that encrypts secrets in the data file and its log (see sealer.ts). */
  readonly key: string;
  /** Where a snapshot is written before it takes the data file's place (the name steno gives it). */
  readonly snapshotTemp: string;
  /** Where the data file is moved for the moment a new snapshot takes its place (see StreamedJSONFile). */
  readonly replacedData: string;
}

export function storePaths(path: string): StorePaths {
  const data = resolve(path);
  return {
    data,
    log: `${data}.log`,
    previousLog: `${data}.log.1`,
    lock: `${data}.lock`,
    key: `${data}.key`,
    snapshotTemp: join(dirname(data), `.${basename(data)}.tmp`),
    replacedData: join(dirname(data), `.${basename(data)}.old`),
  };
}
