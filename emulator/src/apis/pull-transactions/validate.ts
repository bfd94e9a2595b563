import { DarajaErrors, PullErrors } from 'daraja-client/wire';
import type { Settings } from 'daraja-client/emulator';
import { DarajaError } from '../../http/daraja-error.js';
import { parseEatTimestamp } from '../../time/eat.js';
import { readShortcode } from '../../validation/fields.js';
import { callbackUrl, type Body } from '../initiator/fields.js';

export interface PullRegisterInput {
  shortcode: string;
  nominatedNumber: string;
  callbackUrl: string;
}

export interface PullQueryInput {
  shortcode: string;
  /** Epoch ms of the window's bounds (EAT wall-clock in the request). */
  start: number;
  end: number;
  offset: number;
}

const describe = (v: unknown) => (v === undefined ? 'missing' : JSON.stringify(v));

const invalid = (field: string, why: string) =>
  new DarajaError(DarajaErrors.invalidField(field), `${field}: ${why}.`);

/** ShortCode: Pull answers its own `400.001 Invalid ShortCode` (SPEC 21). */
function shortCode(body: Body): string {
  const read = readShortcode(body.ShortCode, 7);
  if (read.ok) return read.value;
  throw new DarajaError(PullErrors.invalidShortCode, `ShortCode: ${read.reason}.`);
}

/** Register fields in the documented order: ShortCode, RequestType ("Pull"), NominatedNumber, CallBackURL. */
export function validatePullRegister(body: Body, settings: Settings): PullRegisterInput {
  const shortcode = shortCode(body);
  if (body.RequestType !== 'Pull')
    throw invalid('RequestType', `${describe(body.RequestType)} is not "Pull"`);
  const raw = body.NominatedNumber;
  const digits = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
  // The docs' sample body writes 0722000000 and their table 254722000000: both forms are taken.
  if (!/^(?:254|0)[17]\d{8}$/.test(digits)) {
    throw invalid('NominatedNumber', `${describe(raw)} is not a Kenyan number (2547XXXXXXXX or 07XXXXXXXX)`);
  }
  const nominatedNumber = digits.startsWith('0') ? `254${digits.slice(1)}` : digits;
  const url = callbackUrl(body, 'CallBackURL', settings.callbacks);
  return { shortcode, nominatedNumber, callbackUrl: url };
}

/**
 * `YYYY-MM-DD HH:mm:ss` or `YYYY-MM-DD HH:mm` (the hour may have one digit, as in the portal's sample),
 * read as East Africa Time.
 */
export function parsePullDate(v: unknown): number | undefined {
  if (typeof v !== 'string') return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(v.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m;
  return parseEatTimestamp(`${y}${mo}${d}${(h as string).padStart(2, '0')}${mi}${s ?? '00'}`);
}

/** Query fields in the documented order: ShortCode, StartDate, EndDate, OffSetValue (a row count, as text). */
export function validatePullQuery(body: Body): PullQueryInput {
  const shortcode = shortCode(body);
  const dates = ['StartDate', 'EndDate'].map((field) => {
    const at = parsePullDate(body[field]);
    if (at === undefined)
      throw invalid(field, `${describe(body[field])} is not a date "YYYY-MM-DD HH:mm:ss"`);
    return at;
  });
  const raw = body.OffSetValue;
  const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
  if (!/^\d{1,9}$/.test(text))
    throw invalid('OffSetValue', `${describe(raw)} is not a row offset such as "0"`);
  return { shortcode, start: dates[0] as number, end: dates[1] as number, offset: Number(text) };
}
