import type { CustomerConfig, ShortcodeConfig, WorldConfig } from 'daraja-client/emulator';
import type { Ledger } from './ledger.js';
import { toCents } from './records.js';

/** Puts the configured customers and shortcodes into the ledger, opening balances drawn from the world. */
export function seedWorld(ledger: Ledger, world: WorldConfig): void {
  for (const shortcode of world.shortcodes) addShortcode(ledger, shortcode);
  for (const customer of world.customers) addCustomer(ledger, customer);
}

/**
 * Adds (or configures again) a customer. `walkIn`: a phone the emulator had not seen, added on the fly by
 * a payment; such customers are capped (history.customers) and the least recently active are forgotten.
 */
export function addCustomer(ledger: Ledger, c: CustomerConfig, options: { walkIn?: boolean } = {}): void {
  const existing = ledger.customer(c.msisdn);
  ledger.putCustomer({
    id: c.msisdn,
    msisdn: c.msisdn,
    name: c.name,
    pin: c.pin,
    balanceCents: existing?.balanceCents ?? 0,
    offline: existing?.offline ?? false,
    ...(options.walkIn ? { walkIn: true as const } : {}),
  });
  ledger.setBalance({ type: 'customer', msisdn: c.msisdn }, toCents(c.balance), 'opening balance');
}

export function addShortcode(ledger: Ledger, s: ShortcodeConfig): void {
  const existing = ledger.org(s.shortcode);
  ledger.putOrg({
    id: s.shortcode,
    shortcode: s.shortcode,
    kind: s.kind,
    name: s.name,
    ...(s.passkey ? { passkey: s.passkey } : {}),
    ...(s.externalValidation ? { externalValidation: true } : {}),
    ...(s.nominatedNumber ? { nominatedNumber: String(s.nominatedNumber) } : {}),
    accounts: existing?.accounts ?? {},
    initiators: (s.initiators ?? []).map((i) => ({
      name: i.name,
      password: i.password,
      failures: 0,
      locked: false,
    })),
  });
  for (const [account, balance] of Object.entries(s.balances ?? {})) {
    ledger.setBalance({ type: 'org', shortcode: s.shortcode, account }, toCents(balance), 'opening balance');
  }
}
