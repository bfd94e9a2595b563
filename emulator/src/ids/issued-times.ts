/** Entries this far behind the clock can no longer clash and are dropped (a margin for a system clock stepped back). */
const KEEP_BEHIND_MS = 60_000;
/** The map is swept once it holds this many keys. */
const SWEEP_AT = 10_000;

/**
 * The last millisecond handed out per key, for ids built from a time and a key (CheckoutRequestID: the time
 * and the phone). Asked again for a key at or before its last millisecond, it gives the next one, so that
 * such ids never repeat however the clock behaves, resets included.
 */
export class IssuedTimes {
  readonly #last = new Map<string, number>();
  #sweepAt = SWEEP_AT;

  next(now: number, key: string): number {
    const last = this.#last.get(key);
    const at = last === undefined || last < now ? now : last + 1;
    if (this.#last.size >= this.#sweepAt) this.#sweep(now);
    this.#last.set(key, at);
    return at;
  }

  #sweep(now: number): void {
    for (const [key, at] of this.#last) if (at < now - KEEP_BEHIND_MS) this.#last.delete(key);
    this.#sweepAt = Math.max(SWEEP_AT, 2 * this.#last.size);
  }
}
