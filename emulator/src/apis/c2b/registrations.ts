import type { C2bRegistrationView, C2bVersion } from 'daraja-client/emulator';
import type { C2BResponseType } from 'daraja-client/wire';
import type { Collection, Store } from '../../store/store.js';

/** One shortcode's registered C2B URLs; the latest registration replaces the previous one. */
export interface RegistrationRecord {
  id: string;
  shortcode: string;
  responseType: C2BResponseType;
  confirmationUrl: string;
  validationUrl?: string;
  version: C2bVersion;
  registeredAt: number;
  appId?: string;
}

/** The C2B URL registrations, kept in the store so that they survive a restart. */
export class Registrations {
  readonly #items: Collection<RegistrationRecord>;

  constructor(store: Store) {
    this.#items = store.collection<RegistrationRecord>('c2b-registrations');
  }

  get(shortcode: string): RegistrationRecord | undefined {
    return this.#items.get(shortcode);
  }

  put(record: RegistrationRecord): void {
    this.#items.put(record);
  }

  /** Forgets a shortcode's URLs, as the portal's URL Management page does; false when there were none. */
  delete(shortcode: string): boolean {
    if (!this.#items.get(shortcode)) return false;
    this.#items.delete(shortcode);
    return true;
  }

  list(): C2bRegistrationView[] {
    return [...this.#items.values()].map(registrationView);
  }
}

export function registrationView(r: RegistrationRecord): C2bRegistrationView {
  return {
    shortcode: r.shortcode,
    responseType: r.responseType,
    confirmationUrl: r.confirmationUrl,
    ...(r.validationUrl ? { validationUrl: r.validationUrl } : {}),
    version: r.version,
    registeredAt: r.registeredAt,
  };
}
