import { RatibaFrequencyCodes, RatibaTransactionTypes, type RatibaFrequency } from 'daraja-client/wire';
import type { Settings } from 'daraja-client/emulator';
import { checkCallbackUrl } from '../../callbacks/url-policy.js';
import { readAmount, readMsisdn, readShortcode, readText, type Read } from '../../validation/fields.js';
import { invalidFieldMessage, notIssuedMessage, ratibaError } from './ratiba-error.js';
import { parseYmd } from './schedule.js';

/** A standing order request after validation. */
export interface RatibaInput {
  name: string;
  /** `yyyymmdd`. */
  startDate: string;
  endDate: string;
  shortcode: string;
  kind: 'paybill' | 'till';
  transactionType: string;
  amount: number;
  msisdn: string;
  callbackUrl: string;
  accountReference: string;
  description: string;
  frequency: RatibaFrequency;
  frequencyCode: string;
  customStoId?: string;
}

/** What validation needs to know about the world: the kind of a shortcode, if it is one. */
export type OrgKindOf = (shortcode: string) => 'paybill' | 'till' | undefined;

/**
 * Checks the fields in the order of the portal's parameter table: StandingOrderName, StartDate, EndDate,
 * BusinessShortCode, TransactionType, ReceiverPartyIdentifierType, Amount, PartyA, CallBackURL,
 * AccountReference, TransactionDesc, Frequency, then the optional CustomStoId. Both published sets of
 * TransactionType spellings are accepted; the Frequency codes follow `ratiba.frequencyCodes`.
 */
export function validateRatiba(
  body: Record<string, unknown>,
  settings: Settings,
  orgKind: OrgKindOf,
  now: number,
  notes: string[],
): RatibaInput {
  const fail = (field: string, why: string, message = invalidFieldMessage(field)) =>
    ratibaError(message, `${field}: ${why}.`, now);
  const need = <T>(field: string, read: Read<T>): T => {
    if (read.ok) return read.value;
    throw fail(field, read.reason);
  };
  const nameValue = body.StandingOrderName ?? body.StandingOrderNameName;
  if (body.StandingOrderName === undefined && body.StandingOrderNameName !== undefined)
    notes.push('Read StandingOrderNameName as StandingOrderName (a slip in the Aug 2026 sample body).');
  const name = need('StandingOrderName', readText(nameValue)).trim();
  const startDate = need('StartDate', readDate(body.StartDate));
  const endDate = need('EndDate', readDate(body.EndDate));
  if (endDate < startDate) throw fail('EndDate', `${endDate} is before the StartDate ${startDate}`);
  const shortcode = need('BusinessShortCode', readShortcode(body.BusinessShortCode));
  const kind = orgKind(shortcode);
  if (!kind) {
    throw fail(
      'BusinessShortCode',
      `${shortcode} is not a paybill or till in this emulator (the sandbox accepts only shortcodes issued to the app; add it to the world configuration)`,
      notIssuedMessage('BusinessShortCode'),
    );
  }
  const type = body.TransactionType;
  const allowed: readonly string[] = RatibaTransactionTypes[kind];
  if (typeof type !== 'string' || !allowed.includes(type)) {
    throw fail(
      'TransactionType',
      `${JSON.stringify(type ?? null)} is not a standing order type for a ${kind}; use "${allowed[0]}"`,
    );
  }
  const receiverType = String(body.ReceiverPartyIdentifierType ?? '');
  const wanted = kind === 'paybill' ? '4' : '2';
  if (receiverType !== wanted) {
    throw fail(
      'ReceiverPartyIdentifierType',
      `${JSON.stringify(body.ReceiverPartyIdentifierType ?? null)} does not match shortcode ${shortcode}, a ${kind}; send "${wanted}"`,
    );
  }
  const amount = need('Amount', readAmount(body.Amount, 'reject'));
  const msisdn = need('PartyA', readMsisdn(body.PartyA));
  const url = checkCallbackUrl(body.CallBackURL, settings.callbacks);
  if (!url.ok) {
    const hint =
      body.CallBackURL === undefined && body.CallbackURL !== undefined ? ' (spell it CallBackURL)' : '';
    throw fail('CallBackURL', `${url.reason}${hint}`);
  }
  const accountReference = need('AccountReference', readText(body.AccountReference));
  if (accountReference.length > 12)
    notes.push(`AccountReference is ${accountReference.length} characters; the portal allows 12.`);
  const description = need('TransactionDesc', readText(body.TransactionDesc));
  const codes = RatibaFrequencyCodes[settings.ratiba.frequencyCodes];
  const frequencyCode = String(body.Frequency ?? '').trim();
  const frequency = codes[frequencyCode];
  if (!frequency) {
    throw fail(
      'Frequency',
      `${JSON.stringify(body.Frequency ?? null)} is not one of the codes ${Object.keys(codes).join(', ')} (ratiba.frequencyCodes is ${settings.ratiba.frequencyCodes})`,
    );
  }
  const sto = body.CustomStoId ?? body.CustomstdoId;
  if (sto !== undefined && typeof sto !== 'string')
    throw fail('CustomStoId', `${JSON.stringify(sto)} is not a string`);
  return {
    name,
    startDate,
    endDate,
    shortcode,
    kind,
    transactionType: type,
    amount,
    msisdn,
    callbackUrl: body.CallBackURL as string,
    accountReference,
    description,
    frequency,
    frequencyCode,
    ...(sto ? { customStoId: sto } : {}),
  };
}

function readDate(v: unknown): Read<string> {
  const text = typeof v === 'number' ? String(v) : v;
  if (typeof text === 'string' && parseYmd(text) !== undefined) return { ok: true, value: text };
  return { ok: false, reason: `${JSON.stringify(v ?? null)} is not a date written yyyymmdd` };
}
