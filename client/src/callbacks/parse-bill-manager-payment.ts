import type { BillManagerAnswer } from '../wire/index.js';
import { requireRecord, requireString, toNumber } from './read-fields.js';

/** A Bill Manager payment push, read. */
export interface ParsedBillManagerPayment {
  transactionId: string;
  /** Shillings. */
  paidAmount: number;
  msisdn: string;
  /** `YYYY-MM-DD`. */
  dateCreated: string;
  accountReference: string;
  shortCode: string;
}

/** Parses what Bill Manager posts to the biller's `callbackurl` for each payment. */
export function parseBillManagerPayment(body: unknown): ParsedBillManagerPayment {
  const record = requireRecord(body, 'body');
  return {
    transactionId: requireString(record, 'transactionId', 'body'),
    paidAmount: toNumber(record.paidAmount, 'body.paidAmount'),
    msisdn: requireString(record, 'msisdn', 'body'),
    dateCreated: requireString(record, 'dateCreated', 'body'),
    accountReference: requireString(record, 'accountReference', 'body'),
    shortCode: requireString(record, 'shortCode', 'body'),
  };
}

/** The acknowledgement Bill Manager expects back from the biller's callback URL. */
export function billManagerAck(): BillManagerAnswer {
  return { resmsg: 'Success', rescode: '200' };
}
