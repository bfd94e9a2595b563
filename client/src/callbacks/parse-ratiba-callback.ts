import { CallbackParseError } from './callback-parse-error.js';
import { describe, requireRecord, requireString, type JsonRecord } from './read-fields.js';

/** A Ratiba callback, whichever published casing it came in. */
export interface RatibaCallbackResult {
  /** True when the standing order was created (`responseCode` "0"). */
  created: boolean;
  /** `"0"`, or the failure code (`1032` cancelled, `1037` unreachable, `2001` wrong PIN, …). */
  responseCode: string;
  responseDescription: string;
  /** The synchronous answer's `responseRefID`. */
  responseRefId: string;
  /** Your `CustomStoId`, when you sent one. */
  requestRefId: string;
  /** Every `name`/`value` item by name, as sent (`standingOrderName`, `reminderScheduleId`, `Msisdn`, …). */
  data: Record<string, string>;
  /** The order's id (`reminderScheduleId`) when it was created. */
  standingOrderId?: string;
}

/**
 * Parses the callback of a standing order request. Safaricom publishes the success with camelCase
 * containers and `name`/`value` items and the failure with PascalCase ones and `Name`/`Value`; keys are
 * read case-insensitively so that either arrives intact.
 */
export function parseRatibaCallback(body: unknown): RatibaCallbackResult {
  const root = requireRecord(body, 'body');
  const header = requireRecord(pick(root, 'responseHeader'), 'body.responseHeader');
  const items = pick(requireRecord(pick(root, 'responseBody'), 'body.responseBody'), 'responseData');
  if (!Array.isArray(items))
    throw new CallbackParseError('body.responseBody.responseData', `must be a list; got ${describe(items)}`);
  const data: Record<string, string> = {};
  items.forEach((item, i) => {
    const record = requireRecord(item, `body.responseBody.responseData[${i}]`);
    const name = pick(record, 'name');
    const value = pick(record, 'value');
    if (typeof name === 'string') data[name] = value === undefined || value === null ? '' : String(value);
  });
  const path = 'body.responseHeader';
  const responseCode = requireString(header, keyOf(header, 'responseCode'), path);
  const created = responseCode === '0';
  const orderId = data.reminderScheduleId;
  return {
    created,
    responseCode,
    responseDescription: requireString(header, keyOf(header, 'responseDescription'), path),
    responseRefId: requireString(header, keyOf(header, 'responseRefID'), path),
    requestRefId: requireString(header, keyOf(header, 'requestRefID'), path),
    data,
    ...(created && orderId ? { standingOrderId: orderId } : {}),
  };
}

function keyOf(record: JsonRecord, key: string): string {
  const lower = key.toLowerCase();
  return Object.keys(record).find((k) => k.toLowerCase() === lower) ?? key;
}

function pick(record: JsonRecord, key: string): unknown {
  return record[keyOf(record, key)];
}
