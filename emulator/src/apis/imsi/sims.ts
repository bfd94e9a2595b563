import { createHash } from 'node:crypto';
import type { SimView } from 'daraja-client/emulator';
import type { Collection, Store } from '../../store/store.js';
import type { Clock } from '../../time/clock.js';

interface SimRecord {
  /** The MSISDN. */
  id: string;
  registeredAt: number;
  lastSwapAt?: number;
  swaps: number;
}

/** A line nobody described yet counts as established: registered this long before it was first looked at. */
const ESTABLISHED_MS = 2 * 365 * 24 * 3600_000;

/**
 * The SIM behind each phone number: registration date, swaps and the hashed IMSI that follows from them.
 * A number gets its record the first time it is looked at or changed; reset forgets them all.
 */
export class Sims {
  readonly #records: Collection<SimRecord>;

  constructor(
    store: Store,
    private readonly clock: Clock,
  ) {
    this.#records = store.collection<SimRecord>('sims');
  }

  view(msisdn: string): SimView {
    const r = this.#record(msisdn);
    return {
      msisdn,
      registeredAt: r.registeredAt,
      ...(r.lastSwapAt !== undefined ? { lastSwapAt: r.lastSwapAt } : {}),
      swaps: r.swaps,
      imsi: hashedImsi(msisdn, r.swaps),
    };
  }

  /** The customer swapped the SIM now: a new IMSI, and the swap date is today. */
  swapNow(msisdn: string): SimView {
    const r = this.#record(msisdn);
    this.#records.put({ ...r, lastSwapAt: this.clock.now(), swaps: r.swaps + 1 });
    return this.view(msisdn);
  }

  /** Sets the dates as given (a swap date set here counts as one more swap when the line had none later). */
  update(msisdn: string, change: { registeredAt?: number; lastSwapAt?: number | null }): SimView {
    const r = this.#record(msisdn);
    const next: SimRecord = { ...r };
    if (change.registeredAt !== undefined) next.registeredAt = change.registeredAt;
    if (change.lastSwapAt === null) delete next.lastSwapAt;
    else if (change.lastSwapAt !== undefined) {
      next.lastSwapAt = change.lastSwapAt;
      if (r.lastSwapAt === undefined || change.lastSwapAt > r.lastSwapAt) next.swaps = r.swaps + 1;
    }
    this.#records.put(next);
    return this.view(msisdn);
  }

  #record(msisdn: string): SimRecord {
    const found = this.#records.get(msisdn);
    if (found) return found;
    const created: SimRecord = { id: msisdn, registeredAt: this.clock.now() - ESTABLISHED_MS, swaps: 0 };
    this.#records.put(created);
    return created;
  }
}

/**
 * A 16-digit stand-in for the hashed IMSI (the portal's examples have 16 digits): derived from the number
 * and its swap count, so it stays the same until the SIM is swapped.
 */
function hashedImsi(msisdn: string, swaps: number): string {
  const digest = createHash('sha256').update(`${msisdn}#${swaps}`).digest();
  let digits = '';
  for (const byte of digest) {
    digits += String(byte % 10);
    if (digits.length === 16) break;
  }
  return digits.startsWith('0') ? `9${digits.slice(1)}` : digits;
}
