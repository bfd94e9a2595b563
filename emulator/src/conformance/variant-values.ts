import { randomBytes } from 'node:crypto';
import type { VariantValues } from 'daraja-client/emulator';
import { SANDBOX_MSISDN } from '../config/defaults.js';
import type { CallbackVariant } from './callback-variant.js';

/** Shortcodes of the default world that each family acts for. */
const SHORTCODE = {
  stk: '174379',
  c2b: '600984',
  b2c: '600997',
  'transaction-status': '600000',
  'account-balance': '600000',
  reversal: '600000',
} as const;

/**
 * The values of one run: what the app's trigger is given and what probes are filled with. AccountReference
 * is fresh for every run (at most 12 characters, as STK allows), so the app's record of this run is easy to
 * find; `overrides` replace any default (e.g. the app's own shortcode).
 */
export function variantValues(
  variant: CallbackVariant,
  overrides: Partial<VariantValues> = {},
): VariantValues {
  const reference = `CF${randomBytes(4).toString('hex').toUpperCase()}`;
  const base: VariantValues = {
    Variant: variant.name,
    Family: variant.family,
    AccountReference: reference,
    ShortCode: SHORTCODE[variant.family],
    PhoneNumber: SANDBOX_MSISDN,
    Amount: variant.family === 'b2c' ? '100' : '10',
    ExpectedOutcome: variant.expect.outcome,
    ExpectedResultCode: variant.expect.resultCode === undefined ? '' : String(variant.expect.resultCode),
  };
  const values = { ...base, ...definedOnly(overrides) };
  if (variant.family === 'c2b') {
    values.MSISDN = values.PhoneNumber ?? SANDBOX_MSISDN;
    values.BillRefNumber =
      variant.c2b?.account === 'unknown'
        ? `NX${randomBytes(4).toString('hex').toUpperCase()}`
        : (values.AccountReference ?? reference);
  }
  return values;
}

function definedOnly(values: Partial<VariantValues>): VariantValues {
  const out: VariantValues = {};
  for (const [k, v] of Object.entries(values)) if (v !== undefined) out[k] = v;
  return out;
}
