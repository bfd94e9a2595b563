import type { SmsView } from 'daraja-client/emulator';
import type { Collection, Store } from '../store/store.js';
import type { EventBus } from '../events/event-bus.js';
import type { Clock } from '../time/clock.js';
import type { IdFactory } from '../ids/ids.js';
import { flatText } from '../ids/flat-text.js';

/** The M-Pesa SMS each phone receives. */
export class Messages {
  readonly #items: Collection<SmsView>;

  constructor(
    store: Store,
    private readonly events: EventBus,
    private readonly clock: Clock,
    private readonly ids: IdFactory,
    cap = 20_000,
  ) {
    this.#items = store.collection<SmsView>('messages', { cap });
  }

  send(msisdn: string, text: string, transactionId?: string): SmsView {
    const sms: SmsView = {
      id: this.ids.internalId(),
      msisdn,
      at: this.clock.now(),
      text: flatText(text),
      ...(transactionId ? { transactionId } : {}),
    };
    this.#items.put(sms);
    this.events.emit({ type: 'sms', sms });
    return sms;
  }

  /** Newest first. */
  for(msisdn: string, limit = 100): SmsView[] {
    return [...this.#items.values()]
      .filter((m) => m.msisdn === msisdn)
      .reverse()
      .slice(0, limit);
  }
}
