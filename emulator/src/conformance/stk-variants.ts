import { StkResult } from 'daraja-client/wire';
import type { StkOutcome } from 'daraja-client/emulator';
import type { CallbackVariant } from './callback-variant.js';
import { nextCallback, nextPrompt } from './next-rules.js';

const outcome = (name: string, o: StkOutcome | undefined, extra: { decisionDelayMs?: number } = {}) =>
  nextPrompt(name, {
    type: 'stk-outcome',
    ...(typeof o === 'number' ? { resultCode: o } : o === undefined ? {} : { outcome: o }),
    ...extra,
  });

const EVIDENCE_CODES =
  'STK result codes from Daraja callbacks and the M-Pesa Express docs (reference SPEC §4); 1037 and 1032 in sandbox captures.';

/** A failure the customer's side can produce: the app records it as failed with the code, and fulfils nothing. */
function failure(slug: string, how: StkOutcome, code: number, desc: string): CallbackVariant {
  const name = `stk-failure-${slug}`;
  return {
    name,
    family: 'stk',
    description: `The prompt ends with ResultCode ${code} "${desc}"; the callback has no CallbackMetadata.`,
    evidence: EVIDENCE_CODES,
    expect: {
      outcome: 'failure',
      resultCode: code,
      summary: `Marks the payment failed with code ${code}, fulfils nothing.`,
    },
    needs: [],
    timeline: 'settle',
    arrange: () => ({ faults: [outcome(name, how)] }),
  };
}

const accept = (name: string) => outcome(name, 'accept');

/** M-Pesa Express (STK push) callbacks. */
export const STK_VARIANTS: CallbackVariant[] = [
  {
    name: 'stk-success',
    family: 'stk',
    description:
      'The customer enters the PIN: ResultCode 0 with CallbackMetadata Amount, MpesaReceiptNumber, Balance (no Value), TransactionDate and PhoneNumber as numbers.',
    evidence:
      'Sandbox callback captures (stk-callback-success); Balance without Value is an XML-to-JSON artefact.',
    expect: { outcome: 'success', summary: 'Marks the payment paid with the receipt and fulfils it once.' },
    needs: [],
    timeline: 'settle',
    arrange: () => ({ faults: [accept('stk-success')] }),
  },
  failure('cancelled', 'decline', 1032, StkResult.cancelled.desc),
  failure('no-response', 'timeout', 1037, StkResult.noResponse.desc),
  failure('unreachable', 'offline', 1037, StkResult.unreachable.desc),
  failure('wrong-pin', 'wrong-pin', 2001, StkResult.wrongPin.desc),
  failure('insufficient-funds', 'insufficient-funds', 1, StkResult.insufficientFunds.desc),
  failure('push-error', 1025, 1025, StkResult.pushError.desc),
  failure('rule-limited', 17, 17, StkResult.ruleLimited.desc),
  failure('subscriber-locked', 1001, 1001, StkResult.subscriberLocked.desc),
  failure('expired', 1019, 1019, StkResult.expired.desc),
  failure('system-busy', 26, 26, StkResult.systemBusy.desc),
  failure('not-permitted', 2028, 2028, StkResult.notPermitted.desc),
  failure('pin-locked', 8006, 8006, StkResult.pinLocked.desc),
  failure('push-failure', 9999, 9999, StkResult.pushFailure.desc),
  {
    name: 'stk-duplicate-callback',
    family: 'stk',
    description: 'A successful payment whose callback is delivered twice, with the same CheckoutRequestID.',
    evidence:
      'Daraja delivers at least once; integrators report repeated callbacks for one CheckoutRequestID (reference SPEC §1.9).',
    expect: {
      outcome: 'success',
      summary:
        'Marks the payment paid once and fulfils it once; the second copy is acknowledged and ignored.',
    },
    needs: [],
    timeline: 'settle',
    arrange: () => ({
      faults: [
        accept('stk-duplicate-callback'),
        nextCallback('stk-duplicate-callback', 'stk-callback', { type: 'callback-duplicate', copies: 1 }),
      ],
    }),
  },
  {
    name: 'stk-success-after-query-pending',
    family: 'stk',
    description:
      'The app queries while the prompt is still open and gets ResultCode "4999" (still under processing); the customer pays 30 s later.',
    evidence: 'STK query captures: a pending push answers 200 with ResultCode "4999" (reference SPEC §4).',
    expect: {
      outcome: 'success',
      summary:
        'Treats 4999 as "not yet", keeps the payment pending and marks it paid when the callback comes.',
    },
    needs: ['reconcile'],
    timeline: 'query-while-pending',
    arrange: () => ({
      faults: [outcome('stk-success-after-query-pending', 'accept', { decisionDelayMs: 30_000 })],
    }),
  },
  {
    name: 'stk-success-after-query-being-processed',
    family: 'stk',
    description:
      'The app queries while the prompt is open and gets the legacy 500 error 500.001.1001 "The transaction is being processed"; the customer pays 30 s later.',
    evidence:
      'Legacy gateway behaviour: 500.001.1001 "The transaction is being processed" (reference SPEC §1.4).',
    expect: {
      outcome: 'success',
      summary:
        'Treats the 500 "being processed" as "not yet" rather than a failure, and settles from the callback.',
    },
    needs: ['reconcile'],
    timeline: 'query-while-pending',
    arrange: () => ({
      settings: { stk: { queryPending: 'legacy' } },
      faults: [outcome('stk-success-after-query-being-processed', 'accept', { decisionDelayMs: 30_000 })],
    }),
  },
  {
    name: 'stk-callback-lost',
    family: 'stk',
    description: 'The customer pays, but the callback never arrives.',
    evidence: 'Daraja makes one delivery attempt and never retries (reference SPEC §1.9).',
    expect: {
      outcome: 'success',
      summary: 'At its own timeout, asks M-Pesa (STK query), learns the payment succeeded and marks it paid.',
    },
    needs: ['reconcile'],
    timeline: 'app-timeout',
    arrange: () => ({
      faults: [
        accept('stk-callback-lost'),
        nextCallback('stk-callback-lost', 'stk-callback', { type: 'callback-drop' }),
      ],
    }),
  },
  {
    name: 'stk-callback-late',
    family: 'stk',
    description: "The customer pays at once, but the callback arrives a minute after the app's own timeout.",
    evidence:
      'Callbacks delayed by minutes are reported on Safaricom’s developer forums; Daraja promises no delivery time.',
    expect: {
      outcome: 'success',
      summary:
        'At its timeout, queries and marks the payment paid (not failed); the late callback changes nothing and fulfils nothing twice.',
    },
    needs: ['reconcile'],
    timeline: 'app-timeout',
    arrange: ({ appTimeoutMs }) => ({
      faults: [
        accept('stk-callback-late'),
        nextCallback('stk-callback-late', 'stk-callback', {
          type: 'callback-delay',
          ms: appTimeoutMs + 60_000,
        }),
      ],
    }),
  },
  {
    name: 'stk-legacy-wording',
    family: 'stk',
    description:
      'A cancelled prompt in the 2017-2019 wording: ResultDesc "[STK_CB - ]Request cancelled by user", with legacy-style ids.',
    evidence: 'Legacy callbacks quoted in public integrations (reference SPEC §1.6, callback-legacy fault).',
    expect: {
      outcome: 'failure',
      resultCode: 1032,
      summary: 'Decides by ResultCode, not by the text: marks the payment failed with 1032.',
    },
    needs: [],
    timeline: 'settle',
    arrange: () => ({
      settings: { ids: { style: 'legacy' } },
      faults: [
        outcome('stk-legacy-wording', 'decline'),
        nextCallback('stk-legacy-wording', 'stk-callback', { type: 'callback-legacy' }),
      ],
    }),
  },
];
