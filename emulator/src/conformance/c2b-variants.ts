import type { FaultRuleInput } from 'daraja-client/emulator';
import type { C2bPlan, CallbackVariant } from './callback-variant.js';
import { nextCallback } from './next-rules.js';

const PLAIN: C2bPlan = { responseType: 'Completed', validation: true, version: 'v2', account: 'own' };

const DOCS = "Daraja's C2B docs and FAQ (register URL, validation and confirmation; reference SPEC §6).";

function c2b(
  v: Omit<CallbackVariant, 'family' | 'timeline' | 'arrange' | 'c2b'> & {
    plan?: Partial<C2bPlan>;
    faults?: (name: string) => FaultRuleInput[];
    msisdn?: 'hashed' | 'masked';
  },
): CallbackVariant {
  const { plan, faults, msisdn, ...view } = v;
  return {
    ...view,
    family: 'c2b',
    timeline: 'settle',
    c2b: { ...PLAIN, ...plan },
    arrange: () => ({
      ...(msisdn ? { settings: { c2b: { msisdnFormat: msisdn } } } : {}),
      ...(faults ? { faults: faults(v.name) } : {}),
    }),
  };
}

const recordedOnce = 'Records the payment against the account once, from the confirmation.';

/** Customer-to-business payments: validation and confirmation. */
export const C2B_VARIANTS: CallbackVariant[] = [
  c2b({
    name: 'c2b-validation-accepted',
    description:
      'The customer pays the account the app issued: the ValidationURL is asked first, then the confirmation follows.',
    evidence: DOCS,
    expect: { outcome: 'success', summary: `Accepts (ResultCode "0") within 8 s. ${recordedOnce}` },
    needs: ['validation'],
  }),
  c2b({
    name: 'c2b-validation-rejected',
    description: 'The customer pays an account number the app never issued; the app should refuse it.',
    evidence: `${DOCS} Rejection codes C2B00011-C2B00016.`,
    expect: {
      outcome: 'pending',
      summary:
        'Rejects with a C2B000xx code within 8 s; the payment is cancelled, no confirmation comes, and the app’s own account stays unpaid.',
    },
    needs: ['validation'],
    plan: { account: 'unknown' },
  }),
  c2b({
    name: 'c2b-validation-timeout-completed',
    description:
      'The validation request never reaches the app; the URLs were registered with ResponseType "Completed", so M-Pesa completes the payment and sends the confirmation.',
    evidence: `${DOCS} ResponseType decides when the ValidationURL is unreachable or slower than about 8 s.`,
    expect: {
      outcome: 'success',
      summary: `${recordedOnce} A confirmation without a validation before it is normal.`,
    },
    needs: ['validation'],
    faults: (name) => [nextCallback(name, 'c2b-validation', { type: 'callback-drop' })],
  }),
  c2b({
    name: 'c2b-validation-timeout-cancelled',
    description:
      'The validation request never reaches the app; ResponseType "Cancelled" makes M-Pesa cancel the payment, and no confirmation comes.',
    evidence: `${DOCS} ResponseType decides when the ValidationURL is unreachable or slower than about 8 s.`,
    expect: { outcome: 'pending', summary: 'Records nothing: the account stays unpaid.' },
    needs: ['validation'],
    plan: { responseType: 'Cancelled' },
    faults: (name) => [nextCallback(name, 'c2b-validation', { type: 'callback-drop' })],
  }),
  c2b({
    name: 'c2b-confirmation-only',
    description: 'External validation is off for the shortcode (the default): only the confirmation arrives.',
    evidence: `${DOCS} Validation is enabled per shortcode on request to Safaricom.`,
    expect: { outcome: 'success', summary: recordedOnce },
    needs: [],
    plan: { validation: false },
  }),
  c2b({
    name: 'c2b-duplicate-confirmation',
    description: 'The confirmation of one payment (same TransID) is delivered twice.',
    evidence: 'Daraja delivers at least once (reference SPEC §1.9).',
    expect: {
      outcome: 'success',
      summary: 'Records the payment once; the second copy is acknowledged and ignored.',
    },
    needs: [],
    plan: { validation: false },
    faults: (name) => [nextCallback(name, 'c2b-confirmation', { type: 'callback-duplicate', copies: 1 })],
  }),
  c2b({
    name: 'c2b-v1-hashed-msisdn',
    description: 'URLs registered on v1: the notification carries the payer’s MSISDN as a SHA-256 hex hash.',
    evidence: 'C2B FAQ and notifications since late 2023 (reference SPEC §1.5 #16).',
    expect: { outcome: 'success', summary: `${recordedOnce} Does not parse MSISDN as a phone number.` },
    needs: [],
    plan: { validation: false, version: 'v1' },
    msisdn: 'hashed',
  }),
  c2b({
    name: 'c2b-v2-masked-msisdn',
    description: 'URLs registered on v2: the notification carries a masked MSISDN such as "2547 ***** 126".',
    evidence: 'C2B v2 notification captures (reference SPEC §1.5 #16).',
    expect: { outcome: 'success', summary: `${recordedOnce} Does not parse MSISDN as a phone number.` },
    needs: [],
    plan: { validation: false, version: 'v2' },
    msisdn: 'masked',
  }),
];
