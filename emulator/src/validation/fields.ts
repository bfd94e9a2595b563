/**
 * Field readers shared by every API. Daraja accepts numbers and numeric strings alike for numeric-looking
 * fields; each reader returns the normalised value, or undefined with a reason the journal can show.
 */
export type Read<T> = { ok: true; value: T } | { ok: false; reason: string };

const describe = (v: unknown) => (v === undefined ? 'missing' : JSON.stringify(v));

function digitsOf(v: unknown): string | undefined {
  if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) return String(v);
  if (typeof v === 'string' && /^\d+$/.test(v.trim())) return v.trim();
  return undefined;
}

/** A shortcode: 5 to 7 digits (Transaction Status also allows up to 9). */
export function readShortcode(v: unknown, maxDigits = 7): Read<string> {
  const d = digitsOf(v);
  if (d && d.length >= 5 && d.length <= maxDigits) return { ok: true, value: d };
  return { ok: false, reason: `${describe(v)} is not a shortcode of 5 to ${maxDigits} digits` };
}

/** A Kenyan MSISDN: 254 followed by 7xxxxxxxx or 1xxxxxxxx, 12 digits, no plus sign. */
export function readMsisdn(v: unknown): Read<string> {
  const d = digitsOf(v);
  if (d && /^254[17]\d{8}$/.test(d)) return { ok: true, value: d };
  let hint = '';
  if (typeof v === 'string' && /^\+/.test(v)) hint = ' (drop the leading +)';
  else if (d && /^0[17]\d{8}$/.test(d)) hint = ` (use the international form 254${d.slice(1)})`;
  else if (d && /^[17]\d{8}$/.test(d)) hint = ` (prefix it with 254)`;
  return {
    ok: false,
    reason: `${describe(v)} is not a Kenyan MSISDN of the form 2547XXXXXXXX or 2541XXXXXXXX${hint}`,
  };
}

/** A whole, positive number of shillings. */
export function readAmount(v: unknown, fractional: 'reject' | 'truncate'): Read<number> {
  let n: number | undefined;
  if (typeof v === 'number') n = v;
  else if (typeof v === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(v)) n = Number(v);
  if (n === undefined || !Number.isFinite(n)) return { ok: false, reason: `${describe(v)} is not a number` };
  if (!Number.isInteger(n)) {
    if (fractional === 'reject')
      return { ok: false, reason: `${describe(v)} is not a whole number of shillings` };
    n = Math.trunc(n);
  }
  if (n < 1) return { ok: false, reason: `${describe(v)} is less than 1` };
  return { ok: true, value: n };
}

/** A non-empty string (numbers are accepted and turned into strings). */
export function readText(v: unknown): Read<string> {
  if (typeof v === 'number' && Number.isFinite(v)) return { ok: true, value: String(v) };
  if (typeof v === 'string' && v.trim() !== '') return { ok: true, value: v };
  return { ok: false, reason: `${describe(v)} is not a non-empty string` };
}

/** A 14-digit `YYYYMMDDHHmmss` that is a real date and time. */
export function readTimestamp(v: unknown): Read<string> {
  const text = typeof v === 'number' ? String(v) : v;
  if (typeof text !== 'string' || !/^\d{14}$/.test(text)) {
    return { ok: false, reason: `${describe(v)} is not 14 digits YYYYMMDDHHmmss` };
  }
  const month = Number(text.slice(4, 6));
  const day = Number(text.slice(6, 8));
  const hour = Number(text.slice(8, 10));
  const minute = Number(text.slice(10, 12));
  const second = Number(text.slice(12, 14));
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) {
    return { ok: false, reason: `"${text}" is not a real date and time (YYYYMMDDHHmmss, 24-hour clock)` };
  }
  return { ok: true, value: text };
}
