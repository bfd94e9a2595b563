/**
 * Deliveries that are due but wait for a free slot (callbacks.maxInFlight are in flight), first come first
 * served, and the callers waiting for it to shrink (the gateway holds new Daraja requests while the backlog
 * is over its limit).
 */
export class DueQueue {
  readonly #ids: string[] = [];
  #waiters: { limit: number; resolve: () => void }[] = [];

  get length(): number {
    return this.#ids.length;
  }

  push(id: string): void {
    this.#ids.push(id);
  }

  /** The next delivery to send, if any; wakes the callers whose limit it now meets. */
  shift(): string | undefined {
    const id = this.#ids.shift();
    this.#wake();
    return id;
  }

  /** Forgets every waiting delivery (a reset, a stop); wakes every caller. */
  clear(): void {
    this.#ids.length = 0;
    this.#wake();
  }

  /** Resolves once fewer than `limit` deliveries wait. */
  async below(limit: number): Promise<void> {
    while (this.#ids.length >= limit) {
      await new Promise<void>((resolve) => this.#waiters.push({ limit, resolve }));
    }
  }

  #wake(): void {
    if (this.#waiters.length === 0) return;
    const ready = this.#waiters.filter((w) => this.#ids.length < w.limit);
    this.#waiters = this.#waiters.filter((w) => this.#ids.length >= w.limit);
    for (const w of ready) w.resolve();
  }
}
