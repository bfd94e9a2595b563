import { readMsisdn, readShortcode } from '../validation/fields.js';
import type { StateParams } from './state-template.js';

/** Thrown when a state's values are missing or malformed; the message says which and how to fix it. */
export class ProviderStateError extends Error {
  override readonly name = 'ProviderStateError';
}

/** A required text value, from the description or the params. */
export function text(params: StateParams, name: string): string {
  const value = params[name];
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (typeof value === 'number') return String(value);
  throw new ProviderStateError(`needs a value for {${name}} (in the description or as a param)`);
}

export function optionalText(params: StateParams, name: string): string | undefined {
  return params[name] === undefined ? undefined : text(params, name);
}

/** A Kenyan MSISDN in Daraja's form, 2547XXXXXXXX or 2541XXXXXXXX. */
export function msisdn(params: StateParams, name = 'msisdn'): string {
  const read = readMsisdn(text(params, name));
  if (!read.ok) throw new ProviderStateError(`{${name}}: ${read.reason}`);
  return read.value;
}

export function shortcode(params: StateParams, name = 'shortcode'): string {
  const read = readShortcode(text(params, name));
  if (!read.ok) throw new ProviderStateError(`{${name}}: ${read.reason}`);
  return read.value;
}

/** Shillings: `1500`, `1,500`, `1500.50` or `Ksh 1,500`. */
export function shillings(params: StateParams, name = 'amount'): number {
  const raw = params[name];
  const value = typeof raw === 'number' ? raw : Number(String(raw ?? '').replace(/^ksh\s*|,/gi, ''));
  if (
    String(raw ?? '').trim() === '' ||
    !Number.isFinite(value) ||
    value < 0 ||
    Math.round(value * 100) !== value * 100
  ) {
    throw new ProviderStateError(
      `{${name}} must be an amount of shillings such as 1500; got "${String(raw)}"`,
    );
  }
  return value;
}
