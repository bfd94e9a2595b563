/**
 * The one definition of a fault rule (the `faults` config key, `POST /_emulator/faults`,
 * `createEmulator({ faults })`): its fields, their checks and messages, in the order they are checked.
 * The TypeScript types and the published JSON Schema are both derived from it.
 */
import * as v from 'valibot';
import { FAULT_EFFECT_SCHEMA } from './fault-effect-schema.js';
import { FAULT_MATCH_SCHEMA } from './fault-match-schema.js';
import {
  checkedObject,
  field,
  finiteNumber,
  isPlainObject,
  objectCheck,
  wholeNumber,
} from './fault-schema-parts.js';
import { FAULT_EFFECT_TYPES } from './faults.js';

const count = (key: string) =>
  v.optional(field(wholeNumber(1), `"${key}" must be a whole number of 1 or more.`));

const ID = '"id" must be 1-64 letters, digits, ".", ":", "_" or "-".';
const NAME = '"name" must be a non-empty string.';

const RULE_ENTRIES = {
  /** Kept if given (unique); otherwise assigned. */
  id: v.optional(
    v.pipe(
      v.string(ID),
      v.regex(/^[\w.:-]{1,64}$/, ID),
      v.notValue('magic', '"id" "magic" is reserved (GET /_emulator/faults/magic lists the magic numbers).'),
    ),
  ),
  /** Shown in the journal and on transactions and deliveries; defaults to the id. Kept trimmed. */
  name: v.optional(v.pipe(v.string(NAME), v.regex(/\S/, NAME), v.trim())),
  enabled: v.optional(v.boolean('"enabled" must be true or false.')),
  match: v.optional(FAULT_MATCH_SCHEMA),
  /** Fire only on the n-th matching request (1-based). */
  nth: count('nth'),
  /** Fire on every n-th matching request. */
  every: count('every'),
  /** Fire at most this many times. */
  times: count('times'),
  /** Fire with this probability (0-1), drawn from a seeded generator. */
  probability: v.optional(
    field(v.pipe(v.number(), v.minValue(0), v.maxValue(1)), '"probability" must be a number from 0 to 1.'),
  ),
  /** Seed of this rule's generator; defaults to the emulator's seed and the rule's name. */
  seed: v.optional(field(v.union([v.string(), finiteNumber()]), '"seed" must be a number or a string.')),
  effect: FAULT_EFFECT_SCHEMA,
};

/**
 * A fault rule. Checked with `abortEarly`, its first issue is the message a person should read first:
 * unknown fields, then the fields in order (the match after the effect), then whether they fit together.
 */
export const FAULT_RULE_SCHEMA = checkedObject({
  what: 'rule',
  entries: RULE_ENTRIES,
  base: v.custom<Record<string, unknown>>(isPlainObject, 'must be an object with at least an "effect".'),
  order: [['id', 'name', 'enabled', 'nth', 'every', 'times', 'probability', 'seed', 'effect']],
  finally: [
    objectCheck((rule) => {
      const match = rule.match as { callback?: unknown } | undefined;
      const type = (rule.effect as { type: keyof typeof FAULT_EFFECT_TYPES }).type;
      return match?.callback === undefined || FAULT_EFFECT_TYPES[type] === 'callback';
    }, '"match.callback" applies only to callback effects.'),
  ],
});

/** A rule as written in the config file, a scenario or `POST /_emulator/faults`. */
export type FaultRuleInput = v.InferOutput<typeof FAULT_RULE_SCHEMA>;

/**
 * Checks a rule: the rule with only known fields, in the order above and its name trimmed, or the message
 * of the first problem (the rule's name and where it came from are for the caller to add).
 */
export function parseFaultRule(input: unknown): { rule: FaultRuleInput } | { problem: string } {
  const result = v.safeParse(FAULT_RULE_SCHEMA, input, { abortEarly: true });
  return result.success ? { rule: result.output } : { problem: result.issues[0].message };
}
