import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../config/defaults.js';
import { configuredOutcome, planOutcome, resultForCode } from './outcome.js';

const settings = (outcomes: Record<string, string | number>) => ({
  ...defaultSettings().initiator,
  outcomes,
});

describe('configuredOutcome', () => {
  it('prefers api:shortcode, then api, then *:shortcode, then *', () => {
    const all = {
      '*': 'system-busy',
      '*:600997': 'internal-error',
      b2c: 'duplicate',
      'b2c:600997': 'not-permitted',
    };
    expect(configuredOutcome('b2c', '600997', settings(all))?.key).toBe('b2c:600997');
    expect(configuredOutcome('b2c', '600984', settings(all))?.key).toBe('b2c');
    expect(configuredOutcome('reversal', '600997', settings(all))?.key).toBe('*:600997');
    expect(configuredOutcome('reversal', '600984', settings(all))?.key).toBe('*');
    expect(configuredOutcome('reversal', '600984', settings({}))).toBeUndefined();
  });
});

describe('planOutcome', () => {
  it.each([
    ['b2c', 'insufficient-funds', 1],
    ['transaction-status', 'unknown-receipt', 2032],
    ['reversal', 'unknown-receipt', 'R000002'],
    ['reversal', 'already-reversed', 'R000001'],
    ['account-balance', 'credential-locked', 8006],
    ['b2c', 'duplicate', 15],
    ['b2c', 4, 4],
  ] as const)('%s + %s gives result %s', (api, outcome, code) => {
    const plan = planOutcome(api, outcome, 'rule');
    expect(plan.kind === 'result' && plan.result.code).toBe(code);
  });

  it('treats normal and 0 as normal processing, and queue-timeout as a timeout', () => {
    expect(planOutcome('b2c', 'normal', 'r').kind).toBe('normal');
    expect(planOutcome('b2c', 0, 'r').kind).toBe('normal');
    expect(planOutcome('b2c', 'queue-timeout', 'r').kind).toBe('queue-timeout');
  });
});

describe('resultForCode', () => {
  it("uses the API's own text, then another API's, then a generic one", () => {
    expect(resultForCode('account-balance', 0).desc).toBe('The service request is processed successfully');
    expect(resultForCode('account-balance', 'R000001').desc).toBe(
      'The transaction has already been reversed',
    );
    expect(resultForCode('b2c', 9999)).toEqual({ code: 9999, desc: 'Result code 9999.' });
  });
});
