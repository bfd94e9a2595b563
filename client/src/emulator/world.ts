/** The simulated M-Pesa world: apps, businesses and customers. Amounts are in shillings. */
import type * as v from 'valibot';
import type {
  appConfigSchema,
  customerConfigSchema,
  SHORTCODE_KINDS,
  shortcodeConfigSchema,
  worldConfigSchema,
} from './world-schema.js';

export * from './world-schema.js';

/** A Daraja app (consumer key and secret). */
export type AppConfig = v.InferOutput<typeof appConfigSchema>;

export type ShortcodeKind = (typeof SHORTCODE_KINDS)[number];

/** An organisation's shortcode. */
export type ShortcodeConfig = v.InferOutput<typeof shortcodeConfigSchema>;

/** A customer with an M-Pesa wallet. */
export type CustomerConfig = v.InferOutput<typeof customerConfigSchema>;

export type WorldConfig = v.InferOutput<typeof worldConfigSchema>;

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
