/**
 * Fault rules, magic values and rate limiting: shapes of the `faults` config key, of
 * `/_emulator/faults` and of the `magic` and `rateLimit` settings. Daraja has none of this; it lets
 * tests and the dashboard make the emulator misbehave on purpose. A rule's own shape is the schema in
 * `fault-rule-schema.ts` (with `fault-match-schema.ts` and `fault-effect-schema.ts`); its types are
 * re-exported here with the lists it is checked against.
 */
import { INITIATOR_APIS } from './initiator-settings.js';
import type { DeliveryKind } from './records.js';
import type { Settings, StkOutcome } from './settings.js';
import type { WorldConfig } from './world.js';
import type { EffectOf, FaultEffectType } from './fault-effect-schema.js';
import type { FaultRuleInput } from './fault-rule-schema.js';

export type { DelaySpec, EffectOf, FaultEffect, FaultEffectType } from './fault-effect-schema.js';
export type { FaultMatch } from './fault-match-schema.js';
export type { FaultRuleInput } from './fault-rule-schema.js';

/** Answers at the HTTP level, before the API handler runs. */
export type HttpFaultEffect = EffectOf<EffectTypeAt<'http'>>;
/** Changes what happens after the acknowledgement: the prompt's outcome, the Result and the callbacks. */
export type BusinessFaultEffect = EffectOf<EffectTypeAt<'stk' | 'initiator' | 'callback'>>;
/** The effect types acting at `stage`. */
export type EffectTypeAt<S extends FaultStage> = {
  [T in FaultEffectType]: (typeof FAULT_EFFECT_TYPES)[T] extends S ? T : never;
}[FaultEffectType];

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

/** Where a `delay` effect waits: on the emulator clock (default) or in real time. */
export const DELAY_CLOCKS = ['emulator', 'real'] as const;
/** Apigee fault bodies: JSON (default) or SOAP-style XML. */
export const APIGEE_FORMATS = ['json', 'soap'] as const;
/** How `truncate` cuts the answer (default `invalid-json`). */
export const TRUNCATE_MODES = ['invalid-json', 'cut-connection'] as const;
/** How `callback-malformed` spoils the body (default `truncated`). */
export const MALFORMED_MODES = ['truncated', 'not-json'] as const;

export type ApigeeFormat = (typeof APIGEE_FORMATS)[number];
export type TruncateMode = (typeof TRUNCATE_MODES)[number];
export type MalformedMode = (typeof MALFORMED_MODES)[number];

/** API names a form offers for `match.endpoint` (which also takes `DarajaPaths` keys and paths). */
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

/** Every API name `match.endpoint` accepts: those a form offers, and the SIM checks. */
export const FAULT_ENDPOINT_APIS = [...FAULT_API_NAMES, 'imsi', 'sim-swap'] as const;

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
