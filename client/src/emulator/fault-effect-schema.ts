/** `effect` of a fault rule: what happens to what the rule matched. */
import * as v from 'valibot';
import {
  checkedObject,
  field,
  objectCheck,
  wholeNumber,
  type CheckOrder,
  type Obj,
} from './fault-schema-parts.js';
import {
  APIGEE_FORMATS,
  DELAY_CLOCKS,
  FAULT_ERROR_NAMES,
  MALFORMED_MODES,
  TRUNCATE_MODES,
} from './faults.js';
import { INITIATOR_OUTCOMES } from './initiator-settings.js';
import { STK_OUTCOMES } from './settings.js';

/** Milliseconds: fixed, uniform between `min` and `max`, or exponential around `mean` (seeded). */
const delaySpec = (key: string) =>
  field(
    v.union([
      wholeNumber(),
      v.pipe(
        v.strictObject({ min: wholeNumber(), max: wholeNumber() }),
        v.check((r) => r.min <= r.max),
      ),
      v.strictObject({ mean: wholeNumber(1) }),
    ]),
    `"effect.${key}" must be milliseconds, { "min": a, "max": b } or { "mean": m }.`,
  );

const text = (key: string) => v.optional(field(v.string(), `"effect.${key}" must be a string.`));
const milliseconds = (key: string, min = 0) =>
  v.optional(field(wholeNumber(min), `"effect.${key}" must be milliseconds.`));
const oneOf = <const T extends readonly string[]>(key: string, options: T) =>
  v.optional(
    field(v.picklist(options), `"effect.${key}" must be ${options.map((o) => `"${o}"`).join(' or ')}.`),
  );
/** An HTTP status for an error answer. */
const status = v.optional(
  field(v.pipe(wholeNumber(400), v.maxValue(599)), '"effect.status" must be an HTTP status from 400 to 599.'),
);
const resultDesc = text('resultDesc');

const needsOneOf = (keys: readonly string[], message: string) =>
  objectCheck((o) => keys.some((key) => o[key] !== undefined), message);
const notBoth = objectCheck(
  (o) => o.outcome === undefined || o.resultCode === undefined,
  'give "outcome" or "resultCode", not both.',
);

/** One effect type: its `type` and its own fields. */
function effect<const T extends string, const E extends v.ObjectEntries>(
  type: T,
  entries: E,
  order?: CheckOrder<E & { type: v.LiteralSchema<T, undefined> }>,
) {
  return checkedObject({
    what: `"${type}" effect`,
    entries: { type: v.literal(type), ...entries },
    base: v.looseObject({ type: v.literal(type) }),
    order,
  });
}

/** A forced Result: an outcome other than normal or queue-timeout, or a non-zero result code. */
const forcesResult = (o: Obj): boolean => {
  const forced = o.outcome ?? o.resultCode;
  return forced !== undefined && forced !== 'normal' && forced !== 'queue-timeout' && Number(forced) !== 0;
};

/** Every effect type with its fields, in the order the "effect.type" message lists them. */
export const FAULT_EFFECT_SCHEMAS = {
  /** Waits before the request reaches the handler (on the emulator clock unless `clock: 'real'`). */
  delay: effect('delay', { ms: delaySpec('ms'), clock: oneOf('clock', DELAY_CLOCKS) }),
  /**
   * A Daraja error envelope: a named one, or any `code`/`message` (status = the code's first three digits
   * unless `status` is given).
   */
  error: effect(
    'error',
    {
      error: v.optional(
        field(
          v.picklist(FAULT_ERROR_NAMES),
          `"effect.error" must be one of ${FAULT_ERROR_NAMES.join(', ')}.`,
        ),
      ),
      code: v.optional(
        field(
          v.pipe(v.string(), v.regex(/^\d{2,3}(\.\d+)*$/)),
          '"effect.code" must look like a Daraja error code, e.g. "500.003.02".',
        ),
      ),
      message: text('message'),
      status,
    },
    [
      needsOneOf(
        ['error', 'code'],
        `an error effect needs "error" (${FAULT_ERROR_NAMES.join(', ')}) or "code".`,
      ),
    ],
  ),
  /** The gateway's own HTML error page (503 unless `status` is given). */
  'html-503': effect('html-503', { status }),
  /** An Apigee fault: JSON `{ fault: { faultstring, detail } }` or the SOAP-style XML envelope. */
  'apigee-fault': effect('apigee-fault', {
    status,
    faultstring: text('faultstring'),
    errorcode: text('errorcode'),
    reason: text('reason'),
    format: oneOf('format', APIGEE_FORMATS),
  }),
  /** Destroys the connection without an answer. */
  reset: effect('reset', {}),
  /** Never answers; the client must give up. Released when the client disconnects or the emulator stops. */
  hang: effect('hang', {}),
  /**
   * Lets the handler answer, then cuts its body: `keep` is the fraction kept (default 0.5).
   * `invalid-json` sends the cut body as complete (Content-Length matches); `cut-connection` announces the
   * full length and drops the connection midway.
   */
  truncate: effect('truncate', {
    keep: v.optional(
      field(
        v.pipe(v.number(), v.minValue(0), v.ltValue(1)),
        '"effect.keep" must be a fraction from 0 to below 1.',
      ),
    ),
    mode: oneOf('mode', TRUNCATE_MODES),
  }),
  /** The STK prompt's outcome (any StkOutcome or result code) and/or the delay before the decision. */
  'stk-outcome': effect(
    'stk-outcome',
    {
      outcome: v.optional(
        field(
          v.union([v.picklist(STK_OUTCOMES), wholeNumber()]),
          `"effect.outcome" must be one of ${STK_OUTCOMES.join(', ')} or a result code.`,
        ),
      ),
      resultCode: v.optional(
        field(wholeNumber(), '"effect.resultCode" must be a whole number (STK callbacks carry numbers).'),
      ),
      resultDesc,
      decisionDelayMs: milliseconds('decisionDelayMs'),
    },
    [
      needsOneOf(
        ['outcome', 'resultCode', 'decisionDelayMs'],
        'an stk-outcome effect needs "outcome", "resultCode" or "decisionDelayMs".',
      ),
      ['outcome'],
      notBoth,
    ],
  ),
  /**
   * The Result of an initiator request (B2C, B2Pochi, Transaction Status, Account Balance, Reversal): a
   * named outcome or any result code (a forced failure moves no money), and/or how long after the
   * acknowledgement the Result (or the queue-timeout notification) is sent.
   */
  'initiator-result': effect(
    'initiator-result',
    {
      outcome: v.optional(
        field(
          v.picklist(INITIATOR_OUTCOMES),
          `"effect.outcome" must be one of ${INITIATOR_OUTCOMES.join(', ')}.`,
        ),
      ),
      /** A result code as Daraja writes them: a whole number, or upper-case letters, digits and "_". */
      resultCode: v.optional(
        field(
          v.union([wholeNumber(), v.pipe(v.string(), v.regex(/^[A-Z0-9_]{1,10}$/))]),
          '"effect.resultCode" must be a whole number or a code such as "R000001" (upper-case letters and digits).',
        ),
      ),
      resultDesc,
      resultDelayMs: v.optional(delaySpec('resultDelayMs')),
    },
    [
      needsOneOf(
        ['outcome', 'resultCode', 'resultDelayMs'],
        'an initiator-result effect needs "outcome", "resultCode" or "resultDelayMs".',
      ),
      ['outcome'],
      notBoth,
      ['resultCode', 'resultDesc'],
      objectCheck(
        (o) => o.resultDesc === undefined || forcesResult(o),
        '"effect.resultDesc" needs a forced result ("outcome" other than normal or queue-timeout, or a non-zero "resultCode").',
      ),
    ],
  ),
  /** The callback is never sent (recorded as cancelled). */
  'callback-drop': effect('callback-drop', {}),
  /** The callback is sent `copies` extra times, `gapMs` apart. */
  'callback-duplicate': effect('callback-duplicate', {
    copies: v.optional(field(v.pipe(wholeNumber(1), v.maxValue(10)), '"effect.copies" must be 1 to 10.')),
    gapMs: milliseconds('gapMs'),
  }),
  /** The callback is sent later than due. */
  'callback-delay': effect('callback-delay', { ms: delaySpec('ms') }),
  /** Held back until the next callback to the same URL is sent, then sent right after it (or after `maxHoldMs`). */
  'callback-reorder': effect('callback-reorder', { maxHoldMs: milliseconds('maxHoldMs', 1) }),
  /** The body is cut in half (`truncated`) or is not JSON at all (`not-json`). */
  'callback-malformed': effect('callback-malformed', { mode: oneOf('mode', MALFORMED_MODES) }),
  /** STK callbacks in the 2017-2019 wording: failure texts prefixed with `[STK_CB - ]`. */
  'callback-legacy': effect('callback-legacy', {}),
};

export type FaultEffectType = keyof typeof FAULT_EFFECT_SCHEMAS;

/** One of the effects above, chosen by `type`. */
export const FAULT_EFFECT_SCHEMA = v.variant(
  'type',
  Object.values(FAULT_EFFECT_SCHEMAS),
  `"effect.type" must be one of ${Object.keys(FAULT_EFFECT_SCHEMAS).join(', ')}.`,
);

/** The effect of one type, e.g. `EffectOf<'delay'>`. */
export type EffectOf<T extends FaultEffectType> = v.InferOutput<(typeof FAULT_EFFECT_SCHEMAS)[T]>;
export type FaultEffect = { [T in FaultEffectType]: EffectOf<T> }[FaultEffectType];
export type DelaySpec = v.InferOutput<ReturnType<typeof delaySpec>>;
