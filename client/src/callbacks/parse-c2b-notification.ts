import type { C2BNotification } from '../wire/index.js';
import { parseEatTimestamp } from '../time/eat-time.js';
import { CallbackParseError } from './callback-parse-error.js';
import { optionalString, requireRecord, requireString, toNumber } from './read-fields.js';

/** A C2B validation request or confirmation (they share one shape). Strings stay strings; the amount is a number. */
export interface ParsedC2BNotification {
  transactionType: string;
  transId: string;
  /** `TransTime` as sent: `YYYYMMDDHHmmss`, EAT. */
  transTime: string;
  /** `TransTime` as an instant. */
  transactionDate: Date;
  amount: number;
  businessShortCode: string;
  billRefNumber: string;
  invoiceNumber: string;
  /** Empty on validation; the new balance on confirmation. */
  orgAccountBalance: string;
  thirdPartyTransId: string;
  /** v1: a SHA-256 hash; v2: masked (`2547 ***** 126`); older: the plain number. */
  msisdn: string;
  firstName: string;
  middleName: string;
  lastName: string;
  raw: C2BNotification;
}

/** Validates and types a C2B validation or confirmation body; throws CallbackParseError if it is not one. */
export function parseC2BNotification(body: unknown): ParsedC2BNotification {
  const record = requireRecord(body, 'body');
  const path = 'body';
  const transTime = requireString(record, 'TransTime', path);
  const transactionDate = parseEatTimestamp(transTime);
  if (transactionDate === undefined) {
    throw new CallbackParseError(
      'body.TransTime',
      `must be 14 digits YYYYMMDDHHmmss; got ${JSON.stringify(transTime)}`,
    );
  }
  return {
    transactionType: optionalString(record, 'TransactionType', path),
    transId: requireString(record, 'TransID', path),
    transTime,
    transactionDate,
    amount: toNumber(record['TransAmount'], 'body.TransAmount'),
    businessShortCode: requireString(record, 'BusinessShortCode', path),
    billRefNumber: optionalString(record, 'BillRefNumber', path),
    invoiceNumber: optionalString(record, 'InvoiceNumber', path),
    orgAccountBalance: optionalString(record, 'OrgAccountBalance', path),
    thirdPartyTransId: optionalString(record, 'ThirdPartyTransID', path),
    msisdn: optionalString(record, 'MSISDN', path),
    firstName: optionalString(record, 'FirstName', path),
    middleName: optionalString(record, 'MiddleName', path),
    lastName: optionalString(record, 'LastName', path),
    raw: body as C2BNotification,
  };
}
