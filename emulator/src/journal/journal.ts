import type { JournalEntry, JournalFilter } from 'daraja-client/emulator';
import { matchesText } from 'daraja-client/emulator';
import { newestMatch, pageNewestFirst, type Page } from '../store/newest-first.js';
import type { Collection, Store } from '../store/store.js';
import type { EventBus } from '../events/event-bus.js';
import { flatText } from '../ids/flat-text.js';

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
    // Explanations are built from templates and kept for the journal's life: kept as flat strings.
    this.#put(
      entry.explanation.length > 0 ? { ...entry, explanation: entry.explanation.map(flatText) } : entry,
    );
  }

  #put(entry: JournalEntry): void {
    this.#items.put(entry);
    this.events.emit({ type: 'journal', entry });
  }

  /**
   * Adds a note to the entry of the request that started a transaction, for outcomes decided after its
   * answer (an STK prompt the customer answers later).
   */
  explain(transactionId: string, note: string): void {
    const entry = newestMatch(this.#items.values(), (e) => e.transactionId === transactionId);
    if (entry) this.#put({ ...entry, explanation: [...entry.explanation, flatText(note)] });
  }

  get(id: string): JournalEntry | undefined {
    return this.#items.get(id);
  }

  /** Newest first. */
  list(filter: JournalFilter = {}): JournalEntry[] {
    return this.page(filter).items;
  }

  /** One page, newest first, of the entries that pass the filter, with their count. */
  page(filter: JournalFilter = {}): Page<JournalEntry> {
    const { api, status, rejected, transactionId, q } = filter;
    return pageNewestFirst(
      this.#items.values(),
      (e) =>
        (!api || e.api === api) &&
        (!status || e.status === status) &&
        (!rejected || e.status >= 400) &&
        (!transactionId || e.transactionId === transactionId) &&
        // The body is turned into text only when there is something to look for in it.
        (!q?.trim() || matchesText(q, [e.id, e.path, e.api, e.transactionId, searchText(e.requestBody)])),
      filter,
    );
  }
}

/** The request body as text, so that an id an app sent (a CheckoutRequestID in a query) can be found. */
function searchText(body: unknown): string | undefined {
  if (body === undefined || body === null) return undefined;
  return typeof body === 'string' ? body : JSON.stringify(body);
}
