import { INITIATOR_APIS } from './settings/initiator.js';
/** What the control API reports about transactions, callback deliveries and the request journal. */

/** Every kind of transaction the emulator records, in the order lists and filters show them. */
export const TRANSACTION_TYPES = [
  'stk',
  'c2b',
  // Each initiator API's requests are transactions of its own type.
  ...INITIATOR_APIS,
  'b2b-express-checkout',
  'dynamic-qr',
  /** M-Pesa Ratiba: the customer's approval of a standing order (pending while the prompt is open). */
  'standing-order',
  /** M-Pesa Ratiba: one scheduled debit of an approved standing order. */
  'standing-order-debit',
] as const;
export type TransactionType = (typeof TRANSACTION_TYPES)[number];

export const TRANSACTION_STATUSES = ['pending', 'completed', 'failed', 'reversed'] as const;
export type TransactionStatus = (typeof TRANSACTION_STATUSES)[number];

/** Who or what decided a transaction's outcome. */
export interface Decision {
  at: number;
  by: 'phone' | 'control' | 'auto' | 'timeout' | 'rule';
  resultCode: number | string;
  resultDesc: string;
}

export interface TransactionView {
  id: string;
  type: TransactionType;
  status: TransactionStatus;
  createdAt: number;
  updatedAt: number;
  appId?: string;
  shortcode: string;
  phone?: string;
  /** Shillings. */
  amount?: number;
  receipt?: string;
  resultCode?: number | string;
  resultDesc?: string;
  accountReference?: string;
  description?: string;
  /** STK and B2B PartyB: the paybill, till or shortcode credited. */
  partyB?: string;
  merchantRequestId?: string;
  conversationId?: string;
  originatorConversationId?: string;
  callbackUrl?: string;
  /** When a pending prompt times out. */
  expiresAt?: number;
  /** Reversal: the receipt of the payment it reversed. */
  originalTransactionId?: string;
  /** A reversed payment: the receipt of its reversal. */
  reversedBy?: string;
  /** The Daraja request as received, with secrets masked. */
  request: unknown;
  /** The synchronous answer. */
  response: unknown;
  decision?: Decision;
  /** Ids of the callback deliveries for this transaction. */
  deliveries: string[];
  /** Names of fault rules (or `magic:<phone>`) that decided this transaction's outcome. */
  rules?: string[];
  /**
   * STK: the prompt never reached the phone (it was offline, or an outcome made it unreachable). It cannot
   * be answered; it ends with Daraja's 1037 "DS timeout user cannot be reached" at the PIN timeout.
   */
  unreachable?: true;
}

export type DeliveryKind =
  | 'stk-callback'
  | 'result'
  | 'queue-timeout'
  | 'c2b-validation'
  | 'c2b-confirmation'
  | 'express-checkout-callback'
  | 'ratiba-callback'
  | 'bill-payment';

export type DeliveryStatus = 'scheduled' | 'delivering' | 'delivered' | 'failed' | 'cancelled';

export interface DeliveryAttempt {
  at: number;
  durationMs: number;
  status?: number;
  responseBody?: string;
  error?: string;
}

export interface DeliveryView {
  id: string;
  transactionId?: string;
  kind: DeliveryKind;
  url: string;
  body: unknown;
  dueAt: number;
  status: DeliveryStatus;
  attempts: DeliveryAttempt[];
  /** Names of fault rules that changed this delivery (dropped, delayed, duplicated, rewritten). */
  rules?: string[];
  /**
   * Grows with every change of the delivery (scheduled, delivering, each attempt): of two views of one
   * delivery, the one with the higher revision is the newer, whichever arrived last.
   */
  revision?: number;
}

export interface JournalEntry {
  id: string;
  at: number;
  method: string;
  path: string;
  /** The Daraja API the path belongs to, when it is one. */
  api?: string;
  appId?: string;
  status: number;
  /** Request body with secrets masked. */
  requestBody: unknown;
  responseBody: unknown;
  /** Plain-English reasons a request was rejected, or notes about what was not checked. */
  explanation: string[];
  transactionId?: string;
  /** Names of fault rules that changed this exchange. */
  rules?: string[];
  durationMs: number;
}
