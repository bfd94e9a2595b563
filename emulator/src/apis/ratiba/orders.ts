import type { StandingOrderView } from 'daraja-client/emulator';
import type { Collection, Store } from '../../store/store.js';

/** The ids a Ratiba callback carries in its header. */
export interface OrderRefs {
  /** The synchronous answer's `responseRefID`. */
  responseRefId: string;
  /** The app's `CustomStoId`, or the `responseRefID` when it sent none. */
  requestRefId: string;
}

export type StoredOrder = StandingOrderView & { requestRefId: string };

/** Debit receipts kept on an order (the transactions list has them all). */
const KEPT_DEBITS = 50;

/** The standing orders, kept in the store so that schedules survive a restart. */
export class StandingOrders {
  readonly #items: Collection<StoredOrder>;

  constructor(store: Store) {
    this.#items = store.collection<StoredOrder>('ratiba-orders', { cap: 100_000 });
  }

  get(id: string): StoredOrder | undefined {
    return this.#items.get(id);
  }

  put(order: StoredOrder): void {
    this.#items.put(order);
  }

  values(): StoredOrder[] {
    return [...this.#items.values()];
  }

  /** Newest first, optionally one customer's or in one status. */
  list(filter: { phone?: string; status?: string } = {}): StandingOrderView[] {
    return this.values()
      .filter(
        (o) => (!filter.phone || o.msisdn === filter.phone) && (!filter.status || o.status === filter.status),
      )
      .sort((a, b) => b.createdAt - a.createdAt)
      .map(view);
  }

  /** The order a customer approves or not, by its approval transaction. */
  byTransaction(transactionId: string): StoredOrder | undefined {
    return this.values().find((o) => o.transactionId === transactionId);
  }

  /** A live order of this customer with this name (Ratiba refuses a second one with 1050). */
  sameName(msisdn: string, name: string): StoredOrder | undefined {
    const wanted = name.toLowerCase();
    return this.values().find(
      (o) => o.msisdn === msisdn && o.name.toLowerCase() === wanted && o.status === 'active',
    );
  }

  static withDebit(order: StoredOrder, receipt: string): string[] {
    return [...order.debits, receipt].slice(-KEPT_DEBITS);
  }
}

export function refsOf(order: StoredOrder): OrderRefs {
  return { responseRefId: order.transactionId, requestRefId: order.requestRefId };
}

export function view(order: StoredOrder): StandingOrderView {
  const { requestRefId: _ignored, ...rest } = order;
  return rest;
}
