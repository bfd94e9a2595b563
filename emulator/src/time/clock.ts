/** Where every service reads the time. Milliseconds since the epoch, like Date.now(). */
export interface Clock {
  readonly kind: 'system' | 'manual';
  now(): number;
}

/** The wall clock. */
export class SystemClock implements Clock {
  readonly kind = 'system' as const;
  now(): number {
    // eslint-disable-next-line no-restricted-syntax -- the one place the real time is read
    return Date.now();
  }
}

/** A clock that moves only when told to: virtual time for tests and CI. */
export class ManualClock implements Clock {
  readonly kind = 'manual' as const;
  #now: number;

  constructor(start: number | Date = Date.UTC(2026, 0, 1, 9, 0, 0)) {
    this.#now = typeof start === 'number' ? start : start.getTime();
  }

  now(): number {
    return this.#now;
  }

  /** Moves the clock to `ms`; it never moves backwards. */
  set(ms: number): void {
    if (ms > this.#now) this.#now = ms;
  }
}
