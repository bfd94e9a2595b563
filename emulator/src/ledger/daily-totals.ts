import type { Collection } from '../store/store.js';
import type { EventBus } from '../events/event-bus.js';
import type { MovementRecord, PartyRef } from './records.js';

const DAY_MS = 86_400_000;
const EAT_OFFSET_MS = 3 * 3_600_000;

/** The East Africa Time day a time falls on, as a day number. */
export const eatDay = (ms: number): number => Math.floor((ms + EAT_OFFSET_MS) / DAY_MS);

/** Payments count; opening balances, adjustments and charges do not. */
const isPayment = (m: MovementRecord) =>
  m.from.type !== 'world' && m.to.type !== 'world' && m.from.type !== 'operator' && m.to.type !== 'operator';

const customerOf = (p: PartyRef) => (p.type === 'customer' ? p.msisdn : undefined);

/**
 * What each customer has paid and received today (East Africa Time), for the daily limit (SPEC 15: result
 * 4). Kept as running sums for the current day; rebuilt from the movement history when the day changes,
 * after a restart and after a reset, so a payment never scans the history.
 */
export class DailyTotals {
  #day = -1;
  #built = false;
  readonly #cents = new Map<string, number>();

  constructor(
    private readonly movements: Collection<MovementRecord>,
    events: EventBus,
  ) {
    events.on(
      (event) => {
        if (event.type === 'reset') this.#built = false;
      },
      ['reset'],
    );
  }

  /** Cents the customer paid or received on the day of `now`. */
  cents(msisdn: string, now: number): number {
    this.#ensure(eatDay(now));
    return this.#cents.get(msisdn) ?? 0;
  }

  /** Counts a new movement (the ledger calls this for every transfer). */
  add(m: MovementRecord): void {
    if (!this.#built || eatDay(m.at) !== this.#day) return; // counted when that day is rebuilt
    this.#count(m);
  }

  #ensure(day: number): void {
    if (this.#built && day === this.#day) return;
    this.#cents.clear();
    this.#day = day;
    this.#built = true;
    for (const m of this.movements.values()) if (eatDay(m.at) === day) this.#count(m);
  }

  #count(m: MovementRecord): void {
    if (!isPayment(m)) return;
    for (const msisdn of [customerOf(m.from), customerOf(m.to)]) {
      if (msisdn !== undefined) this.#cents.set(msisdn, (this.#cents.get(msisdn) ?? 0) + m.amountCents);
    }
  }
}
