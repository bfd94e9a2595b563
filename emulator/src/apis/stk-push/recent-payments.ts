import type { TransactionView } from 'daraja-client/emulator';

/** Sweeping old entries costs a pass over the map; it is done only once the map has grown this large. */
const SWEEP_AT = 10_000;

/**
 * The time of each customer's last STK payment per shortcode and amount, for Daraja's rule that the same
 * amount from the same customer to the same shortcode within about two minutes ends with result 17 "Rule
 * limited." (SPEC 3.4, 15). Kept in memory, rebuilt from the stored transactions after a restart and
 * forgotten on reset, like the rest of the STK schedule.
 */
export class RecentPayments {
  readonly #paidAt = new Map<string, number>();
  #sweepAt = SWEEP_AT;

  /** When the same payment was last made, if it was made less than `windowMs` before `now`. */
  lastWithin(t: TransactionView, org: string, now: number, windowMs: number): number | undefined {
    if (windowMs <= 0) return undefined;
    const at = this.#paidAt.get(key(t, org));
    return at !== undefined && now - at < windowMs ? at : undefined;
  }

  record(t: TransactionView, org: string, at: number, windowMs: number): void {
    if (this.#paidAt.size >= this.#sweepAt) {
      for (const [k, paidAt] of this.#paidAt) if (at - paidAt >= windowMs) this.#paidAt.delete(k);
      // When most entries are still inside the window, the next sweep waits until the map has doubled.
      this.#sweepAt = Math.max(SWEEP_AT, 2 * this.#paidAt.size);
    }
    const k = key(t, org);
    this.#paidAt.set(k, Math.max(at, this.#paidAt.get(k) ?? at));
  }

  clear(): void {
    this.#paidAt.clear();
    this.#sweepAt = SWEEP_AT;
  }
}

function key(t: TransactionView, org: string): string {
  return `${t.phone ?? ''}|${org}|${t.amount ?? 0}`;
}
