import { statSync } from 'node:fs';

/**
 * Whether a stop (or a start) folds the log into the data file. Folding rewrites the whole file: at the
 * default history caps that is 26 MB and over 100 ms, for a log that may hold a few hundred writes. A log
 * kept instead is replayed at the next start, which costs at most a quarter more than reading the data
 * file, and folded by the next periodic snapshot. Small data files are always folded: rewriting them is
 * cheap, and a cleanly stopped store then leaves a data file that holds everything.
 */
export function foldsLog(sizes: { dataBytes: number; logBytes: number; keepLogFromBytes: number }): boolean {
  if (sizes.logBytes === 0) return false;
  if (sizes.dataBytes < sizes.keepLogFromBytes) return true;
  return sizes.logBytes * 4 > sizes.dataBytes;
}

/** The data file's size from which a small log may stay beside it (FileStoreOptions.keepLogFromBytes). */
export const KEEP_LOG_FROM_BYTES = 2 * 2 ** 20;

/** A file's size, 0 when it is missing. */
export function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
