import type { ResultCallback } from '../wire/index.js';
import { CallbackParseError } from './callback-parse-error.js';
import { describe, requireCode, requireRecord, requireString } from './read-fields.js';

/** A flattened `ResultParameter` / `ReferenceItem` list; a key without `Value` maps to undefined. */
export type ResultValues = Record<string, string | number | undefined>;

/** A parsed `Result` callback (B2C, B2Pochi, Transaction Status, Account Balance, Reversal, B2B, timeouts). */
export interface ParsedResult {
  /** True when `ResultCode` is 0 (number or string). */
  success: boolean;
  resultType: number | string;
  /** Kept as sent: numbers for numeric codes, strings for codes like `R000002` or `SFC_IC0003`. */
  resultCode: number | string;
  resultDesc: string;
  originatorConversationId: string;
  conversationId: string;
  /** A receipt, or a placeholder such as `OAK0000000` when no money moved. */
  transactionId: string;
  parameters: ResultValues;
  references: ResultValues;
  raw: ResultCallback;
}

/** Flattens `{Key, Value}` pairs that arrive as an array, or as a bare object when there is only one. */
function flatten(container: unknown, listKey: string, path: string): ResultValues {
  if (container === undefined || container === null) return {};
  const record = requireRecord(container, path);
  const items = record[listKey];
  const list = Array.isArray(items) ? items : items === undefined || items === null ? [] : [items];
  const values: ResultValues = {};
  list.forEach((item, index) => {
    const itemPath = `${path}.${listKey}[${index}]`;
    const pair = requireRecord(item, itemPath);
    const key = requireString(pair, 'Key', itemPath);
    const value = pair['Value'];
    if (value !== undefined && value !== null && typeof value !== 'string' && typeof value !== 'number') {
      throw new CallbackParseError(
        `${itemPath}.Value`,
        `must be a string or a number; got ${describe(value)}`,
      );
    }
    values[key] = value ?? undefined;
  });
  return values;
}

/** Validates and types the `Result` body Daraja POSTs to a ResultURL or QueueTimeOutURL; throws CallbackParseError if it is not one. */
export function parseResultCallback(body: unknown): ParsedResult {
  const result = requireRecord(requireRecord(body, 'body')['Result'], 'Result');
  const path = 'Result';
  const resultCode = requireCode(result, 'ResultCode', path);
  return {
    success: resultCode === 0 || resultCode === '0',
    resultType: requireCode(result, 'ResultType', path),
    resultCode,
    resultDesc: requireString(result, 'ResultDesc', path),
    originatorConversationId: requireString(result, 'OriginatorConversationID', path),
    conversationId: requireString(result, 'ConversationID', path),
    transactionId: requireString(result, 'TransactionID', path),
    parameters: flatten(result['ResultParameters'], 'ResultParameter', `${path}.ResultParameters`),
    references: flatten(result['ReferenceData'], 'ReferenceItem', `${path}.ReferenceData`),
    raw: body as ResultCallback,
  };
}
