import type { TransactionFilter, TransactionView } from 'daraja-client/emulator';
import { transactionMatches } from 'daraja-client/emulator';
import { pageNewestFirst, type Page } from '../store/newest-first.js';
import type { Collection, Store } from '../store/store.js';
import type { EventBus } from '../events/event-bus.js';

/** Every transaction an API started, as the control API and the UI show it. */
export class Transactions {
  readonly #items: Collection<TransactionView>;
  readonly #events: EventBus;
  /** Secondary keys (receipt, conversation ids) to transaction ids. */
  readonly #index = new Map<string, string>();
  /** Keys in the index right after it was last rebuilt: all of them belonged to kept transactions. */
  #liveKeys = 0;

  constructor(store: Store, events: EventBus, cap = 100_000) {
    this.#items = store.collection<TransactionView>('transactions', { cap });
    this.#events = events;
    for (const t of this.#items.values()) this.#setKeys(t);
    this.#liveKeys = this.#index.size;
  }

  get(id: string): TransactionView | undefined {
    return this.#items.get(id);
  }

  /** Finds by id, receipt, ConversationID, OriginatorConversationID or MerchantRequestID. */
  find(key: string): TransactionView | undefined {
    return this.#items.get(key) ?? this.#items.get(this.#index.get(key) ?? '');
  }

  put(t: TransactionView): void {
    const before = this.#items.get(t.id);
    this.#items.put(t);
    this.#indexKeys(t, before);
    this.#events.emit({ type: 'transaction', transaction: t });
  }

  values(): IterableIterator<TransactionView> {
    return this.#items.values();
  }

  /** Newest first, filtered. */
  list(filter: TransactionFilter = {}): TransactionView[] {
    return this.page(filter).items;
  }

  /** One page, newest first, of the transactions that pass the filter, with their count. */
  page(filter: TransactionFilter = {}): Page<TransactionView> {
    return pageNewestFirst(this.#items.values(), (t) => transactionMatches(t, filter), filter);
  }

  /** Entries in the secondary-key index (for tests of its bound). */
  get indexSize(): number {
    return this.#index.size;
  }

  clearIndex(): void {
    this.#index.clear();
    this.#liveKeys = 0;
  }

  /** A transaction put again indexes only the keys it did not have: the others point to it already. */
  #indexKeys(t: TransactionView, before: TransactionView | undefined): void {
    this.#setKeys(t, before);
    this.#rebuildWhenStale();
  }

  #setKeys(t: TransactionView, before?: TransactionView): void {
    if (t.receipt && t.receipt !== before?.receipt) this.#index.set(t.receipt, t.id);
    if (t.conversationId && t.conversationId !== before?.conversationId)
      this.#index.set(t.conversationId, t.id);
    if (t.originatorConversationId && t.originatorConversationId !== before?.originatorConversationId)
      this.#index.set(t.originatorConversationId, t.id);
    if (t.merchantRequestId && t.merchantRequestId !== before?.merchantRequestId)
      this.#index.set(t.merchantRequestId, t.id);
  }

  /**
   * Evicted transactions leave their keys behind: once the index holds twice as many keys as the kept
   * transactions had at the last rebuild (or twice the history, whichever is more), it is rebuilt from what
   * is kept. Transactions have one to four keys, so the bound follows what they really have, and the next
   * rebuild is always at least a history's worth of writes away. A sweep on every write cost more: a map
   * iterated from its start walks past every entry deleted since it was last rehashed.
   */
  #rebuildWhenStale(): void {
    if (this.#index.size <= 2 * Math.max(this.#liveKeys, this.#items.size) + 1_000) return;
    this.#index.clear();
    for (const kept of this.#items.values()) this.#setKeys(kept);
    this.#liveKeys = this.#index.size;
  }
}
