import {
  FAULT_EFFECT_TYPES,
  INITIATOR_OUTCOMES,
  type ApigeeFormat,
  type DelaySpec,
  type FaultEffect,
  type FaultEffectType,
  type FaultErrorName,
  type FaultMatch,
  type FaultRuleInput,
  type MalformedMode,
  type TruncateMode,
} from 'daraja-client/emulator';
import { parseOutcome } from '../dashboard/stk-outcomes';

/** The Faults form's fields, as typed: strings until the rule is built. Empty means "not given". */
export interface RuleDraft {
  name: string;
  endpoint: string;
  shortcode: string;
  phone: string;
  amountMin: string;
  amountMax: string;
  accountReference: string;
  callback: string;
  nth: string;
  every: string;
  times: string;
  probability: string;
  effect: FaultEffectType;
  /** `error`: a named error, or `custom` with `code` and `message`. */
  errorName: FaultErrorName | 'custom';
  code: string;
  message: string;
  /** `error`, `html-503`, `apigee-fault`. */
  status: string;
  /** `delay`, `callback-delay`: fixed milliseconds, or a range up to `msMax`. */
  ms: string;
  msMax: string;
  realClock: boolean;
  keep: string;
  truncateMode: TruncateMode;
  apigeeFormat: ApigeeFormat;
  /** `stk-outcome`: an StkOutcome name, `code` (then `resultCode`), or empty (only a delay). */
  outcome: string;
  resultCode: string;
  resultDesc: string;
  decisionDelayMs: string;
  /** `initiator-result`: an INITIATOR_OUTCOMES name, `code` (then `resultCode`), or empty (only a delay). */
  initiatorOutcome: string;
  resultDelayMs: string;
  copies: string;
  gapMs: string;
  maxHoldMs: string;
  malformedMode: MalformedMode;
}

export function emptyDraft(): RuleDraft {
  return {
    name: '',
    endpoint: '',
    shortcode: '',
    phone: '',
    amountMin: '',
    amountMax: '',
    accountReference: '',
    callback: '',
    nth: '',
    every: '',
    times: '',
    probability: '',
    effect: 'error',
    errorName: 'spike-arrest',
    code: '',
    message: '',
    status: '',
    ms: '3000',
    msMax: '',
    realClock: false,
    keep: '',
    truncateMode: 'invalid-json',
    apigeeFormat: 'json',
    outcome: 'code',
    resultCode: '1032',
    resultDesc: '',
    decisionDelayMs: '',
    initiatorOutcome: 'insufficient-funds',
    resultDelayMs: '',
    copies: '',
    gapMs: '',
    maxHoldMs: '',
    malformedMode: 'truncated',
  };
}

/**
 * The rule the form describes, with only the fields given. Numbers are passed as typed (`Number("x")` is
 * NaN, which JSON sends as null): the emulator's 400 then names the field, so the form never guesses.
 */
export function ruleFromDraft(d: RuleDraft): FaultRuleInput {
  const rule: FaultRuleInput = { effect: effectFromDraft(d) };
  if (d.name.trim()) rule.name = d.name.trim();
  const match = matchFromDraft(d, FAULT_EFFECT_TYPES[d.effect] === 'callback');
  if (Object.keys(match).length > 0) rule.match = match;
  for (const key of ['nth', 'every', 'times', 'probability'] as const) {
    const n = num(d[key]);
    if (n !== undefined) rule[key] = n;
  }
  return rule;
}

function matchFromDraft(d: RuleDraft, isCallback: boolean): FaultMatch {
  const match: FaultMatch = {};
  if (d.endpoint) match.endpoint = d.endpoint;
  const shortcodes = list(d.shortcode);
  if (shortcodes) match.shortcode = shortcodes;
  const phones = list(d.phone);
  if (phones) match.phone = phones;
  const references = list(d.accountReference);
  if (references) match.accountReference = references;
  const min = num(d.amountMin);
  const max = num(d.amountMax);
  if (min !== undefined && min === max) match.amount = min;
  else if (min !== undefined || max !== undefined) match.amount = { min, max };
  if (isCallback && d.callback) match.callback = d.callback as NonNullable<FaultMatch['callback']>;
  return match;
}

function effectFromDraft(d: RuleDraft): FaultEffect {
  const given = <T extends object>(o: T): T =>
    Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '')) as T;
  switch (d.effect) {
    case 'error':
      return d.errorName === 'custom'
        ? given({ type: 'error', code: d.code.trim(), message: d.message.trim(), status: num(d.status) })
        : given({ type: 'error', error: d.errorName, message: d.message.trim(), status: num(d.status) });
    case 'html-503':
      return given({ type: 'html-503', status: num(d.status) });
    case 'apigee-fault':
      return given({
        type: 'apigee-fault',
        status: num(d.status),
        format: d.apigeeFormat === 'soap' ? 'soap' : undefined,
      });
    case 'reset':
    case 'hang':
    case 'callback-drop':
    case 'callback-legacy':
      return { type: d.effect };
    case 'delay':
      return given({ type: 'delay', ms: delay(d), clock: d.realClock ? 'real' : undefined });
    case 'truncate':
      return given({ type: 'truncate', keep: num(d.keep), mode: d.truncateMode });
    case 'stk-outcome':
      return given({
        type: 'stk-outcome',
        outcome: d.outcome && d.outcome !== 'code' ? parseOutcome(d.outcome) : undefined,
        resultCode: d.outcome === 'code' ? num(d.resultCode) : undefined,
        resultDesc: d.outcome === 'code' ? d.resultDesc.trim() : undefined,
        decisionDelayMs: num(d.decisionDelayMs),
      });
    case 'initiator-result': {
      const outcome = INITIATOR_OUTCOMES.find((o) => o === d.initiatorOutcome);
      const code = d.resultCode.trim();
      return given({
        type: 'initiator-result',
        outcome,
        // Initiator codes are numbers (2040) or upper-case words (R000001); digits go as a number.
        resultCode: d.initiatorOutcome === 'code' ? (/^\d+$/.test(code) ? Number(code) : code) : undefined,
        resultDesc: d.initiatorOutcome === 'code' ? d.resultDesc.trim() : undefined,
        resultDelayMs: num(d.resultDelayMs),
      });
    }
    case 'callback-duplicate':
      return given({ type: 'callback-duplicate', copies: num(d.copies), gapMs: num(d.gapMs) });
    case 'callback-delay':
      return { type: 'callback-delay', ms: delay(d) };
    case 'callback-reorder':
      return given({ type: 'callback-reorder', maxHoldMs: num(d.maxHoldMs) });
    case 'callback-malformed':
      return { type: 'callback-malformed', mode: d.malformedMode };
  }
}

function delay(d: RuleDraft): DelaySpec {
  const ms = Number(d.ms);
  const max = num(d.msMax);
  return max === undefined ? ms : { min: ms, max };
}

function num(text: string): number | undefined {
  return text.trim() === '' ? undefined : Number(text);
}

/** `"a, b"` → `["a", "b"]`; one value stays a string, as a person would write the rule. */
function list(text: string): string | string[] | undefined {
  const values = text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (values.length === 0) return undefined;
  return values.length === 1 ? values[0] : values;
}
