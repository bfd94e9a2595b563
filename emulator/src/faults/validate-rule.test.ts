import { describe, expect, it } from 'vitest';
import { FaultRuleError, validateRule } from './validate-rule.js';

const problem = (rule: unknown) => {
  try {
    validateRule(rule, 'faults[0]');
  } catch (error) {
    expect(error).toBeInstanceOf(FaultRuleError);
    return (error as Error).message;
  }
  throw new Error('the rule was accepted');
};

describe('validateRule', () => {
  it('says what a rule must be when it is not an object, without a name', () => {
    expect(problem([{ effect: { type: 'hang' } }])).toBe(
      'faults[0] must be an object with at least an "effect".',
    );
  });

  it('names the rule and lists the known fields when one is unknown, before any other problem', () => {
    expect(problem({ name: 'slow', nth: 0, when: 'always', effect: { type: 'nope' } })).toBe(
      'faults[0] ("slow"): unknown rule field "when" (known: id, name, enabled, match, nth, every, times, probability, seed, effect).',
    );
    expect(problem({ effect: { type: 'delay', ms: 5, keep: 0.5 } })).toBe(
      'faults[0]: unknown "delay" effect field "keep" (known: type, ms, clock).',
    );
    expect(problem({ match: { endpoint: 'stk-push', amout: 5 }, effect: { type: 'hang' } })).toBe(
      'faults[0]: unknown match field "amout" (known: endpoint, app, shortcode, phone, amount, accountReference, callback).',
    );
  });

  it('asks for an effect when there is none, as for an unknown effect type', () => {
    const types =
      'delay, error, html-503, apigee-fault, reset, hang, truncate, stk-outcome, initiator-result, callback-drop, callback-duplicate, callback-delay, callback-reorder, callback-malformed, callback-legacy';
    expect(problem({ name: 'x' })).toBe(`faults[0] ("x"): "effect.type" must be one of ${types}.`);
    expect(problem({ effect: { type: 'explode' } })).toBe(
      `faults[0]: "effect.type" must be one of ${types}.`,
    );
  });

  it('checks the effect before the match, and the match before whether the two fit', () => {
    const rule = { match: { phone: '0712' }, effect: { type: 'delay', ms: -1 } };
    expect(problem(rule)).toBe(
      'faults[0]: "effect.ms" must be milliseconds, { "min": a, "max": b } or { "mean": m }.',
    );
    expect(problem({ ...rule, effect: { type: 'hang' } })).toBe(
      'faults[0]: "match.phone" must be an MSISDN like 254708374149 or a list of them.',
    );
    expect(problem({ match: { callback: 'result' }, effect: { type: 'hang' } })).toBe(
      'faults[0]: "match.callback" applies only to callback effects.',
    );
  });

  it('checks the amount after the other match fields, with its own message for bad bounds', () => {
    expect(problem({ match: { amount: 'x', shortcode: '12' }, effect: { type: 'hang' } })).toBe(
      'faults[0]: "match.shortcode" must be a 5-7 digit shortcode or a list of them.',
    );
    expect(problem({ match: { amount: { min: 'x' } }, effect: { type: 'hang' } })).toBe(
      'faults[0]: "match.amount" bounds must be numbers with min <= max.',
    );
    expect(problem({ match: { amount: { min: 'x', over: 1 } }, effect: { type: 'hang' } })).toBe(
      'faults[0]: "match.amount" must be a number or { "min": n, "max": n }.',
    );
  });

  it('refuses an outcome with a result code after checking the outcome, before checking the code', () => {
    expect(problem({ effect: { type: 'stk-outcome', outcome: 'accept', resultCode: 'x' } })).toBe(
      'faults[0]: give "outcome" or "resultCode", not both.',
    );
    expect(problem({ effect: { type: 'stk-outcome', outcome: 'maybe', resultCode: 1 } })).toBe(
      'faults[0]: "effect.outcome" must be one of wait, accept, decline, timeout, wrong-pin, insufficient-funds, offline or a result code.',
    );
  });

  it('wants a forced result for a resultDesc before it looks at the delay', () => {
    expect(problem({ effect: { type: 'initiator-result', resultDesc: 'x', resultDelayMs: 'soon' } })).toBe(
      'faults[0]: "effect.resultDesc" needs a forced result ("outcome" other than normal or queue-timeout, or a non-zero "resultCode").',
    );
  });

  it('returns the known fields in a fixed order with the name trimmed', () => {
    const rule = validateRule(
      {
        effect: { ms: { max: 9, min: 1 }, type: 'callback-delay' },
        seed: 7,
        match: { callback: ['result'], phone: 254708374149 },
        name: '  late results ',
        nth: 2,
      },
      'faults[0]',
    );
    expect(JSON.stringify(rule)).toBe(
      '{"name":"late results","match":{"phone":254708374149,"callback":["result"]},"nth":2,"seed":7,"effect":{"type":"callback-delay","ms":{"min":1,"max":9}}}',
    );
  });
});
