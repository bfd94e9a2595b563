import type { StkCallback } from '../wire/index.js';
import { parseEatTimestamp } from '../time/eat-time.js';
import { CallbackParseError } from './callback-parse-error.js';
import {
  describe,
  type JsonRecord,
  requireCode,
  requireRecord,
  requireString,
  toNumber,
} from './read-fields.js';

/** Fields every STK callback carries. */
interface StkCallbackCommon {
  merchantRequestId: string;
  checkoutRequestId: string;
  resultDesc: string;
  /** The body as received, for logging or storage. */
  raw: StkCallback;
}

/** The customer paid (`ResultCode` 0). */
export interface StkCallbackSuccess extends StkCallbackCommon {
  success: true;
  resultCode: 0;
  amount: number;
  receipt: string;
  /** When M-Pesa completed the payment (Daraja sends EAT wall-clock digits). */
  transactionDate: Date;
  /** The paying phone as Daraja sent it; undefined if the item is absent. */
  phone: string | undefined;
  /** Daraja sends `{"Name":"Balance"}` with no value, so this is usually undefined. */
  balance?: number | undefined;
}

/** The payment did not happen (cancelled, timeout, wrong PIN, …): no metadata. */
export interface StkCallbackFailure extends StkCallbackCommon {
  success: false;
  /** A number as Daraja sends it; a string only for alphanumeric codes (e.g. `E3008` seen in the sandbox). */
  resultCode: number | string;
}

/** A parsed STK callback: narrow on `success`. */
export type StkCallbackResult = StkCallbackSuccess | StkCallbackFailure;

const PATH = 'Body.stkCallback';

/** Indexes metadata items by `Name`; Daraja's order has changed before, and integrations that read by position broke. */
function itemsByName(callback: JsonRecord): Map<string, unknown> {
  const path = `${PATH}.CallbackMetadata`;
  const metadata = requireRecord(callback['CallbackMetadata'], path);
  const items = metadata['Item'];
  // A one-element list can arrive as a bare object (XML-to-JSON artefact).
  const list = Array.isArray(items) ? items : items === undefined ? [] : [items];
  const byName = new Map<string, unknown>();
  list.forEach((item, index) => {
    const record = requireRecord(item, `${path}.Item[${index}]`);
    byName.set(requireString(record, 'Name', `${path}.Item[${index}]`), record['Value']);
  });
  return byName;
}

/** Reads a required item value. */
function required(items: Map<string, unknown>, name: string): unknown {
  const value = items.get(name);
  if (value === undefined || value === null || value === '') {
    throw new CallbackParseError(
      `${PATH}.CallbackMetadata.Item[Name=${name}]`,
      `must have a Value; got ${describe(value)}`,
    );
  }
  return value;
}

/** Reads a success callback's metadata by item name. */
function successFields(callback: JsonRecord) {
  const items = itemsByName(callback);
  const path = (name: string) => `${PATH}.CallbackMetadata.Item[Name=${name}].Value`;
  const dateValue = required(items, 'TransactionDate');
  const transactionDate =
    typeof dateValue === 'number' || typeof dateValue === 'string' ? parseEatTimestamp(dateValue) : undefined;
  if (transactionDate === undefined) {
    throw new CallbackParseError(
      path('TransactionDate'),
      `must be 14 digits YYYYMMDDHHmmss; got ${describe(dateValue)}`,
    );
  }
  const receipt = required(items, 'MpesaReceiptNumber');
  if (typeof receipt !== 'string')
    throw new CallbackParseError(path('MpesaReceiptNumber'), 'must be a string');
  const phone = items.get('PhoneNumber');
  const balance = items.get('Balance');
  return {
    amount: toNumber(required(items, 'Amount'), path('Amount')),
    receipt,
    transactionDate,
    phone: typeof phone === 'number' || typeof phone === 'string' ? String(phone) : undefined,
    balance:
      balance === undefined || balance === null || balance === ''
        ? undefined
        : toNumber(balance, path('Balance')),
  };
}

/** Turns `"1032"` into 1032 (lenient senders quote codes) and keeps alphanumeric codes as strings. */
function numericIfPossible(code: number | string): number | string {
  return typeof code === 'string' && /^\d+$/.test(code) ? Number(code) : code;
}

/** Validates and types the body Daraja POSTs to an STK push's `CallBackURL`; throws CallbackParseError if it is not one. */
export function parseStkCallback(body: unknown): StkCallbackResult {
  const envelope = requireRecord(requireRecord(body, 'body')['Body'], 'Body');
  const callback = requireRecord(envelope['stkCallback'], PATH);
  const common = {
    merchantRequestId: requireString(callback, 'MerchantRequestID', PATH),
    checkoutRequestId: requireString(callback, 'CheckoutRequestID', PATH),
    resultCode: numericIfPossible(requireCode(callback, 'ResultCode', PATH)),
    resultDesc: requireString(callback, 'ResultDesc', PATH),
    raw: body as StkCallback,
  };
  if (common.resultCode !== 0) return { ...common, success: false };
  return { ...common, resultCode: 0, success: true, ...successFields(callback) };
}
