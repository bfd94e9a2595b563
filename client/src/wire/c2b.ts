import type { NumberLike } from './common.js';

export type C2BResponseType = 'Completed' | 'Cancelled';

/** Register URL request (v1 and v2 share it). */
export interface C2BRegisterUrlRequest {
  ShortCode: NumberLike;
  ResponseType: C2BResponseType;
  ConfirmationURL: string;
  ValidationURL?: string;
}

/** Register URL answer. Note Safaricom's `OriginatorCoversationID` (no "n"). */
export interface C2BRegisterUrlResponse {
  OriginatorCoversationID: string;
  ResponseCode: string;
  ResponseDescription: string;
}

export type C2BCommandId = 'CustomerPayBillOnline' | 'CustomerBuyGoodsOnline';

/** Simulate request (sandbox only). Note the casing of `Msisdn`. */
export interface C2BSimulateRequest {
  ShortCode: NumberLike;
  CommandID: C2BCommandId;
  Amount: NumberLike;
  Msisdn: NumberLike;
  BillRefNumber?: string | null;
}

export interface C2BSimulateResponse {
  OriginatorCoversationID: string;
  ResponseCode: string;
  ResponseDescription: string;
}

/** Simulate v1 answer (2018 capture): a ConversationID and no ResponseCode. */
export interface C2BSimulateV1Response {
  ConversationID: string;
  OriginatorCoversationID: string;
  ResponseDescription: string;
}

export const C2B_SIMULATE_DESCRIPTION = 'Accept the service request successfully.';

/** Register URL answers as the sandbox (v2, 2026 capture) and the current portal page (v1) show them. */
export const C2BRegisterAnswers = {
  v1: { ResponseCode: '0', ResponseDescription: 'success' },
  v2: { ResponseCode: '00000000', ResponseDescription: 'Success' },
} as const;

/** `TransactionType` in notifications, by simulate CommandID. */
export const C2BTransactionTypes = {
  CustomerPayBillOnline: 'Pay Bill',
  CustomerBuyGoodsOnline: 'Buy Goods',
} as const;

/** Validation request and confirmation notification: a flat object whose values are all strings. */
export interface C2BNotification {
  TransactionType: 'Pay Bill' | 'Buy Goods' | string;
  TransID: string;
  TransTime: string;
  TransAmount: string;
  BusinessShortCode: string;
  BillRefNumber: string;
  InvoiceNumber: string;
  OrgAccountBalance: string;
  ThirdPartyTransID: string;
  MSISDN: string;
  FirstName: string;
  MiddleName: string;
  LastName: string;
}

/** What the merchant's ValidationURL answers. `ResultCode` "0" accepts; any other code rejects. */
export interface C2BValidationReply {
  ResultCode: string | number;
  ResultDesc: string;
  ThirdPartyTransID?: string;
}

/** What the merchant's ConfirmationURL answers (Daraja does not read it). */
export interface C2BConfirmationReply {
  ResultCode: string | number;
  ResultDesc: string;
}

/** Rejection codes a merchant may return from validation. */
export const C2BRejectCodes = {
  C2B00011: 'Invalid MSISDN',
  C2B00012: 'Invalid Account Number',
  C2B00013: 'Invalid Amount',
  C2B00014: 'Invalid KYC Details',
  C2B00015: 'Invalid Shortcode',
  C2B00016: 'Other Error',
} as const;

export type C2BRejectCode = keyof typeof C2BRejectCodes;
