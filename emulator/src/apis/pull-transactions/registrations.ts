import type { Collection, Store } from '../../store/store.js';

/** A shortcode registered for Pull Transactions (once per shortcode). */
export interface PullRegistrationRecord {
  id: string;
  shortcode: string;
  nominatedNumber: string;
  callbackUrl: string;
  registeredAt: number;
  responseRefId: string;
  appId?: string;
}

/** Pull registrations, kept in the store so that they survive a restart (and go on reset). */
export class PullRegistrations {
  readonly #items: Collection<PullRegistrationRecord>;

  constructor(store: Store) {
    this.#items = store.collection<PullRegistrationRecord>('pull-registrations');
  }

  get(shortcode: string): PullRegistrationRecord | undefined {
    return this.#items.get(shortcode);
  }

  put(record: PullRegistrationRecord): void {
    this.#items.put(record);
  }

  list(): PullRegistrationRecord[] {
    return [...this.#items.values()];
  }
}
