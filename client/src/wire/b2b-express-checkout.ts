/**
 * B2B Express Checkout (USSD push to a till): a vendor asks a merchant's till operator, on the till's
 * nominated phone, to pay it. Unlike every other Daraja API the body and the callback are camelCase, and
 * every callback value is a string (SPEC 20).
 */

/** `POST /v1/ussdpush/get-msisdn` request body. `RequestRefID` keeps Daraja's capital R. */
export interface B2bExpressCheckoutRequest {
  /** The merchant's till: the party debited. */
  primaryShortCode: string | number;
  /** The vendor's paybill (or till): the party credited. */
  receiverShortCode: string | number;
  amount: string | number;
  /** Shown to the operator in the prompt, and returned as `paymentReference` on a cancellation. */
  paymentRef: string;
  /** Note the spelling: `callbackUrl`, not `CallBackURL`. */
  callbackUrl: string;
  /** The vendor's name as the operator sees it. */
  partnerName: string;
  /** Unique per request; echoed as `requestId` in the callback. */
  RequestRefID: string;
}

/** The synchronous acknowledgement (HTTP 200): `code`/`status`, not `ResponseCode`. */
export interface B2bExpressCheckoutAck {
  code: '0';
  status: 'USSD Initiated Successfully';
}

export const B2B_EXPRESS_CHECKOUT_ACK: B2bExpressCheckoutAck = {
  code: '0',
  status: 'USSD Initiated Successfully',
};

/** The callback after the operator paid. `amount` carries one decimal ("71.0"). */
export interface B2bExpressCheckoutSuccess {
  resultCode: '0';
  resultDesc: string;
  amount: string;
  requestId: string;
  resultType: '0';
  conversationID: string;
  /** The M-Pesa receipt. */
  transactionId: string;
  status: 'SUCCESS';
}

/** The callback when the payment did not happen (cancelled, wrong PIN, no money, no answer). */
export interface B2bExpressCheckoutFailure {
  resultCode: string;
  resultDesc: string;
  requestId: string;
  amount: string;
  paymentReference: string;
}

export type B2bExpressCheckoutCallback = B2bExpressCheckoutSuccess | B2bExpressCheckoutFailure;

/**
 * Result codes of the callback. 0 and 4001 are documented (SPEC 20, M); the others reuse M-Pesa's core
 * codes (SPEC 14.3) and are the emulator's best reading (L).
 */
export const ExpressCheckoutResult = {
  success: { code: '0', desc: 'The service request is processed successfully.' },
  cancelled: { code: '4001', desc: 'User cancelled transaction' },
  insufficientFunds: { code: '1', desc: 'The balance is insufficient for the transaction.' },
  wrongPin: { code: '2001', desc: 'The initiator information is invalid.' },
  noResponse: { code: '1037', desc: 'DS timeout user cannot be reached' },
  notPermitted: { code: '2028', desc: 'The request is not permitted according to product assignment.' },
} as const;

/** True for the callback of a completed payment. */
export function isExpressCheckoutSuccess(
  body: B2bExpressCheckoutCallback,
): body is B2bExpressCheckoutSuccess {
  return body.resultCode === '0';
}

/** A bad or expired token on this API: a bare `401` code, unlike `404.001.03` elsewhere (sandbox capture). */
export const EXPRESS_CHECKOUT_INVALID_TOKEN = {
  code: '401',
  message: 'Unauthorized - Invalid Access Token',
} as const;
