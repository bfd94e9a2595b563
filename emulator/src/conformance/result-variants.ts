import { QUEUE_TIMEOUT_RESULT } from 'daraja-client/wire';
import type { ConformanceFamily, VariantExpectation } from 'daraja-client/emulator';
import { INITIATOR_OUTCOMES } from 'daraja-client/emulator';

type InitiatorOutcome = (typeof INITIATOR_OUTCOMES)[number];
import type { Arrangement, CallbackVariant } from './callback-variant.js';
import { nextCallback, nextRequest } from './next-rules.js';

type ResultFamily = Exclude<ConformanceFamily, 'stk' | 'c2b'>;

const LABEL: Record<ResultFamily, string> = {
  b2c: 'B2C payment',
  'transaction-status': 'Transaction Status query',
  'account-balance': 'Account Balance query',
  reversal: 'Reversal',
};

const RESULT_DOCS =
  'Result callbacks in sandbox captures and Daraja’s docs; XML-to-JSON artefacts in reference SPEC §1.5 #12.';

/** The next request of this API is decided this way (an `initiator-result` rule that fires once). */
function decide(name: string, family: ResultFamily, outcome: InitiatorOutcome): Arrangement['faults'] {
  return [nextRequest(name, family, { type: 'initiator-result', outcome })];
}

function variant(
  family: ResultFamily,
  slug: string,
  description: string,
  expect: VariantExpectation,
  arrange: (name: string) => Arrangement,
  evidence = RESULT_DOCS,
): CallbackVariant {
  const name = `${family}-${slug}`;
  return {
    name,
    family,
    description,
    evidence,
    expect,
    needs: [],
    timeline: 'settle',
    arrange: () => arrange(name),
  };
}

const lists = (asObject: boolean) => ({ initiator: { singleItemAsObject: asObject } });

/** The variants every initiator API shares: success in both list shapes, a duplicate Result, a queue timeout. */
function shared(family: ResultFamily): CallbackVariant[] {
  const label = LABEL[family];
  const done: VariantExpectation = { outcome: 'success', summary: `Records the ${label} as done, once.` };
  return [
    variant(
      family,
      'success',
      `The ${label} succeeds; every ResultParameter and ReferenceItem list is an array, as the docs show.`,
      done,
      (name) => ({ settings: lists(false), faults: decide(name, family, 'normal') }),
    ),
    variant(
      family,
      'single-item-object',
      `The ${label} succeeds, and a list with one element (ReferenceData.ReferenceItem) arrives as a bare object instead of an array.`,
      { ...done, summary: `${done.summary} Reads a one-element list whether it is an object or an array.` },
      (name) => ({ settings: lists(true), faults: decide(name, family, 'normal') }),
    ),
    variant(
      family,
      'duplicate-result',
      `The ${label} succeeds and its Result is delivered twice, with the same ConversationID.`,
      { ...done, summary: `${done.summary} The second copy is acknowledged and ignored.` },
      (name) => ({
        faults: [
          ...(decide(name, family, 'normal') ?? []),
          nextCallback(name, 'result', { type: 'callback-duplicate', copies: 1 }),
        ],
      }),
    ),
    variant(
      family,
      'queue-timeout',
      `The request times out in M-Pesa's queue: nothing is processed, and QueueTimeOutURL gets a notification instead of a Result.`,
      {
        outcome: 'failure',
        resultCode: QUEUE_TIMEOUT_RESULT.code,
        summary: 'Records that the request was not processed (safe to retry); nothing is marked done.',
      },
      (name) => ({ faults: decide(name, family, 'queue-timeout') }),
      "QueueTimeOutURL in Daraja's docs; the notification's body is undocumented, so it is configurable (initiator.queueTimeoutCode).",
    ),
  ];
}

function failed(
  family: ResultFamily,
  slug: string,
  outcome: InitiatorOutcome,
  code: number | string,
  why: string,
) {
  return variant(
    family,
    slug,
    `The ${LABEL[family]} fails with ResultCode ${JSON.stringify(code)} (${why}); no ResultParameters are sent and no money moves.`,
    {
      outcome: 'failure',
      resultCode: code,
      summary: `Records the failure with code ${JSON.stringify(code)} and copes with ResultParameters being absent.`,
    },
    (name) => ({ faults: decide(name, family, outcome) }),
  );
}

/** Result callbacks of B2C, Transaction Status, Account Balance and Reversal. */
export const RESULT_VARIANTS: CallbackVariant[] = [
  ...shared('b2c'),
  failed('b2c', 'insufficient-funds', 'insufficient-funds', 1, 'the Utility Account cannot pay'),
  failed('b2c', 'initiator-invalid', 'initiator-invalid', 2001, 'wrong initiator or credential'),
  ...shared('transaction-status'),
  failed('transaction-status', 'not-found', 'unknown-receipt', 2032, 'no such receipt'),
  ...shared('account-balance'),
  variant(
    'account-balance',
    'credential-locked',
    'The query fails with 8006 "The security credential is locked"; ResultParameters carry ErrorMsg, and ReferenceItem QueueTimeoutURL has no Value member at all.',
    {
      outcome: 'failure',
      resultCode: 8006,
      summary: 'Records the failure with code 8006 and reads a key/value item that has no Value.',
    },
    (name) => ({ faults: decide(name, 'account-balance', 'credential-locked') }),
    'Sandbox capture balance-result-locked (reference SPEC §1.5 #12).',
  ),
  ...shared('reversal'),
  failed('reversal', 'already-reversed', 'already-reversed', 'R000001', 'the payment was already reversed'),
  failed('reversal', 'unknown-receipt', 'unknown-receipt', 'R000002', 'the OriginalTransactionID is invalid'),
];
