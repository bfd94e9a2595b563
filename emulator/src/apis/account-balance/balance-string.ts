import type { OrgRecord } from '../../ledger/records.js';

/** The accounts Daraja lists for a paybill or B2C shortcode, in the documented order. */
const ORGANISATION_ACCOUNTS = [
  'Working Account',
  'Float Account',
  'Utility Account',
  'Charges Paid Account',
  'Organization Settlement Account',
];

/** A till's own account comes first; the rest is the emulator's choice (Daraja's till listing is undocumented). */
const TILL_ACCOUNTS = ['Merchant Account', 'Charges Paid Account', 'Organization Settlement Account'];

/** `1234.50`, `-1540.00`: two decimals from cents, without float noise. */
export function amountText(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.round(cents));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** `<name>|KES|<current>|<available>|<reserved>|<uncleared>`; nothing is ever reserved or uncleared here. */
export function accountLine(name: string, cents: number): string {
  const amount = amountText(cents);
  return `${name}|KES|${amount}|${amount}|0.00|0.00`;
}

/**
 * Daraja's `AccountBalance` value: accounts joined by `&`, the standard ones first (zero when the ledger has
 * none), then any other account the shortcode holds.
 */
export function balanceString(org: OrgRecord): string {
  const standard = org.kind === 'till' ? TILL_ACCOUNTS : ORGANISATION_ACCOUNTS;
  const extra = Object.keys(org.accounts).filter((name) => !standard.includes(name));
  return [...standard, ...extra].map((name) => accountLine(name, org.accounts[name] ?? 0)).join('&');
}
