import type { Ledger } from './ledger.js';
import { addCustomer } from './seed.js';

/** The opening wallet of a phone number the emulator has not seen before. */
export const WALK_IN = { name: 'M-PESA Customer', pin: '1234', balance: 10_000 } as const;

/** `10,000`: written without Intl, which is costly to load. */
const OPENING_BALANCE = String(WALK_IN.balance).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/**
 * Adds a phone the emulator had not seen as a walk-in customer (capped by history.customers) and returns
 * the journal's note about it; a known customer is left as it is (undefined).
 */
export function admitWalkIn(ledger: Ledger, msisdn: string, name: string = WALK_IN.name): string | undefined {
  if (ledger.customer(msisdn)) return undefined;
  addCustomer(ledger, { msisdn, name, pin: WALK_IN.pin, balance: WALK_IN.balance }, { walkIn: true });
  return `${msisdn} was not a known customer; the emulator added it with PIN ${WALK_IN.pin} and Ksh ${OPENING_BALANCE}.`;
}
