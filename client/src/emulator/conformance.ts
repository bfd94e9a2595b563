/**
 * Callback conformance: the variants of every callback Daraja can send, and what a run of one against an
 * app found. Shared by the emulator's catalogue, the test kit, the `conformance` command and the dashboard.
 */
import { CONTROL_PREFIX } from './control.js';
import type { DeliveryKind, DeliveryStatus } from './records.js';

export const ConformancePaths = {
  variants: `${CONTROL_PREFIX}/conformance/variants`,
  results: `${CONTROL_PREFIX}/conformance/results`,
  fire: `${CONTROL_PREFIX}/conformance/fire`,
} as const;

/** The API whose callbacks a variant exercises. */
export type ConformanceFamily = 'stk' | 'c2b' | 'b2c' | 'transaction-status' | 'account-balance' | 'reversal';

export const CONFORMANCE_FAMILIES: readonly ConformanceFamily[] = [
  'stk',
  'c2b',
  'b2c',
  'transaction-status',
  'account-balance',
  'reversal',
];

/**
 * Where a correct app ends up: `success` (paid, recorded, done), `failure` (recorded as failed, with the
 * result code) or `pending` (nothing happened to the app's record: no money moved and nothing was settled).
 */
export type ExpectedOutcome = 'success' | 'failure' | 'pending';

export interface VariantExpectation {
  outcome: ExpectedOutcome;
  /** The result code a correct app records for a failure. */
  resultCode?: number | string;
  /** In words, what a correct app does. */
  summary: string;
}

/** A catalogue entry as the control API lists it. */
export interface CallbackVariantView {
  name: string;
  family: ConformanceFamily;
  description: string;
  /** Where the shape or behaviour comes from (captures, Daraja's docs, observed behaviour). */
  evidence: string;
  expect: VariantExpectation;
  /** What the app must offer for the variant to apply: `validation` (a C2B ValidationURL), `reconcile`. */
  needs: ('validation' | 'reconcile')[];
}

/** The values of one run, substituted into triggers and probes as `{Name}`. */
export type VariantValues = Record<string, string>;

/** One answer the app gave to a callback. */
export interface CallbackAnswer {
  status?: number;
  body?: string;
  latencyMs: number;
  error?: string;
}

/** One callback the emulator sent (or deliberately did not send) during a run. */
export interface CallbackExchange {
  deliveryId: string;
  kind: DeliveryKind;
  url: string;
  body: unknown;
  status: DeliveryStatus;
  answers: CallbackAnswer[];
  rules?: string[];
}

export type ConformanceVerdict = 'pass' | 'fail' | 'error';

/** What a run of one variant found. */
export interface ConformanceResult {
  /** Groups the results of one run of several variants. */
  runId: string;
  variant: string;
  family?: ConformanceFamily;
  expect?: VariantExpectation;
  values: VariantValues;
  transactionId?: string;
  /** What the trigger did, in a line. */
  trigger?: string;
  callbacks: CallbackExchange[];
  /** What the outcome probe said, in a line. */
  probe?: string;
  verdict: ConformanceVerdict;
  /** Why it failed or errored; notes for a pass. */
  reasons: string[];
  at: number;
}

/** `POST /conformance/fire`: send a variant's callbacks to a URL, with the emulator as the app's trigger. */
export interface ConformanceFireBody {
  variant: string;
  url: string;
}
