import { DarajaErrors, type BillManagerInvoiceItem } from 'daraja-client/wire';
import type { Settings } from 'daraja-client/emulator';
import { DarajaError } from '../../http/daraja-error.js';
import { checkCallbackUrl } from '../../callbacks/url-policy.js';
import { readShortcode, readText, type Read } from '../../validation/fields.js';

/**
 * Bill Manager's field checks. Its pages publish no error bodies, so a bad field is answered with Daraja's
 * gateway envelope (`400.002.02 Bad Request - Invalid <field>`), checked in the order of the parameter
 * tables; the journal says what was wrong.
 */
export function need<T>(field: string, read: Read<T>): T {
  if (read.ok) return read.value;
  throw new DarajaError(DarajaErrors.invalidField(field), `${field}: ${read.reason}.`);
}

export interface OptInInput {
  shortcode: string;
  email: string;
  officialContact: string;
  sendReminders: boolean;
  logo?: string;
  callbackUrl: string;
}

/** shortcode, email, officialContact, sendReminders, logo (optional), callbackurl. */
export function validateOptIn(body: Record<string, unknown>, settings: Settings): OptInInput {
  const shortcode = need('shortcode', readShortcode(body.shortcode));
  const email = need('email', readEmail(body.email ?? body.Email));
  const officialContact = need('officialContact', readText(body.officialContact));
  const reminders = String(body.sendReminders ?? '');
  if (reminders !== '0' && reminders !== '1')
    need('sendReminders', {
      ok: false,
      reason: `${JSON.stringify(body.sendReminders ?? null)} is not 1 or 0`,
    });
  if (body.logo !== undefined && typeof body.logo !== 'string')
    need('logo', { ok: false, reason: `${JSON.stringify(body.logo)} is not a string` });
  const url = checkCallbackUrl(body.callbackurl, settings.callbacks);
  if (!url.ok) {
    const other = Object.keys(body).find((k) => k !== 'callbackurl' && k.toLowerCase() === 'callbackurl');
    need('callbackurl', {
      ok: false,
      reason: `${url.reason}${other ? ` (the body has "${other}"; Bill Manager spells it all lower case, "callbackurl")` : ''}`,
    });
  }
  return {
    shortcode,
    email,
    officialContact,
    sendReminders: reminders === '1',
    ...(typeof body.logo === 'string' ? { logo: body.logo } : {}),
    callbackUrl: body.callbackurl as string,
  };
}

export interface InvoiceInput {
  externalReference: string;
  billedFullName: string;
  msisdn: string;
  billedPeriod: string;
  invoiceName: string;
  dueDate: string;
  accountReference: string;
  amount: number;
  invoiceItems: BillManagerInvoiceItem[];
}

/** One invoice, fields in the table's order; `at` prefixes field names in bulk calls (`invoices[3].amount`). */
export function validateInvoice(value: unknown, at = ''): InvoiceInput {
  const body = (value && typeof value === 'object' && !Array.isArray(value) ? value : {}) as Record<
    string,
    unknown
  >;
  const field = (name: string) => `${at}${name}`;
  const externalReference = need(field('externalReference'), readText(body.externalReference));
  const billedFullName = need(field('billedFullName'), readText(body.billedFullName));
  const msisdn = need(field('billedPhoneNumber'), readPhone(body.billedPhoneNumber));
  const billedPeriod = need(field('billedPeriod'), readText(body.billedPeriod));
  const invoiceName = need(field('invoiceName'), readText(body.invoiceName));
  const dueDate = need(field('dueDate'), readDueDate(body.dueDate));
  const accountReference = need(field('accountReference'), readText(body.accountReference));
  const amount = need(field('amount'), readShillings(body.amount));
  const items = body.invoiceItems ?? [];
  if (!Array.isArray(items)) need(field('invoiceItems'), { ok: false, reason: 'is not a list' });
  const invoiceItems = (items as unknown[]).map((item, i) => {
    const it = (item && typeof item === 'object' ? item : {}) as Record<string, unknown>;
    const itemName = need(field(`invoiceItems[${i}].itemName`), readText(it.itemName));
    need(field(`invoiceItems[${i}].amount`), readShillings(it.amount));
    return { itemName, amount: String(it.amount) };
  });
  return {
    externalReference: externalReference.trim(),
    billedFullName,
    msisdn,
    billedPeriod,
    invoiceName,
    dueDate,
    accountReference: accountReference.trim(),
    amount,
    invoiceItems,
  };
}

/** A bulk body: a bare array (portal) or `{"invoices": [...]}` (a client's form); at most 1000. */
export function invoiceList(json: unknown): unknown[] {
  const list = Array.isArray(json)
    ? json
    : json && typeof json === 'object' && Array.isArray((json as { invoices?: unknown }).invoices)
      ? (json as { invoices: unknown[] }).invoices
      : undefined;
  if (!list || list.length === 0)
    need('invoices', {
      ok: false,
      reason: 'the body is not a list of invoices (send an array, or {"invoices": [...]})',
    });
  if ((list as unknown[]).length > 1000)
    need('invoices', {
      ok: false,
      reason: `${(list as unknown[]).length} invoices; at most 1000 go in one call`,
    });
  return list as unknown[];
}

export interface ReconciliationInput {
  transactionId: string;
  externalReference: string;
  paidAmount: number;
  accountReference: string;
}

/** paymentDate, paidAmount, accountReference, transactionId, phoneNumber, fullName, invoiceName, externalReference. */
export function validateReconciliation(body: Record<string, unknown>): ReconciliationInput {
  need('paymentDate', readDueDate(body.paymentDate));
  const paidAmount = need('paidAmount', readShillings(body.paidAmount));
  const accountReference = need('accountReference', readText(body.accountReference));
  const transactionId = need('transactionId', readText(body.transactionId));
  need('phoneNumber', readPhone(body.phoneNumber));
  need('fullName', readText(body.fullName));
  need('invoiceName', readText(body.invoiceName));
  const externalReference = need('externalReference', readText(body.externalReference));
  return {
    transactionId: transactionId.trim(),
    externalReference: externalReference.trim(),
    paidAmount,
    accountReference,
  };
}

function readEmail(v: unknown): Read<string> {
  if (typeof v === 'string' && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v.trim()))
    return { ok: true, value: v.trim() };
  return { ok: false, reason: `${JSON.stringify(v ?? null)} is not an e-mail address` };
}

/** `07XXXXXXXX` as the pages show, or `2547XXXXXXXX`; returned as `2547…`. */
function readPhone(v: unknown): Read<string> {
  const text = typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim() : '';
  if (/^0[17]\d{8}$/.test(text)) return { ok: true, value: `254${text.slice(1)}` };
  if (/^254[17]\d{8}$/.test(text)) return { ok: true, value: text };
  if (/^[17]\d{8}$/.test(text)) return { ok: true, value: `254${text}` };
  return { ok: false, reason: `${JSON.stringify(v ?? null)} is not a Safaricom number like 0722000000` };
}

/** `2021-10-12`, optionally followed by a time (`2021-09-15 00:00:00.00`). */
function readDueDate(v: unknown): Read<string> {
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$/.test(v.trim())) {
    const date = v.trim().slice(0, 10);
    if (!Number.isNaN(Date.parse(`${date}T00:00:00Z`))) return { ok: true, value: v.trim() };
  }
  return { ok: false, reason: `${JSON.stringify(v ?? null)} is not a date like 2021-10-12` };
}

/** Shillings without separators, as a number or a string; more than zero. */
function readShillings(v: unknown): Read<number> {
  const n =
    typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+(\.\d{1,2})?\s*$/.test(v) ? Number(v) : NaN;
  if (Number.isFinite(n) && n > 0) return { ok: true, value: n };
  return {
    ok: false,
    reason: `${JSON.stringify(v ?? null)} is not an amount in shillings (digits only, no separators)`,
  };
}
