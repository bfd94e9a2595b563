import type { AppendLog } from './append-log.js';
import { StoreWriteError } from './store.js';

/**
 * The file store's writes to its log, and whether the last one failed. A failure (a full disk, say) is
 * reported once, as a StoreWriteError the caller answers with; the next write tries again, and the first
 * that succeeds reports the recovery.
 */
export class LogWrites {
  readonly #log: AppendLog;
  readonly #path: string;
  readonly #warn: (message: string) => void;
  /** Why the last write failed; cleared by the next one that succeeds. */
  #failure: string | undefined;

  constructor(log: AppendLog, path: string, warn: (message: string) => void) {
    this.#log = log;
    this.#path = path;
    this.#warn = warn;
  }

  get failure(): string | undefined {
    return this.#failure;
  }

  /** Appends `text`, which holds `lines` whole lines, with one write(2). */
  append(text: string, lines = 1): void {
    try {
      this.#log.append(text, lines);
    } catch (error) {
      const reason = `cannot write ${this.#path}: ${(error as Error).message}`;
      if (this.#failure === undefined) {
        this.#warn(
          `${reason}. Requests that change state get an error until writes succeed again; nothing acknowledged is lost.`,
        );
      }
      this.#failure = reason;
      throw new StoreWriteError(reason, { cause: error });
    }
    if (this.#failure !== undefined) {
      this.#failure = undefined;
      this.#warn(`writes to ${this.#path} succeed again.`);
    }
  }
}
