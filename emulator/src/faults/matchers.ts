import type { DeliveryKind, FaultMatch, TransactionView } from 'daraja-client/emulator';
import { endpointMatches, endpointNamesOfPath, endpointNamesOfType } from './endpoints.js';

/** What a rule is matched against: a Daraja request, an STK prompt or a callback. */
export interface FaultSubject {
  endpoints: Set<string>;
  /** App name, or `key:<consumerKey>` for an unconfigured app. */
  app?: string;
  shortcodes: string[];
  phones: string[];
  amount?: number;
  accountReference?: string;
  callback?: DeliveryKind;
}

const SHORTCODE_FIELDS = ['BusinessShortCode', 'ShortCode', 'PartyA', 'PartyB'];
const PHONE_FIELDS = ['PhoneNumber', 'PartyA', 'PartyB', 'Msisdn', 'MSISDN'];

const text = (v: unknown): string | undefined =>
  typeof v === 'string' ? v.trim() : typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined;

/** Reads the fields rules match on from a request body, whatever API it is for. */
export function requestSubject(
  path: string,
  body: Record<string, unknown>,
  app: string | undefined,
): FaultSubject {
  const pick = (fields: string[], shape: RegExp) =>
    fields.map((f) => text(body[f])).filter((v): v is string => v !== undefined && shape.test(v));
  const amountText = text(body.Amount);
  const amount = amountText === undefined || amountText === '' ? undefined : Number(amountText);
  const reference = text(body.AccountReference) ?? text(body.BillRefNumber);
  return {
    endpoints: endpointNamesOfPath(path),
    ...(app ? { app } : {}),
    shortcodes: pick(SHORTCODE_FIELDS, /^\d{5,7}$/),
    phones: pick(PHONE_FIELDS, /^254\d{9}$/),
    ...(amount !== undefined && Number.isFinite(amount) ? { amount } : {}),
    ...(reference !== undefined ? { accountReference: reference } : {}),
  };
}

/** The fields of a transaction (and, for callbacks, the delivery kind). */
export function transactionSubject(t: TransactionView, callback?: DeliveryKind): FaultSubject {
  return {
    endpoints: endpointNamesOfType(t.type),
    ...(t.appId ? { app: t.appId } : {}),
    shortcodes: [t.shortcode, t.partyB].filter((v): v is string => !!v),
    phones: t.phone ? [t.phone] : [],
    ...(t.amount !== undefined ? { amount: t.amount } : {}),
    ...(t.accountReference !== undefined ? { accountReference: t.accountReference } : {}),
    ...(callback ? { callback } : {}),
  };
}

/** A callback without a known transaction: only its kind can match. */
export function deliverySubject(callback: DeliveryKind): FaultSubject {
  return { endpoints: new Set(), shortcodes: [], phones: [], callback };
}

const list = <T>(v: T | T[]): T[] => (Array.isArray(v) ? v : [v]);

/** True when every field of `match` holds for the subject. */
export function matches(match: FaultMatch | undefined, s: FaultSubject): boolean {
  if (!match) return true;
  if (match.endpoint !== undefined && !list(match.endpoint).some((e) => endpointMatches(e, s.endpoints))) {
    return false;
  }
  if (match.app !== undefined && !list(match.app).some((a) => s.app === a || s.app === `key:${a}`))
    return false;
  if (match.shortcode !== undefined && !list(match.shortcode).some((c) => s.shortcodes.includes(String(c))))
    return false;
  if (match.phone !== undefined && !list(match.phone).some((p) => s.phones.includes(String(p)))) return false;
  if (match.amount !== undefined) {
    if (s.amount === undefined) return false;
    if (typeof match.amount === 'number') {
      if (s.amount !== match.amount) return false;
    } else if (
      (match.amount.min !== undefined && s.amount < match.amount.min) ||
      (match.amount.max !== undefined && s.amount > match.amount.max)
    ) {
      return false;
    }
  }
  if (
    match.accountReference !== undefined &&
    !list(match.accountReference).includes(s.accountReference ?? '\u0000')
  ) {
    return false;
  }
  if (
    match.callback !== undefined &&
    (s.callback === undefined || !list(match.callback).includes(s.callback))
  )
    return false;
  return true;
}
