import type { NumberLike, ResultCodeEntry } from './common.js';

export type StkTransactionType = 'CustomerPayBillOnline' | 'CustomerBuyGoodsOnline';

/** M-Pesa Express request body. Note `CallBackURL` with a capital B. */
export interface StkPushRequest {
  BusinessShortCode: NumberLike;
  Password: string;
  Timestamp: string;
  TransactionType: StkTransactionType;
  Amount: NumberLike;
  PartyA: NumberLike;
  PartyB: NumberLike;
  PhoneNumber: NumberLike;
  CallBackURL: string;
  AccountReference: string;
  TransactionDesc: string;
}

/** Synchronous acknowledgement of an STK push (HTTP 200). */
export interface StkPushAck {
  MerchantRequestID: string;
  CheckoutRequestID: string;
  ResponseCode: string;
  ResponseDescription: string;
  CustomerMessage: string;
}

export interface StkQueryRequest {
  BusinessShortCode: NumberLike;
  Password: string;
  Timestamp: string;
  CheckoutRequestID: string;
}

/** STK query answer: `ResultCode` is a string here (a number in the callback). */
export interface StkQueryResponse {
  ResponseCode: string;
  ResponseDescription: string;
  MerchantRequestID: string;
  CheckoutRequestID: string;
  ResultCode: string;
  ResultDesc: string;
}

export type StkCallbackItemName =
  'Amount' | 'MpesaReceiptNumber' | 'Balance' | 'TransactionDate' | 'PhoneNumber';

/** One metadata item; `Value` is absent when Daraja has no value (the `Balance` item). */
export interface StkCallbackItem {
  Name: StkCallbackItemName | string;
  Value?: number | string;
}

export interface StkCallbackBody {
  MerchantRequestID: string;
  CheckoutRequestID: string;
  ResultCode: number;
  ResultDesc: string;
  CallbackMetadata?: { Item: StkCallbackItem[] };
}

/** The POST body sent to `CallBackURL`. */
export interface StkCallback {
  Body: { stkCallback: StkCallbackBody };
}

export const STK_ACK_DESCRIPTION = 'Success. Request accepted for processing';
export const STK_QUERY_DESCRIPTION = 'The service request has been accepted successsfully';
export const STK_QUERY_DESCRIPTION_CORRECT = 'The service request has been accepted successfully';

/** STK result codes (callback and query), with the texts the sandbox sends today. */
export const StkResult = {
  success: { code: 0, desc: 'The service request is processed successfully.' },
  insufficientFunds: { code: 1, desc: 'The balance is insufficient for the transaction.' },
  belowMinimum: { code: 2, desc: 'Declined due to limit rule.' },
  aboveMaximum: { code: 3, desc: 'Declined due to limit rule: greater than the maximum transaction amount.' },
  dailyLimit: { code: 4, desc: 'Declined due to limit rule: would exceed daily transfer limit.' },
  maxBalance: { code: 8, desc: 'Declined due to limit rule: would exceed the maximum balance.' },
  ruleLimited: { code: 17, desc: 'Rule limited.' },
  systemBusy: { code: 26, desc: 'System busy. The service request is rejected.' },
  subscriberLocked: {
    code: 1001,
    desc: 'Unable to lock subscriber, a transaction is already in process for the current subscriber.',
  },
  expired: { code: 1019, desc: 'Transaction has expired.' },
  pushError: { code: 1025, desc: 'An error occurred while sending a push request.' },
  cancelled: { code: 1032, desc: 'Request cancelled by user' },
  smscTimeout: { code: 1036, desc: 'SMSC ACK timeout.' },
  noResponse: { code: 1037, desc: 'No response from user.' },
  unreachable: { code: 1037, desc: 'DS timeout user cannot be reached' },
  wrongPin: { code: 2001, desc: 'The initiator information is invalid.' },
  notPermitted: { code: 2028, desc: 'The request is not permitted according to product assignment.' },
  pinLocked: { code: 8006, desc: 'The security credential is locked.' },
  pushFailure: { code: 9999, desc: 'Error Occurred while sending push request.' },
  stillProcessing: { code: 4999, desc: 'The transaction is still under processing' },
} as const satisfies Record<string, ResultCodeEntry>;

export type StkResultName = keyof typeof StkResult;

/**
 * The STK query's ResultDesc for 1032, by era: the 2026 sandbox query (`current`), the portal's sample
 * (`portal`, also the callback's text) and the 2017-2019 wording (`legacy`).
 */
export const STK_QUERY_CANCELLED_TEXTS = {
  current: 'Request Cancelled by user.',
  portal: StkResult.cancelled.desc,
  legacy: `[STK_CB - ]${StkResult.cancelled.desc}`,
} as const;
