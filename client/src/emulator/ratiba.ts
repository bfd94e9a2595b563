import type { RatibaFrequency } from '../wire/ratiba.js';

/** Where a standing order stands. */
export type StandingOrderStatus =
  /** The approval prompt is on the customer's phone. */
  | 'awaiting-approval'
  /** Approved: debits run on schedule. */
  | 'active'
  /** Not created: declined, timed out, wrong PIN or refused (the callback says which). */
  | 'not-created'
  /** Stopped by the customer from the phone. */
  | 'stopped'
  /** The last execution has run (EndDate reached, or a one-off order paid). */
  | 'ended';

/** A standing order as the control API reports it (`GET /_emulator/ratiba/orders`). */
export interface StandingOrderView {
  /** Ratiba's `reminderScheduleId` (also its `TransactionID` in the success callback). */
  id: string;
  /** The id of the approval transaction (type `standing-order`), also the answer's `responseRefID`. */
  transactionId: string;
  name: string;
  msisdn: string;
  shortcode: string;
  kind: 'paybill' | 'till';
  /** Shillings per execution. */
  amount: number;
  accountReference: string;
  description: string;
  frequency: RatibaFrequency;
  /** `Frequency` as the app sent it. */
  frequencyCode: string;
  startDate: string;
  endDate: string;
  callbackUrl: string;
  status: StandingOrderStatus;
  createdAt: number;
  appId?: string;
  /** When the next debit is due (active orders). */
  nextAt?: number;
  /** Index of the next execution, counting from the StartDate. */
  nextIndex: number;
  /** Receipts of the debits that went through, oldest first (the last 50). */
  debits: string[];
  paidCount: number;
  failedCount: number;
}

/** The control API's Ratiba routes: acting as the customer on the approval prompt and on active orders. */
export const RatibaControlPaths = {
  orders: '/_emulator/ratiba/orders',
  accept: (transactionId: string) => `/_emulator/ratiba/${encodeURIComponent(transactionId)}/accept`,
  decline: (transactionId: string) => `/_emulator/ratiba/${encodeURIComponent(transactionId)}/decline`,
  timeout: (transactionId: string) => `/_emulator/ratiba/${encodeURIComponent(transactionId)}/timeout`,
  stop: (orderId: string) => `/_emulator/ratiba/orders/${encodeURIComponent(orderId)}/stop`,
} as const;
