/** The simulated M-Pesa world: apps, businesses and customers. Amounts are in shillings. */

/** A Daraja app (consumer key and secret). */
export interface AppConfig {
  name: string;
  consumerKey: string;
  consumerSecret: string;
}

export type ShortcodeKind = 'paybill' | 'till' | 'b2c';

/** An organisation's shortcode. */
export interface ShortcodeConfig {
  shortcode: string;
  kind: ShortcodeKind;
  name: string;
  /** Lipa na M-Pesa Online passkey; STK push needs one. */
  passkey?: string;
  /** Opening balances per account, in shillings (e.g. `{ "Utility Account": 100000 }`). */
  balances?: Record<string, number>;
  /** API operators allowed to initiate requests for this shortcode. */
  initiators?: { name: string; password: string }[];
  /** C2B: Safaricom enabled external validation, so payments are first sent to the ValidationURL. Off by default. */
  externalValidation?: boolean;
  /**
   * Till: the phone of the operator who gets B2B Express Checkout prompts (the till's nominated number on
   * the M-Pesa org portal), `2547…`.
   */
  nominatedNumber?: string;
}

/** A customer with an M-Pesa wallet. */
export interface CustomerConfig {
  msisdn: string;
  name: string;
  pin: string;
  balance: number;
}

export interface WorldConfig {
  apps: AppConfig[];
  shortcodes: ShortcodeConfig[];
  customers: CustomerConfig[];
}

/** A customer as the control API shows it (the PIN is masked). */
export interface CustomerView {
  msisdn: string;
  name: string;
  pin: string;
  /** The test customer's PIN in clear, shown on the simulated phone so that a person can type it. */
  testPin?: string;
  balance: number;
  offline: boolean;
}

export interface ShortcodeView {
  shortcode: string;
  kind: ShortcodeKind;
  name: string;
  hasPasskey: boolean;
  /** Shillings per account. */
  accounts: Record<string, number>;
  /** C2B: payments go to the registered ValidationURL first (Safaricom switches this on request). */
  externalValidation: boolean;
  /** Till: the phone that gets B2B Express Checkout prompts. */
  nominatedNumber?: string;
}

/** An M-Pesa SMS shown on a phone. */
export interface SmsView {
  id: string;
  msisdn: string;
  at: number;
  text: string;
  transactionId?: string;
}
