/**
 * Fault rules, magic values and rate limiting: shapes of the `faults` config key, of
 * `/_emulator/faults` and of the `magic` and `rateLimit` settings. Daraja has none of this; it lets
 * tests and the dashboard make the emulator misbehave on purpose.
 */
import { INITIATOR_APIS, type INITIATOR_OUTCOMES } from './initiator-settings.js';
import type { DeliveryKind } from './records.js';
import type { Settings, StkOutcome } from './settings.js';
import type { WorldConfig } from './world.js';

/** Milliseconds: fixed, uniform between `min` and `max`, or exponential around `mean` (seeded). */
export type DelaySpec = number | { min: number; max: number } | { mean: number };

/**
 * Which requests, prompts or callbacks a rule applies to. Every field given must match; a rule with no
 * fields matches everything of its kind. Lists match any of their values.
 */
export interface FaultMatch {
  /**
   * An API name (`oauth`, `stk-push`, `stk-query`, `c2b`, `c2b-register`, `c2b-simulate`, `b2c`,
   * `b2pochi`, `transaction-status`, `account-balance`, `reversal`, `b2b`, `tax-remittance`,
   * `pull-transactions`), a `DarajaPaths` key (`b2cV3`) or a path.
   */
  endpoint?: string | string[];
  /** The app: its configured name, or the consumer key of an unconfigured app. */
  app?: string | string[];
  /** Any shortcode in the request (BusinessShortCode, ShortCode, PartyA or PartyB). */
  shortcode?: string | string[];
  /** Any MSISDN in the request (PhoneNumber, PartyA, PartyB, Msisdn). */
  phone?: string | string[];
  /** Shillings: exact, or a range with inclusive bounds. */
  amount?: number | { min?: number; max?: number };
  /** AccountReference (STK) or BillRefNumber (C2B). */
  accountReference?: string | string[];
  /** Callback rules only: the kind of delivery. */
  callback?: DeliveryKind | DeliveryKind[];
}

/** Answers at the HTTP level, before the API handler runs. */
export type HttpFaultEffect =
  /** Waits before the request reaches the handler (on the emulator clock unless `clock: 'real'`). */
  | { type: 'delay'; ms: DelaySpec; clock?: 'emulator' | 'real' }
  /**
   * A Daraja error envelope: a named one, or any `code`/`message` (status = the code's first three digits
   * unless `status` is given).
   */
  | { type: 'error'; error?: FaultErrorName; code?: string; message?: string; status?: number }
  /** The gateway's own HTML error page (503 unless `status` is given). */
  | { type: 'html-503'; status?: number }
  /** An Apigee fault: JSON `{ fault: { faultstring, detail } }` or the SOAP-style XML envelope. */
  | {
      type: 'apigee-fault';
      status?: number;
      faultstring?: string;
      errorcode?: string;
      reason?: string;
      format?: 'json' | 'soap';
    }
  /** Destroys the connection without an answer. */
  | { type: 'reset' }
  /** Never answers; the client must give up. Released when the client disconnects or the emulator stops. */
  | { type: 'hang' }
  /**
   * Lets the handler answer, then cuts its body: `keep` is the fraction kept (default 0.5).
   * `invalid-json` sends the cut body as complete (Content-Length matches); `cut-connection` announces the
   * full length and drops the connection midway.
   */
  | { type: 'truncate'; keep?: number; mode?: 'invalid-json' | 'cut-connection' };

/** Changes what happens after the acknowledgement: the prompt's outcome and the callbacks. */
export type BusinessFaultEffect =
  /** The STK prompt's outcome (any StkOutcome or result code) and/or the delay before the decision. */
  | {
      type: 'stk-outcome';
      outcome?: StkOutcome;
      resultCode?: number;
      resultDesc?: string;
      decisionDelayMs?: number;
    }
  /**
   * The Result of an initiator request (B2C, B2Pochi, Transaction Status, Account Balance, Reversal): a
   * named outcome or any result code (a forced failure moves no money), and/or how long after the
   * acknowledgement the Result (or the queue-timeout notification) is sent.
   */
  | {
      type: 'initiator-result';
      outcome?: (typeof INITIATOR_OUTCOMES)[number];
      resultCode?: number | string;
      resultDesc?: string;
      resultDelayMs?: DelaySpec;
    }
  /** The callback is never sent (recorded as cancelled). */
  | { type: 'callback-drop' }
  /** The callback is sent `copies` extra times, `gapMs` apart. */
  | { type: 'callback-duplicate'; copies?: number; gapMs?: number }
  /** The callback is sent later than due. */
  | { type: 'callback-delay'; ms: DelaySpec }
  /** Held back until the next callback to the same URL is sent, then sent right after it (or after `maxHoldMs`). */
  | { type: 'callback-reorder'; maxHoldMs?: number }
  /** The body is cut in half (`truncated`) or is not JSON at all (`not-json`). */
  | { type: 'callback-malformed'; mode?: 'truncated' | 'not-json' }
  /** STK callbacks in the 2017-2019 wording: failure texts prefixed with `[STK_CB - ]`. */
  | { type: 'callback-legacy' };

export type FaultEffect = HttpFaultEffect | BusinessFaultEffect;
export type FaultEffectType = FaultEffect['type'];

/** Every effect type with where it acts, in the order a form would offer them. */
export const FAULT_EFFECT_TYPES = {
  delay: 'http',
  error: 'http',
  'html-503': 'http',
  'apigee-fault': 'http',
  reset: 'http',
  hang: 'http',
  truncate: 'http',
  'stk-outcome': 'stk',
  'initiator-result': 'initiator',
  'callback-drop': 'callback',
  'callback-duplicate': 'callback',
  'callback-delay': 'callback',
  'callback-reorder': 'callback',
  'callback-malformed': 'callback',
  'callback-legacy': 'callback',
} as const satisfies Record<FaultEffectType, 'http' | 'stk' | 'initiator' | 'callback'>;

/** Where an effect acts: on Daraja requests, STK prompts, initiator requests' Results, or callbacks. */
export type FaultStage = (typeof FAULT_EFFECT_TYPES)[FaultEffectType];

/** Named Daraja errors for `{ type: 'error', error }`. */
export const FAULT_ERROR_NAMES = [
  'spike-arrest',
  'quota',
  'system-busy',
  'maintenance',
  'invalid-token',
  'internal-error',
  'bad-request',
  'invalid-payload',
] as const;
export type FaultErrorName = (typeof FAULT_ERROR_NAMES)[number];

/** API names `match.endpoint` accepts (besides `DarajaPaths` keys and paths), for forms that offer a choice. */
export const FAULT_API_NAMES = [
  'oauth',
  'stk-push',
  'stk-query',
  'c2b',
  'c2b-register',
  'c2b-simulate',
  ...INITIATOR_APIS,
  'pull-transactions',
  'b2b-express-checkout',
  'dynamic-qr',
  'ratiba',
  'bill-manager',
] as const;

/** Kinds of callback `match.callback` accepts. */
export const DELIVERY_KINDS = [
  'stk-callback',
  'result',
  'queue-timeout',
  'c2b-validation',
  'c2b-confirmation',
  'express-checkout-callback',
  'ratiba-callback',
  'bill-payment',
] as const satisfies readonly DeliveryKind[];

/** A rule as written in the config file, a scenario or `POST /_emulator/faults`. */
export interface FaultRuleInput {
  /** Kept if given (unique); otherwise assigned. */
  id?: string;
  /** Shown in the journal and on transactions and deliveries; defaults to the id. */
  name?: string;
  enabled?: boolean;
  match?: FaultMatch;
  /** Fire only on the n-th matching request (1-based). */
  nth?: number;
  /** Fire on every n-th matching request. */
  every?: number;
  /** Fire at most this many times. */
  times?: number;
  /** Fire with this probability (0-1), drawn from a seeded generator. */
  probability?: number;
  /** Seed of this rule's generator; defaults to the emulator's seed and the rule's name. */
  seed?: number | string;
  effect: FaultEffect;
}

/** A rule as the control API shows it, with its counters. */
export interface FaultRuleView extends FaultRuleInput {
  id: string;
  name: string;
  enabled: boolean;
  /** Requests, prompts or callbacks that matched `match`. */
  matched: number;
  /** Times the effect was applied. */
  fired: number;
}

/** Setting `magic`: phone numbers with a fixed STK outcome, like a card processor's test cards. */
export type MagicSettings = Settings['magic'];

/** Setting `rateLimit`: Apigee's spike arrest, measured on the emulator clock (settings/traffic.ts). */
export type RateLimitSettings = Settings['rateLimit'];

/** A magic phone number and what an STK push to it does. */
export interface MagicPhone {
  phone: string;
  outcome: StkOutcome;
  description: string;
}

/** Phone numbers reserved for test outcomes (the `25470000` range + a 4-digit code). */
export const MAGIC_PHONES: readonly MagicPhone[] = [
  { phone: '254700000000', outcome: 'accept', description: 'Paid (0), if the wallet covers the amount' },
  { phone: '254700000001', outcome: 1, description: 'Insufficient funds (1)' },
  { phone: '254700000017', outcome: 17, description: 'Rule limited (17)' },
  { phone: '254700000026', outcome: 26, description: 'System busy (26)' },
  { phone: '254700001001', outcome: 1001, description: 'Subscriber locked (1001)' },
  { phone: '254700001019', outcome: 1019, description: 'Transaction expired (1019)' },
  { phone: '254700001025', outcome: 1025, description: 'Push request failed (1025)' },
  { phone: '254700001032', outcome: 'decline', description: 'Cancelled by the customer (1032)' },
  {
    phone: '254700001037',
    outcome: 'timeout',
    description: 'No response from the customer (1037) at the PIN timeout',
  },
  {
    phone: '254700000037',
    outcome: 'offline',
    description: 'Phone unreachable (1037 "DS timeout") at the PIN timeout',
  },
  { phone: '254700002001', outcome: 'wrong-pin', description: 'Wrong PIN (2001)' },
  { phone: '254700002028', outcome: 2028, description: 'Not permitted by product assignment (2028)' },
  { phone: '254700008006', outcome: 8006, description: 'PIN locked (8006)' },
  { phone: '254700009999', outcome: 9999, description: 'Push failure (9999)' },
];

/** Control-API paths for faults, scenarios and state. */
export const FaultControlPaths = {
  faults: '/_emulator/faults',
  fault: (id: string) => `/_emulator/faults/${encodeURIComponent(id)}`,
  magic: '/_emulator/faults/magic',
  scenario: '/_emulator/scenario',
  state: '/_emulator/state',
} as const;

/** `GET /_emulator/state`: everything the emulator holds, to save and `PUT` back later. */
export interface StateDocument {
  format: 'daraja-emulator-state';
  version: 1;
  exportedAt: number;
  settings: Settings;
  world: WorldConfig;
  faults: FaultRuleInput[];
  /** Every store collection by name, records in insertion order. */
  collections: Record<string, { id: string }[]>;
}
