import type { CustomerView, ShortcodeView } from 'daraja-client/emulator';
import type { Collection, Store } from '../store/store.js';
import type { EventBus } from '../events/event-bus.js';
import type { Clock } from '../time/clock.js';
import type { IdFactory } from '../ids/ids.js';
import { CappedMap } from '../store/capped-map.js';
import { DailyTotals } from './daily-totals.js';
import {
  ORG_SECRET_FIELDS,
  toShillings,
  type CustomerRecord,
  type MovementRecord,
  type OrgRecord,
  type PartyRef,
} from './records.js';

/** The world (where opening balances come from) and the operator (where charges go). */
interface WorldRecord {
  id: 'world' | 'operator';
  cents: number;
}

type MetaParty = { type: 'world' } | { type: 'operator' };
const isMeta = (p: PartyRef): p is MetaParty => p.type === 'world' || p.type === 'operator';

export type TransferResult =
  { ok: true; movement: MovementRecord } | { ok: false; reason: 'insufficient' | 'unknown-party' };

/**
 * The simulated M-Pesa money: customers' wallets and organisations' accounts. Money only moves through
 * `transfer`, so every debit has its credit; opening balances and adjustments come from a "world" account,
 * which makes conservation checkable: the sum of every balance plus the world's is always zero.
 */
export class Ledger {
  readonly customers: Collection<CustomerRecord>;
  readonly orgs: Collection<OrgRecord>;
  readonly movements: Collection<MovementRecord>;
  readonly #meta: Collection<WorldRecord>;
  readonly #events: EventBus;
  readonly #clock: Clock;
  readonly #ids: IdFactory;
  /** The shared object for each organisation account (and the world) that movements name; see #party. */
  readonly #parties = new Map<string, PartyRef>();
  /** What each customer paid and received today, for the daily limit. */
  readonly daily: DailyTotals;
  /**
   * Walk-in customers (see CustomerRecord.walkIn), least recently active first. Every unknown phone would
   * otherwise stay a customer for good: after 50,000 payments from new phones the data file held 50,000
   * customers. Beyond the cap the least recently active is forgotten, its balance going back to the world.
   */
  readonly #walkIns: CappedMap<{ id: string }>;

  constructor(
    store: Store,
    events: EventBus,
    clock: Clock,
    ids: IdFactory,
    movementCap = 200_000,
    walkInCap = Number.POSITIVE_INFINITY,
  ) {
    this.customers = store.collection<CustomerRecord>('customers');
    this.orgs = store.collection<OrgRecord>('shortcodes', { secretFields: ORG_SECRET_FIELDS });
    this.movements = store.collection<MovementRecord>('movements', { cap: movementCap });
    this.#meta = store.collection<WorldRecord>('world');
    this.#events = events;
    this.#clock = clock;
    this.#ids = ids;
    this.daily = new DailyTotals(this.movements, events);
    this.#walkIns = new CappedMap(Number.isFinite(walkInCap) ? { cap: walkInCap } : {});
    this.#findWalkIns();
    // A reset or an imported state replaced the customers.
    events.on(
      (event) => {
        if (event.type === 'reset') this.#findWalkIns();
      },
      ['reset'],
    );
  }

  #findWalkIns(): void {
    this.#walkIns.clear();
    for (const c of this.customers.values()) if (c.walkIn) this.#walkIns.set({ id: c.msisdn });
  }

  customer(msisdn: string): CustomerRecord | undefined {
    return this.customers.get(msisdn);
  }

  org(shortcode: string): OrgRecord | undefined {
    return this.orgs.get(shortcode);
  }

  balanceCents(party: PartyRef): number | undefined {
    if (isMeta(party)) return this.#meta.get(party.type)?.cents ?? 0;
    if (party.type === 'customer') return this.customers.get(party.msisdn)?.balanceCents;
    const org = this.orgs.get(party.shortcode);
    return org ? (org.accounts[party.account] ?? 0) : undefined;
  }

  /** Moves money; refuses when the payer cannot cover it, unless `allowNegative`. */
  transfer(input: {
    from: PartyRef;
    to: PartyRef;
    amountCents: number;
    reason: string;
    transactionId?: string;
    receipt?: string;
    allowNegative?: boolean;
  }): TransferResult {
    const fromBalance = this.balanceCents(input.from);
    const toBalance = this.balanceCents(input.to);
    if (fromBalance === undefined || toBalance === undefined) return { ok: false, reason: 'unknown-party' };
    if (input.from.type !== 'world' && !input.allowNegative && fromBalance < input.amountCents) {
      return { ok: false, reason: 'insufficient' };
    }
    this.#apply(input.from, -input.amountCents);
    this.#apply(input.to, input.amountCents);
    const movement: MovementRecord = {
      id: this.#ids.internalId(),
      at: this.#clock.now(),
      from: this.#party(input.from),
      to: this.#party(input.to),
      amountCents: input.amountCents,
      reason: input.reason,
      ...(input.transactionId ? { transactionId: input.transactionId } : {}),
      ...(input.receipt ? { receipt: input.receipt } : {}),
    };
    this.movements.put(movement);
    this.daily.add(movement);
    return { ok: true, movement };
  }

  /** Sets a balance to an exact amount by moving the difference from or to the world. */
  setBalance(party: Exclude<PartyRef, MetaParty>, cents: number, reason = 'adjustment'): void {
    const current = this.balanceCents(party);
    if (current === undefined || current === cents) return;
    const diff = cents - current;
    this.transfer({
      from: diff > 0 ? { type: 'world' } : party,
      to: diff > 0 ? party : { type: 'world' },
      amountCents: Math.abs(diff),
      reason,
      allowNegative: true,
    });
  }

  /** The sum of every balance, the world's included: zero unless money was created or lost. */
  conservationCents(): number {
    let sum = (this.#meta.get('world')?.cents ?? 0) + (this.#meta.get('operator')?.cents ?? 0);
    for (const c of this.customers.values()) sum += c.balanceCents;
    for (const o of this.orgs.values()) for (const cents of Object.values(o.accounts)) sum += cents;
    return sum;
  }

  putCustomer(record: CustomerRecord): void {
    this.customers.put(record);
    if (this.#events.wants('customer'))
      this.#events.emit({ type: 'customer', customer: customerView(record) });
    if (!record.walkIn) {
      if (this.#walkIns.size > 0) this.#walkIns.delete(record.msisdn);
      return;
    }
    // Most recently active last: a walk-in that keeps paying is not the one forgotten.
    this.#walkIns.delete(record.msisdn);
    for (const msisdn of this.#walkIns.set({ id: record.msisdn })) this.#forget(msisdn);
  }

  /** Walk-in customers known now (see CustomerRecord.walkIn). */
  get walkInCount(): number {
    return this.#walkIns.size;
  }

  /** Drops a walk-in customer; its balance goes back to the world, so money is still conserved. */
  #forget(msisdn: string): void {
    const customer = this.customers.get(msisdn);
    if (!customer?.walkIn) return;
    const world = this.#meta.get('world')?.cents ?? 0;
    this.#meta.put({ id: 'world', cents: world + customer.balanceCents });
    this.customers.delete(msisdn);
  }

  putOrg(record: OrgRecord): void {
    this.orgs.put(record);
    if (this.#events.wants('shortcode'))
      this.#events.emit({ type: 'shortcode', shortcode: shortcodeView(record) });
  }

  /**
   * Movements name the same few organisation accounts over and over: each keeps one shared object instead of
   * a copy of its own (about 50 bytes in every movement of the history). Customers are many, and each is in
   * only a few movements, so theirs are kept as given.
   */
  #party(party: PartyRef): PartyRef {
    if (party.type === 'customer') return party;
    const key = isMeta(party) ? party.type : `${party.shortcode}\n${party.account}`;
    let shared = this.#parties.get(key);
    if (!shared) {
      if (this.#parties.size >= 1_000) this.#parties.clear();
      shared = { ...party };
      this.#parties.set(key, shared);
    }
    return shared;
  }

  #apply(party: PartyRef, delta: number): void {
    if (isMeta(party)) {
      const meta = this.#meta.get(party.type) ?? { id: party.type, cents: 0 };
      this.#meta.put({ id: party.type, cents: meta.cents + delta });
    } else if (party.type === 'customer') {
      const customer = this.customers.get(party.msisdn) as CustomerRecord;
      this.putCustomer({ ...customer, balanceCents: customer.balanceCents + delta });
    } else {
      const org = this.orgs.get(party.shortcode) as OrgRecord;
      const accounts = { ...org.accounts, [party.account]: (org.accounts[party.account] ?? 0) + delta };
      this.putOrg({ ...org, accounts });
    }
  }
}

export function customerView(c: CustomerRecord): CustomerView {
  return {
    msisdn: c.msisdn,
    name: c.name,
    pin: '****',
    testPin: c.pin,
    balance: toShillings(c.balanceCents),
    offline: c.offline,
  };
}

export function shortcodeView(o: OrgRecord): ShortcodeView {
  const accounts: Record<string, number> = {};
  for (const [name, cents] of Object.entries(o.accounts)) accounts[name] = toShillings(cents);
  return {
    shortcode: o.shortcode,
    kind: o.kind,
    name: o.name,
    hasPasskey: !!o.passkey,
    accounts,
    externalValidation: o.externalValidation ?? false,
    ...(o.nominatedNumber ? { nominatedNumber: o.nominatedNumber } : {}),
  };
}
