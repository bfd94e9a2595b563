import { parseFaultRule, type FaultRuleInput } from 'daraja-client/emulator';

/** A rule the emulator cannot use; the message names the rule and the field. */
export class FaultRuleError extends Error {
  override readonly name = 'FaultRuleError';
}

const isObj = (value: unknown): value is Record<string, unknown> =>
  !!value && typeof value === 'object' && !Array.isArray(value);

/**
 * Checks a rule from JSON against the rule schema (`FAULT_RULE_SCHEMA` in daraja-client) and returns it
 * with only known fields, in a fixed order so that rules read the same wherever they are shown; throws
 * FaultRuleError naming where the rule came from, its name and the first problem.
 */
export function validateRule(input: unknown, where: string): FaultRuleInput {
  const parsed = parseFaultRule(input);
  if ('rule' in parsed) return parsed.rule;
  if (!isObj(input)) throw new FaultRuleError(`${where} ${parsed.problem}`);
  const name = typeof input.name === 'string' ? ` ("${input.name}")` : '';
  throw new FaultRuleError(`${where}${name}: ${parsed.problem}`);
}
