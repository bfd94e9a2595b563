/** Settings of the initiator APIs (B2C, B2Pochi, Transaction Status, Account Balance, Reversal, B2B, tax remittance). */

/** The initiator APIs, as named in outcome keys, journal entries and transactions. */
export const INITIATOR_APIS = [
  'b2c',
  'b2pochi',
  'transaction-status',
  'account-balance',
  'reversal',
  'b2b',
  'tax-remittance',
] as const;
export type InitiatorApi = (typeof INITIATOR_APIS)[number];

/** Named outcomes that can be forced on an initiator request instead of processing it normally. */
export const INITIATOR_OUTCOMES = [
  'normal',
  'initiator-invalid',
  'credential-locked',
  'insufficient-funds',
  'unknown-receipt',
  'already-reversed',
  'duplicate',
  'system-busy',
  'internal-error',
  'not-permitted',
  'queue-timeout',
] as const;

/**
 * A forced outcome: a name above, or any result code (a number such as 2040, or an upper-case code such as
 * "R000001" or "SFC_IC0003"). `queue-timeout` sends the queue-timeout notification instead of a Result.
 */
export type InitiatorOutcome = (typeof INITIATOR_OUTCOMES)[number] | number | string;

export interface InitiatorSettings {
  /** Delay between the acknowledgement and the Result callback. */
  resultDelayMs: number;
  /** Delay before the notification to QueueTimeOutURL when a request times out in the queue. */
  queueTimeoutDelayMs: number;
  /** Result code and text of the queue-timeout notification (its payload is undocumented). */
  queueTimeoutCode: number | string;
  queueTimeoutDesc: string;
  /**
   * Forced outcomes keyed by `<api>:<shortcode>`, `<api>`, `*:<shortcode>` or `*` (most specific wins),
   * e.g. `{ "b2c": "insufficient-funds", "reversal:600984": "R000001" }`.
   */
  outcomes: Record<string, InitiatorOutcome>;
  /** Daraja's XML-to-JSON artefact: a one-element ResultParameter / ReferenceItem list is sent as an object. */
  singleItemAsObject: boolean;
}

export interface SecuritySettings {
  /**
   * `lenient`: any SecurityCredential shaped like base64 of 256 bytes (344 characters) is accepted without
   * decryption; `strict`: it is decrypted with the emulator's private key and compared with the initiator's
   * password.
   */
  credentialCheck: 'lenient' | 'strict';
  /** Consecutive wrong credentials (strict mode) after which the initiator locks (result 8006); 0 never locks. */
  lockAfterFailures: number;
  /** PEM files of the emulator's certificate and private key; empty = generated (and kept beside the data file). */
  certificatePath: string;
  privateKeyPath: string;
}

export interface B2CSettings {
  /** A reused v3/B2Pochi OriginatorConversationID: `reject` (500.002.1001) or `accept` (the first ack again, no second payment). */
  duplicateOriginatorConversationId: 'reject' | 'accept';
  /** ResultParameter order: `current` (2024 docs) or `2017` (read by index by Safaricom's PHP SDK). */
  resultKeyOrder: 'current' | '2017';
  /** Smallest and largest amounts; outside them the result is 2 or 3. */
  minAmount: number;
  maxAmount: number;
  /** Flat charge per payment, debited from the Charges Paid Account (which may go negative, as on Daraja). */
  chargeKsh: number;
}
