import type { Timers } from '../time/timers.js';
import { nextTurn } from './streamed-json-file.js';

/**
 * How long a snapshot in the background waits after each slice of about 64 KB it writes. Serialising such a
 * slice takes under a millisecond, so a snapshot takes at most about a tenth of the event loop; copying one
 * from the file it replaces takes a fraction of that. At the caps a snapshot that serialises every record
 * (26 MB) took half the loop for over a second, and at 1,000 payments a second, which take most of the other
 * half, requests queued behind it for hundreds of milliseconds.
 */
const BACKGROUND_PAUSE_MS = 8;

/**
 * The pace of a store's snapshots: one in the background waits BACKGROUND_PAUSE_MS on the store's timers
 * between slices, so that requests keep most of the event loop; while a flush or a close waits for it
 * (`urgent`), it goes at full speed, a turn of the loop between slices.
 */
export class SnapshotPace {
  readonly #timers: Timers;
  #urgent = 0;
  /** Ends the pause a snapshot in the background is in. */
  #wake: (() => void) | undefined;

  constructor(timers: Timers) {
    this.#timers = timers;
  }

  /** A flush or a close is waiting for `done`: snapshots stop pausing until it settles. */
  urgent<T>(done: Promise<T>): Promise<T> {
    this.#urgent += 1;
    this.#wake?.();
    return done.finally(() => {
      this.#urgent -= 1;
    });
  }

  /** What a snapshot in the background waits on between slices. */
  readonly pause = (): Promise<void> => {
    if (this.#urgent > 0) return nextTurn();
    return new Promise<void>((resolve) => {
      const wake = () => {
        this.#wake = undefined;
        this.#timers.clearTimeout(handle);
        resolve();
      };
      const handle = this.#timers.setTimeout(wake, BACKGROUND_PAUSE_MS);
      this.#wake = wake;
    });
  };
}
