import type { NumberLike } from './common.js';

/**
 * M-Pesa Ratiba (standing orders): the request, its synchronous answer, and the one callback that reports
 * whether the customer approved the order (SPEC 18). Containers are PascalCase or camelCase exactly as the
 * portal publishes them, which differ between the success and the failure callback.
 */
export interface RatibaRequest {
  StandingOrderName: string;
  /** `yyyymmdd`. */
  StartDate: string;
  /** `yyyymmdd`. */
  EndDate: string;
  BusinessShortCode: NumberLike;
  TransactionType: RatibaTransactionType | string;
  /** `"4"` paybill, `"2"` till. */
  ReceiverPartyIdentifierType: NumberLike;
  Amount: NumberLike;
  PartyA: NumberLike;
  CallBackURL: string;
  AccountReference: string;
  TransactionDesc: string;
  Frequency: NumberLike;
  /** Partner-made id echoed as `requestRefID` in the callback (Aug 2026 page). */
  CustomStoId?: string;
}

/** The transaction types of both published versions of the page (Aug 2026 first). */
export const RatibaTransactionTypes = {
  paybill: [
    'Standing Order Pay Bill External Third Party',
    'Standing Order Pay Bill Ext-Third Party',
    'Standing Order Customer Pay Bill',
  ],
  till: [
    'Standing Order Pay Merchant External Third Party',
    'Standing Order Pay Merchant Ext-Third Party',
    'Standing Order Customer Pay Marchant',
    'Standing Order Customer Pay Merchant',
  ],
} as const;

export type RatibaTransactionType =
  (typeof RatibaTransactionTypes.paybill)[number] | (typeof RatibaTransactionTypes.till)[number];

/** Synchronous answer to an accepted order. */
export interface RatibaAck {
  ResponseHeader: {
    responseRefID: string;
    responseCode: string;
    responseDescription: string;
    ResultDesc: string;
  };
  ResponseBody: { responseDescription: string; responseCode: string };
}

/** The body Ratiba answers a refused request with (not Daraja's usual envelope). */
export interface RatibaErrorBody {
  requestRefId: string;
  responseMessage: string;
  responseCode: number;
  /** ISO 8601 UTC, seconds precision. */
  timestamp: string;
}

export const RATIBA_ACCEPTED = 'Request accepted for processing';
export const RATIBA_PROCESSED = 'The service request is processed successfully.';

/** The callback when the customer approved: camelCase containers, `name`/`value` items. */
export interface RatibaCallbackSuccess {
  responseHeader: {
    responseRefID: string;
    requestRefID: string;
    responseCode: '0';
    responseDescription: string;
  };
  responseBody: { responseData: { name: string; value: string }[] };
}

/** The callback when the order was not created: PascalCase containers, `Name`/`Value` items. */
export interface RatibaCallbackFailure {
  ResponseHeader: {
    responseRefID: string;
    requestRefID: string;
    responseCode: string;
    responseDescription: string;
  };
  ResponseBody: { ResponseData: { Name: string; Value: string }[] };
}

export type RatibaCallback = RatibaCallbackSuccess | RatibaCallbackFailure;

/** Callback `responseCode`s (SPEC 18.4). */
export const RatibaResult = {
  created: { code: '0', desc: 'Standing order created successfully' },
  locked: { code: '1001', desc: 'Unable to lock subscriber, a transaction is already in process' },
  pushFailed: { code: '1025', desc: 'An error occurred while sending the push request' },
  cancelled: { code: '1032', desc: 'Request cancelled by user' },
  unreachable: { code: '1037', desc: 'DS timeout user cannot be reached' },
  duplicateName: { code: '1050', desc: 'Standing order name already exists for this customer' },
  badRequest: { code: '1051', desc: 'Bad request: one or more fields are invalid' },
  wrongPin: { code: '2001', desc: 'The initiator information is invalid' },
} as const;

/** Frequencies by meaning; the code that means each one depends on the page version (setting). */
export type RatibaFrequency =
  | 'one-off'
  | 'daily'
  | 'weekly'
  | 'bi-weekly'
  | 'monthly'
  | 'bi-monthly'
  | 'quarterly'
  | 'half-yearly'
  | 'yearly';

/** `Frequency` codes of the two published versions of the page. */
export const RatibaFrequencyCodes: Record<'aug-2026' | 'dec-2025', Record<string, RatibaFrequency>> = {
  'aug-2026': {
    '1': 'one-off',
    '2': 'daily',
    '3': 'weekly',
    '4': 'bi-weekly',
    '5': 'monthly',
    '6': 'bi-monthly',
    '7': 'quarterly',
    '8': 'half-yearly',
    '9': 'yearly',
  },
  'dec-2025': {
    '1': 'one-off',
    '2': 'daily',
    '3': 'weekly',
    '4': 'monthly',
    '5': 'bi-monthly',
    '6': 'quarterly',
    '7': 'half-yearly',
    '8': 'yearly',
  },
};
