import {
  DELIVERY_KINDS,
  FAULT_EFFECT_TYPES,
  FAULT_ERROR_NAMES,
  INITIATOR_OUTCOMES,
  STK_OUTCOMES,
  type DelaySpec,
  type FaultEffect,
  type FaultMatch,
  type FaultRuleInput,
} from 'daraja-client/emulator';
import { isKnownEndpoint } from './endpoints.js';

/** A rule the emulator cannot use; the message names the rule and the field. */
export class FaultRuleError extends Error {
  override readonly name = 'FaultRuleError';
}

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const isInt = (v: unknown, min = 0): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min;
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

const EFFECT_FIELDS: Record<FaultEffect['type'], string[]> = {
  delay: ['ms', 'clock'],
  error: ['error', 'code', 'message', 'status'],
  'html-503': ['status'],
  'apigee-fault': ['status', 'faultstring', 'errorcode', 'reason', 'format'],
  reset: [],
  hang: [],
  truncate: ['keep', 'mode'],
  'stk-outcome': ['outcome', 'resultCode', 'resultDesc', 'decisionDelayMs'],
  'initiator-result': ['outcome', 'resultCode', 'resultDesc', 'resultDelayMs'],
  'callback-drop': [],
  'callback-duplicate': ['copies', 'gapMs'],
  'callback-delay': ['ms'],
  'callback-reorder': ['maxHoldMs'],
  'callback-malformed': ['mode'],
  'callback-legacy': [],
};

const MATCH_FIELDS = ['endpoint', 'app', 'shortcode', 'phone', 'amount', 'accountReference', 'callback'];
const RULE_FIELDS = [
  'id',
  'name',
  'enabled',
  'match',
  'nth',
  'every',
  'times',
  'probability',
  'seed',
  'effect',
];
const CALLBACK_KINDS: readonly string[] = DELIVERY_KINDS;

/** Checks a rule from JSON and returns it with only known fields; throws FaultRuleError. */
export function validateRule(input: unknown, where: string): FaultRuleInput {
  if (!isObj(input)) throw new FaultRuleError(`${where} must be an object with at least an "effect".`);
  const fail = (message: string): never => {
    throw new FaultRuleError(
      `${where}${typeof input.name === 'string' ? ` ("${input.name}")` : ''}: ${message}`,
    );
  };
  unknownKeys(input, RULE_FIELDS, fail, 'rule');
  if (input.id !== undefined && (typeof input.id !== 'string' || !/^[\w.:-]{1,64}$/.test(input.id))) {
    fail('"id" must be 1-64 letters, digits, ".", ":", "_" or "-".');
  }
  if (input.id === 'magic')
    fail('"id" "magic" is reserved (GET /_emulator/faults/magic lists the magic numbers).');
  if (input.name !== undefined && (typeof input.name !== 'string' || !input.name.trim()))
    fail('"name" must be a non-empty string.');
  if (input.enabled !== undefined && typeof input.enabled !== 'boolean')
    fail('"enabled" must be true or false.');
  for (const key of ['nth', 'every', 'times'] as const) {
    if (input[key] !== undefined && !isInt(input[key], 1))
      fail(`"${key}" must be a whole number of 1 or more.`);
  }
  if (
    input.probability !== undefined &&
    !(isNum(input.probability) && input.probability >= 0 && input.probability <= 1)
  ) {
    fail('"probability" must be a number from 0 to 1.');
  }
  if (input.seed !== undefined && typeof input.seed !== 'string' && !isNum(input.seed))
    fail('"seed" must be a number or a string.');
  const effect = validateEffect(input.effect, fail);
  const match = input.match === undefined ? undefined : validateMatch(input.match, fail);
  if (match?.callback !== undefined && FAULT_EFFECT_TYPES[effect.type] !== 'callback') {
    fail('"match.callback" applies only to callback effects.');
  }
  // Known fields only, in a fixed order, so that rules read the same wherever they are shown.
  const out: Obj = {};
  for (const key of [
    'id',
    'name',
    'enabled',
    'match',
    'nth',
    'every',
    'times',
    'probability',
    'seed',
  ] as const) {
    if (key === 'match') {
      if (match) out.match = match;
    } else if (input[key] !== undefined) {
      out[key] = key === 'name' ? (input.name as string).trim() : input[key];
    }
  }
  out.effect = effect;
  return out as unknown as FaultRuleInput;
}

function unknownKeys(o: Obj, known: string[], fail: (m: string) => never, what: string): void {
  for (const key of Object.keys(o))
    if (!known.includes(key)) fail(`unknown ${what} field "${key}" (known: ${known.join(', ')}).`);
}

function validateMatch(m: unknown, fail: (m: string) => never): FaultMatch {
  if (!isObj(m)) return fail('"match" must be an object.');
  unknownKeys(m, MATCH_FIELDS, fail, 'match');
  const strings = (key: string, check: (s: string) => boolean, hint: string) => {
    const v = m[key];
    if (v === undefined) return;
    const values = Array.isArray(v) ? v : [v];
    if (
      values.length === 0 ||
      !values.every((x) => (typeof x === 'string' || isNum(x)) && check(String(x)))
    ) {
      fail(`"match.${key}" must be ${hint} or a list of them.`);
    }
  };
  strings('endpoint', isKnownEndpoint, 'an API name (e.g. "stk-push"), a DarajaPaths key or a path');
  strings('app', (s) => s.length > 0, 'an app name or consumer key');
  strings('shortcode', (s) => /^\d{5,7}$/.test(s), 'a 5-7 digit shortcode');
  strings('phone', (s) => /^254\d{9}$/.test(s), 'an MSISDN like 254708374149');
  strings('accountReference', () => true, 'a string');
  strings('callback', (s) => CALLBACK_KINDS.includes(s), `one of ${CALLBACK_KINDS.join(', ')}`);
  const amount = m.amount;
  if (amount !== undefined && !isNum(amount)) {
    if (
      !isObj(amount) ||
      Object.keys(amount).some((k) => k !== 'min' && k !== 'max') ||
      Object.keys(amount).length === 0
    ) {
      fail('"match.amount" must be a number or { "min": n, "max": n }.');
    }
    const { min, max } = amount as Obj;
    if (
      (min !== undefined && !isNum(min)) ||
      (max !== undefined && !isNum(max)) ||
      (isNum(min) && isNum(max) && min > max)
    ) {
      fail('"match.amount" bounds must be numbers with min <= max.');
    }
  }
  return m as FaultMatch;
}

function validateDelay(v: unknown, field: string, fail: (m: string) => never): DelaySpec {
  if (isInt(v)) return v;
  if (isObj(v) && isInt(v.min) && isInt(v.max) && v.min <= v.max && Object.keys(v).length === 2)
    return { min: v.min, max: v.max };
  if (isObj(v) && isInt(v.mean, 1) && Object.keys(v).length === 1) return { mean: v.mean };
  return fail(`"${field}" must be milliseconds, { "min": a, "max": b } or { "mean": m }.`);
}

function validateEffect(e: unknown, fail: (m: string) => never): FaultEffect {
  if (!isObj(e) || typeof e.type !== 'string' || !(e.type in EFFECT_FIELDS)) {
    return fail(`"effect.type" must be one of ${Object.keys(EFFECT_FIELDS).join(', ')}.`);
  }
  const type = e.type as FaultEffect['type'];
  unknownKeys(e, ['type', ...EFFECT_FIELDS[type]], fail, `"${type}" effect`);
  const status = (v: unknown, min = 100) => v === undefined || (isInt(v) && v >= min && v <= 599);
  switch (type) {
    case 'delay':
      validateDelay(e.ms, 'effect.ms', fail);
      if (e.clock !== undefined && e.clock !== 'emulator' && e.clock !== 'real')
        fail('"effect.clock" must be "emulator" or "real".');
      break;
    case 'callback-delay':
      validateDelay(e.ms, 'effect.ms', fail);
      break;
    case 'error':
      if (e.error === undefined && e.code === undefined)
        fail(`an error effect needs "error" (${FAULT_ERROR_NAMES.join(', ')}) or "code".`);
      if (e.error !== undefined && !(FAULT_ERROR_NAMES as readonly unknown[]).includes(e.error)) {
        fail(`"effect.error" must be one of ${FAULT_ERROR_NAMES.join(', ')}.`);
      }
      if (e.code !== undefined && (typeof e.code !== 'string' || !/^\d{2,3}(\.\d+)*$/.test(e.code))) {
        fail('"effect.code" must look like a Daraja error code, e.g. "500.003.02".');
      }
      if (e.message !== undefined && typeof e.message !== 'string')
        fail('"effect.message" must be a string.');
      if (!status(e.status, 400)) fail('"effect.status" must be an HTTP status from 400 to 599.');
      break;
    case 'html-503':
    case 'apigee-fault':
      if (!status(e.status, 400)) fail('"effect.status" must be an HTTP status from 400 to 599.');
      for (const k of ['faultstring', 'errorcode', 'reason']) {
        if (e[k] !== undefined && typeof e[k] !== 'string') fail(`"effect.${k}" must be a string.`);
      }
      if (e.format !== undefined && e.format !== 'json' && e.format !== 'soap')
        fail('"effect.format" must be "json" or "soap".');
      break;
    case 'truncate':
      if (e.keep !== undefined && !(isNum(e.keep) && e.keep >= 0 && e.keep < 1))
        fail('"effect.keep" must be a fraction from 0 to below 1.');
      if (e.mode !== undefined && e.mode !== 'invalid-json' && e.mode !== 'cut-connection') {
        fail('"effect.mode" must be "invalid-json" or "cut-connection".');
      }
      break;
    case 'stk-outcome':
      if (e.outcome === undefined && e.resultCode === undefined && e.decisionDelayMs === undefined) {
        fail('an stk-outcome effect needs "outcome", "resultCode" or "decisionDelayMs".');
      }
      if (
        e.outcome !== undefined &&
        !(STK_OUTCOMES as readonly unknown[]).includes(e.outcome) &&
        !isInt(e.outcome)
      ) {
        fail(`"effect.outcome" must be one of ${STK_OUTCOMES.join(', ')} or a result code.`);
      }
      if (e.outcome !== undefined && e.resultCode !== undefined)
        fail('give "outcome" or "resultCode", not both.');
      if (e.resultCode !== undefined && !isInt(e.resultCode))
        fail('"effect.resultCode" must be a whole number (STK callbacks carry numbers).');
      if (e.resultDesc !== undefined && typeof e.resultDesc !== 'string')
        fail('"effect.resultDesc" must be a string.');
      if (e.decisionDelayMs !== undefined && !isInt(e.decisionDelayMs))
        fail('"effect.decisionDelayMs" must be milliseconds.');
      break;
    case 'initiator-result':
      validateInitiatorResult(e, fail);
      break;
    case 'callback-duplicate':
      if (e.copies !== undefined && !(isInt(e.copies, 1) && e.copies <= 10))
        fail('"effect.copies" must be 1 to 10.');
      if (e.gapMs !== undefined && !isInt(e.gapMs)) fail('"effect.gapMs" must be milliseconds.');
      break;
    case 'callback-reorder':
      if (e.maxHoldMs !== undefined && !isInt(e.maxHoldMs, 1))
        fail('"effect.maxHoldMs" must be milliseconds.');
      break;
    case 'callback-malformed':
      if (e.mode !== undefined && e.mode !== 'truncated' && e.mode !== 'not-json')
        fail('"effect.mode" must be "truncated" or "not-json".');
      break;
  }
  return e as unknown as FaultEffect;
}

/** A forced result code as Daraja writes them: a whole number, or upper-case letters, digits and "_". */
const isResultCode = (v: unknown): boolean =>
  isInt(v) || (typeof v === 'string' && /^[A-Z0-9_]{1,10}$/.test(v));

function validateInitiatorResult(e: Obj, fail: (m: string) => never): void {
  if (e.outcome === undefined && e.resultCode === undefined && e.resultDelayMs === undefined) {
    fail('an initiator-result effect needs "outcome", "resultCode" or "resultDelayMs".');
  }
  if (e.outcome !== undefined && !(INITIATOR_OUTCOMES as readonly unknown[]).includes(e.outcome))
    fail(`"effect.outcome" must be one of ${INITIATOR_OUTCOMES.join(', ')}.`);
  if (e.outcome !== undefined && e.resultCode !== undefined)
    fail('give "outcome" or "resultCode", not both.');
  if (e.resultCode !== undefined && !isResultCode(e.resultCode)) {
    fail(
      '"effect.resultCode" must be a whole number or a code such as "R000001" (upper-case letters and digits).',
    );
  }
  if (e.resultDesc !== undefined) {
    if (typeof e.resultDesc !== 'string') fail('"effect.resultDesc" must be a string.');
    const forced = e.outcome ?? e.resultCode;
    if (forced === undefined || forced === 'normal' || forced === 'queue-timeout' || Number(forced) === 0) {
      fail(
        '"effect.resultDesc" needs a forced result ("outcome" other than normal or queue-timeout, or a non-zero "resultCode").',
      );
    }
  }
  if (e.resultDelayMs !== undefined) validateDelay(e.resultDelayMs, 'effect.resultDelayMs', fail);
}
