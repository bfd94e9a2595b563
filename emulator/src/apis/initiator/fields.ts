import { DarajaErrors } from 'daraja-client/wire';
import type { Settings } from 'daraja-client/emulator';
import { DarajaError } from '../../http/daraja-error.js';
import { checkCallbackUrl } from '../../callbacks/url-policy.js';
import { readAmount, readMsisdn, readShortcode, type Read } from '../../validation/fields.js';

/**
 * Field readers of the initiator APIs. Each throws `400.002.02 Bad Request - Invalid <Field>` with a
 * plain-English reason; routes call them in the documented field order, so the first bad field is reported.
 */
export type Body = Record<string, unknown>;

export function need<T>(field: string, read: Read<T>): T {
  if (read.ok) return read.value;
  throw new DarajaError(DarajaErrors.invalidField(field), `${field}: ${read.reason}.`);
}

const describe = (v: unknown) => (v === undefined ? 'missing' : JSON.stringify(v));

/** A non-empty string of at most `max` characters (numbers are accepted as text). */
export function text(body: Body, field: string, max = 100, min = 1): string {
  const v = body[field];
  const value = typeof v === 'number' && Number.isFinite(v) ? String(v) : v;
  if (typeof value !== 'string' || value.trim() === '') {
    throw new DarajaError(
      DarajaErrors.invalidField(field),
      `${field}: ${describe(v)} is not a non-empty string.`,
    );
  }
  if (value.length > max || value.trim().length < min) {
    throw new DarajaError(
      DarajaErrors.invalidField(field),
      `${field}: ${value.length} characters; Daraja takes ${min} to ${max}.`,
    );
  }
  return value;
}

/** An optional text that may come under either spelling (Occasion / Occassion); the first present wins. */
export function optionalText(body: Body, fields: string[], max = 100): string | undefined {
  for (const field of fields) {
    const v = body[field];
    if (v === undefined || v === null || v === '') continue;
    return text(body, field, max);
  }
  return undefined;
}

export function command<T extends string>(body: Body, allowed: readonly T[]): T {
  const v = body.CommandID;
  if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
  throw new DarajaError(
    DarajaErrors.invalidField('CommandID'),
    `CommandID: ${describe(v)} is not ${allowed.map((a) => `"${a}"`).join(' or ')}.`,
  );
}

export function callbackUrl(body: Body, field: string, settings: Settings['callbacks']): string {
  const check = checkCallbackUrl(body[field], settings);
  if (!check.ok) throw new DarajaError(DarajaErrors.invalidField(field), `${field}: ${check.reason}.`);
  return body[field] as string;
}

/** A whole, positive amount (limits are business rules, reported in the result). */
export function amount(body: Body, field = 'Amount'): number {
  return need(field, readAmount(body[field], 'reject'));
}

export function shortcode(body: Body, field: string, maxDigits = 7): string {
  return need(field, readShortcode(body[field], maxDigits));
}

export function msisdn(body: Body, field: string): string {
  return need(field, readMsisdn(body[field]));
}

/** A shortcode, or (for Transaction Status) an MSISDN. */
export function partyA(body: Body, field: string): string {
  const asShortcode = readShortcode(body[field], 9);
  if (asShortcode.ok) return asShortcode.value;
  const asMsisdn = readMsisdn(body[field]);
  if (asMsisdn.ok) return asMsisdn.value;
  throw new DarajaError(
    DarajaErrors.invalidField(field),
    `${field}: ${describe(body[field])} is neither a shortcode (5 to 9 digits) nor an MSISDN (2547XXXXXXXX).`,
  );
}

/** An identifier type: 1 (MSISDN), 2 (till), 4 (shortcode) or 11 (Reversal's own), as number or string. */
export function identifierType(body: Body, field: string, allowed: readonly string[]): string {
  const v = body[field];
  const value = typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim() : undefined;
  if (value !== undefined && allowed.includes(value)) return value;
  throw new DarajaError(
    DarajaErrors.invalidField(field),
    `${field}: ${describe(v)} is not one of ${allowed.map((a) => `"${a}"`).join(', ')}.`,
  );
}
