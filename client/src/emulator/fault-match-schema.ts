/** `match` of a fault rule: which requests, prompts or callbacks it applies to. */
import * as v from 'valibot';
import { DarajaPaths } from '../wire/common.js';
import { checkedObject, field, finiteNumber, isPlainObject, wholeNumber } from './fault-schema-parts.js';
import { DELIVERY_KINDS, FAULT_ENDPOINT_APIS } from './faults.js';

/** One value or a non-empty list of them; anything else gets the field's one message. */
const oneOrList = <S extends v.GenericSchema>(key: string, item: S, hint: string) =>
  v.optional(
    field(
      v.union([item, v.pipe(v.array(item), v.minLength(1))]),
      `"match.${key}" must be ${hint} or a list of them.`,
    ),
  );

/** Names `match.endpoint` accepts besides paths: API names and `DarajaPaths` keys. */
const ENDPOINT_NAMES = [...new Set<string>([...FAULT_ENDPOINT_APIS, ...Object.keys(DarajaPaths)])];

const AMOUNT_SHAPE = '"match.amount" must be a number or { "min": n, "max": n }.';
const AMOUNT_BOUNDS = '"match.amount" bounds must be numbers with min <= max.';

/** Shillings: exact, or a range with inclusive bounds (either may be left out, not both). */
const amount = v.optional(
  v.pipe(
    // First the shape (a number or an object of min and max), then the bounds.
    field(
      v.union([
        finiteNumber(),
        v.pipe(
          v.strictObject({ min: v.optional(v.unknown()), max: v.optional(v.unknown()) }),
          v.minEntries(1),
        ),
      ]),
      AMOUNT_SHAPE,
    ) as v.GenericSchema,
    field(
      v.union([
        finiteNumber(),
        v.pipe(
          v.strictObject({ min: v.optional(finiteNumber()), max: v.optional(finiteNumber()) }),
          v.minEntries(1),
          v.check((r) => r.min === undefined || r.max === undefined || r.min <= r.max),
        ),
      ]),
      AMOUNT_BOUNDS,
    ),
  ),
);

const MATCH_ENTRIES = {
  /**
   * An API name (`oauth`, `stk-push`, `stk-query`, `c2b`, `c2b-register`, `c2b-simulate`, `b2c`, …), a
   * `DarajaPaths` key (`b2cV3`) or a path.
   */
  endpoint: oneOrList(
    'endpoint',
    v.union([v.picklist(ENDPOINT_NAMES), v.pipe(v.string(), v.startsWith('/'))]),
    'an API name (e.g. "stk-push"), a DarajaPaths key or a path',
  ),
  /** The app: its configured name, or the consumer key of an unconfigured app. */
  app: oneOrList(
    'app',
    v.union([v.pipe(v.string(), v.minLength(1)), finiteNumber()]),
    'an app name or consumer key',
  ),
  /** Any shortcode in the request (BusinessShortCode, ShortCode, PartyA or PartyB). */
  shortcode: oneOrList(
    'shortcode',
    v.union([v.pipe(v.string(), v.regex(/^\d{5,7}$/)), v.pipe(wholeNumber(10000), v.maxValue(9999999))]),
    'a 5-7 digit shortcode',
  ),
  /** Any MSISDN in the request (PhoneNumber, PartyA, PartyB, Msisdn). */
  phone: oneOrList(
    'phone',
    v.union([
      v.pipe(v.string(), v.regex(/^254\d{9}$/)),
      v.pipe(wholeNumber(254000000000), v.maxValue(254999999999)),
    ]),
    'an MSISDN like 254708374149',
  ),
  amount,
  /** AccountReference (STK) or BillRefNumber (C2B). */
  accountReference: oneOrList('accountReference', v.union([v.string(), finiteNumber()]), 'a string'),
  /** Callback rules only: the kind of delivery. */
  callback: oneOrList('callback', v.picklist(DELIVERY_KINDS), `one of ${DELIVERY_KINDS.join(', ')}`),
};

/**
 * Which requests, prompts or callbacks a rule applies to. Every field given must match; a rule with no
 * fields matches everything of its kind. Lists match any of their values.
 */
export const FAULT_MATCH_SCHEMA = checkedObject({
  what: 'match',
  entries: MATCH_ENTRIES,
  base: v.custom<Record<string, unknown>>(isPlainObject, '"match" must be an object.'),
  // The amount, which has two messages, is checked after the lists.
  order: [['endpoint', 'app', 'shortcode', 'phone', 'accountReference', 'callback']],
});

export type FaultMatch = v.InferOutput<typeof FAULT_MATCH_SCHEMA>;
