import type { B2bExpressCheckoutCallback } from '../wire/index.js';
import { optionalString, requireCode, requireRecord, requireString, toNumber } from './read-fields.js';

/** The operator paid (`resultCode` "0"). */
export interface ExpressCheckoutPaid {
  success: true;
  resultCode: '0';
  resultDesc: string;
  /** Your `RequestRefID`. */
  requestId: string;
  amount: number;
  conversationId: string;
  /** The M-Pesa receipt. */
  receipt: string;
  raw: B2bExpressCheckoutCallback;
}

/** The payment did not happen: 4001 cancelled by the operator, or another code. */
export interface ExpressCheckoutNotPaid {
  success: false;
  resultCode: string;
  resultDesc: string;
  requestId: string;
  amount: number;
  paymentReference: string;
  raw: B2bExpressCheckoutCallback;
}

export type ExpressCheckoutCallbackResult = ExpressCheckoutPaid | ExpressCheckoutNotPaid;

/** Reads a B2B Express Checkout callback (camelCase, every value a string); throws CallbackParseError. */
export function parseExpressCheckoutCallback(body: unknown): ExpressCheckoutCallbackResult {
  const record = requireRecord(body, 'body');
  const code = requireCode(record, 'resultCode', 'body');
  const raw = record as unknown as B2bExpressCheckoutCallback;
  const common = {
    resultDesc: optionalString(record, 'resultDesc', 'body'),
    requestId: requireString(record, 'requestId', 'body'),
    amount: toNumber(record['amount'], 'body.amount'),
    raw,
  };
  if (String(code) === '0') {
    return {
      success: true,
      resultCode: '0',
      ...common,
      conversationId: optionalString(record, 'conversationID', 'body'),
      receipt: requireString(record, 'transactionId', 'body'),
    };
  }
  return {
    success: false,
    resultCode: String(code),
    ...common,
    paymentReference: optionalString(record, 'paymentReference', 'body'),
  };
}
