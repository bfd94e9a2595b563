import type { TransactionType, TransactionView } from 'daraja-client/emulator';
import type { Collection, Store } from '../store/store.js';
import type { EventBus } from '../events/event-bus.js';

/** Every transaction an API started, as the control API and the UI show it. */
export class Transactions {
  readonly #items: Collection<TransactionView>;
  readonly #events: EventBus;
  /** Secondary keys (receipt, conversation ids) to transaction ids. */
  readonly #index = new Map<string, string>();

  constructor(store: Store, events: EventBus, cap = 100_000) {
    this.#items = store.collection<TransactionView>('transactions', { cap });
    this.#events = events;
    for (const t of this.#items.values()) this.#indexKeys(t);
  }

  get(id: string): TransactionView | undefined {
    return this.#items.get(id);
  }

  /** Finds by id, receipt, ConversationID, OriginatorConversationID or MerchantRequestID. */
  find(key: string): TransactionView | undefined {
    return this.#items.get(key) ?? this.#items.get(this.#index.get(key) ?? '');
  }

  put(t: TransactionView): void {
    this.#items.put(t);
    this.#indexKeys(t);
    this.#events.emit({ type: 'transaction', transaction: t });
  }

  values(): IterableIterator<TransactionView> {
    return this.#items.values();
  }

  /** Newest first, filtered. */
  list(filter: {
    type?: TransactionType | string;
    status?: string;
    phone?: string;
    shortcode?: string;
    limit?: number;
  }) {
    const all = [...this.#items.values()];
    const out: TransactionView[] = [];
    const limit = filter.limit ?? 200;
    for (let i = all.length - 1; i >= 0 && out.length < limit; i--) {
      const t = all[i] as TransactionView;
      if (filter.type && t.type !== filter.type) continue;
      if (filter.status && t.status !== filter.status) continue;
      if (filter.phone && t.phone !== filter.phone) continue;
      if (filter.shortcode && t.shortcode !== filter.shortcode) continue;
      out.push(t);
    }
    return out;
  }

  /** Entries in the secondary-key index (for tests of its bound). */
  get indexSize(): number {
    return this.#index.size;
  }

  clearIndex(): void {
    this.#index.clear();
  }

  #indexKeys(t: TransactionView): void {
    // Evicted transactions leave stale keys behind; rebuilding now and then keeps the index bounded.
    if (this.#index.size > 4 * Math.max(1_000, this.#items.size)) {
      this.#index.clear();
      for (const kept of this.#items.values()) if (kept !== t) this.#indexKeys(kept);
    }
    for (const key of [t.receipt, t.conversationId, t.originatorConversationId, t.merchantRequestId]) {
      if (key) this.#index.set(key, t.id);
    }
  }
}
