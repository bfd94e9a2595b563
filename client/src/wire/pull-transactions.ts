/** Pull Transactions: C2B reconciliation. Bodies and answers as documented (SPEC 21). */

export interface PullRegisterRequest {
  ShortCode: string;
  RequestType: 'Pull';
  /** The MSISDN in the shortcode's KYC, `2547…` or `07…`. */
  NominatedNumber: string;
  CallBackURL: string;
}

export interface PullRegisterResponse {
  ResponseRefID: string;
  /** `1000` registered; `1001` already registered. */
  ResponseStatus: '1000' | '1001';
  ShortCode: string;
  ResponseDescription: string;
}

export const PULL_REGISTER_DESCRIPTIONS = {
  registered: 'Shortcode Registered Successfully',
  alreadyRegistered: 'ShortCode already Registered',
} as const;

export interface PullQueryRequest {
  ShortCode: string;
  /** `YYYY-MM-DD HH:mm:ss` (or `HH:mm`), East Africa Time. */
  StartDate: string;
  EndDate: string;
  /** Rows to skip, as text: `"0"`, then `"100"` for the second page. */
  OffSetValue: string;
}

/** One transaction row; keys are Safaricom's (lower-case, two camelCase). */
export interface PullTransaction {
  transactionId: string;
  /** ISO-8601 with `Z`. */
  trxDate: string;
  /** The payer's number without 254, as a JSON number. */
  msisdn: number;
  sender: string;
  transactiontype: string;
  billreference: string;
  /** Two decimals, as text. */
  amount: string;
  organizationname: string;
}

/** Rows found (documented sample): note the array nested in an array. */
export interface PullQueryRows {
  ResponseRefID: string;
  ResponseCode: '1000';
  ResponseMessage: 'Success';
  Response: PullTransaction[][];
}

/** No rows (live sandbox answer, HTTP 200): the id key is `RequestID` and there is no list. */
export interface PullQueryEmpty {
  RequestID: string;
  ResponseCode: '1001';
  ResponseMessage: string;
}

export type PullQueryResponse = PullQueryRows | PullQueryEmpty;

export const PULL_NO_RECORDS_MESSAGE = 'No records found or Organization Name not available';

/** `transactiontype` of a paybill row (documented) and of a till row (the emulator's guess). */
export const PULL_TRANSACTION_TYPES = {
  paybill: 'c2b-pay-bill-debit',
  till: 'c2b-buy-goods-debit',
} as const;

/** Pull's own error codes: `400.001 Invalid ShortCode` and `401.001` for a bad token. */
export const PullErrors = {
  invalidShortCode: { code: '400.001', message: 'Invalid ShortCode' },
  invalidAccessToken: { code: '401.001', message: 'Error Occurred - Invalid Access Token - ' },
} as const;
