import type { JournalEntry } from 'daraja-client/emulator';
import type { Collection, Store } from '../store/store.js';
import type { EventBus } from '../events/event-bus.js';

/** Every Daraja request with its answer and, for rejections, why. Capped: the oldest entries go first. */
export class Journal {
  readonly #items: Collection<JournalEntry>;

  constructor(
    store: Store,
    private readonly events: EventBus,
    cap = 10_000,
  ) {
    this.#items = store.collection<JournalEntry>('journal', { cap });
  }

  record(entry: JournalEntry): void {
    this.#items.put(entry);
    this.events.emit({ type: 'journal', entry });
  }

  /**
   * Adds a note to the entry of the request that started a transaction, for outcomes decided after its
   * answer (an STK prompt the customer answers later).
   */
  explain(transactionId: string, note: string): void {
    const [entry] = this.list({ transactionId, limit: 1 });
    if (entry) this.record({ ...entry, explanation: [...entry.explanation, note] });
  }

  get(id: string): JournalEntry | undefined {
    return this.#items.get(id);
  }

  /** Newest first. */
  list(
    filter: { api?: string; status?: number; transactionId?: string; limit?: number } = {},
  ): JournalEntry[] {
    const all = [...this.#items.values()];
    const out: JournalEntry[] = [];
    for (let i = all.length - 1; i >= 0 && out.length < (filter.limit ?? 200); i--) {
      const e = all[i] as JournalEntry;
      if (filter.api && e.api !== filter.api) continue;
      if (filter.status && e.status !== filter.status) continue;
      if (filter.transactionId && e.transactionId !== filter.transactionId) continue;
      out.push(e);
    }
    return out;
  }
}
