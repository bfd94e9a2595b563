import type { FaultRuleInput } from 'daraja-client/emulator';
import { expect, test } from 'vitest';
import { emptyDraft, ruleFromDraft, type RuleDraft } from './rule-draft';
import { describeCounting, describeEffect, describeMatch } from './rule-summary';

const cases: { name: string; draft: Partial<RuleDraft>; rule: FaultRuleInput }[] = [
  {
    name: 'the default form: spike arrest on everything',
    draft: {},
    rule: { effect: { type: 'error', error: 'spike-arrest' } },
  },
  {
    name: 'an STK result code for one phone on stk-push',
    draft: { name: ' cancel John ', endpoint: 'stk-push', phone: '254708374149', effect: 'stk-outcome' },
    rule: {
      name: 'cancel John',
      match: { endpoint: 'stk-push', phone: '254708374149' },
      effect: { type: 'stk-outcome', resultCode: 1032 },
    },
  },
  {
    name: 'a named outcome with a decision delay; several phones become a list',
    draft: {
      effect: 'stk-outcome',
      outcome: 'wrong-pin',
      decisionDelayMs: '8000',
      phone: '254700000001, 254700000002',
    },
    rule: {
      match: { phone: ['254700000001', '254700000002'] },
      effect: { type: 'stk-outcome', outcome: 'wrong-pin', decisionDelayMs: 8000 },
    },
  },
  {
    name: 'equal amount bounds are one amount; counting fields are numbers',
    draft: { amountMin: '99', amountMax: '99', every: '2', times: '3', probability: '0.5', effect: 'reset' },
    rule: { match: { amount: 99 }, every: 2, times: 3, probability: 0.5, effect: { type: 'reset' } },
  },
  {
    name: 'an open amount range',
    draft: { amountMin: '1000', effect: 'html-503', status: '502' },
    rule: { match: { amount: { min: 1000 } }, effect: { type: 'html-503', status: 502 } },
  },
  {
    name: 'a custom error code and message',
    draft: { errorName: 'custom', code: '503.001.01', message: 'Down' },
    rule: { effect: { type: 'error', code: '503.001.01', message: 'Down' } },
  },
  {
    name: 'a delay range on the real clock',
    draft: { effect: 'delay', ms: '1000', msMax: '5000', realClock: true },
    rule: { effect: { type: 'delay', ms: { min: 1000, max: 5000 }, clock: 'real' } },
  },
  {
    name: 'a callback kind only for callback effects',
    draft: { effect: 'callback-duplicate', callback: 'stk-callback', copies: '2' },
    rule: { match: { callback: 'stk-callback' }, effect: { type: 'callback-duplicate', copies: 2 } },
  },
  {
    name: 'a callback kind left over from a callback effect is dropped for an HTTP one',
    draft: { effect: 'hang', callback: 'stk-callback' },
    rule: { effect: { type: 'hang' } },
  },
  {
    name: 'a malformed callback',
    draft: { effect: 'callback-malformed', malformedMode: 'not-json' },
    rule: { effect: { type: 'callback-malformed', mode: 'not-json' } },
  },
  {
    name: 'an initiator result code in letters stays a string',
    draft: {
      effect: 'initiator-result',
      initiatorOutcome: 'code',
      resultCode: 'R000001',
      endpoint: 'reversal',
    },
    rule: { match: { endpoint: 'reversal' }, effect: { type: 'initiator-result', resultCode: 'R000001' } },
  },
];

test.each(cases)('the form builds $name', ({ draft, rule }) => {
  expect(ruleFromDraft({ ...emptyDraft(), ...draft })).toEqual(rule);
});

test('a number that is not one goes to the emulator as typed, for it to name the field', () => {
  const rule = ruleFromDraft({ ...emptyDraft(), nth: '1.5' });
  expect(rule.nth).toBe(1.5);
});

test('rules read as sentences: what they match, when they fire and what they do', () => {
  expect(describeMatch(undefined)).toBe('Everything its effect acts on');
  expect(
    describeMatch({ endpoint: 'stk-push', phone: ['254700000001', '254700000002'], amount: { max: 50 } }),
  ).toBe('stk-push · phone 254700000001 or 254700000002 · Ksh 50 or less');
  expect(describeCounting({ effect: { type: 'reset' } })).toBe('every time');
  expect(describeCounting({ nth: 2, times: 1, probability: 0.25, effect: { type: 'reset' } })).toBe(
    'only the 2nd · once · 25% of the time',
  );
  expect(describeCounting({ every: 3, effect: { type: 'reset' } })).toBe('every 3rd');
  expect(describeEffect({ type: 'stk-outcome', resultCode: 1032 })).toBe(
    'STK prompt result: resultCode 1032',
  );
  expect(describeEffect({ type: 'callback-delay', ms: { min: 5000, max: 20000 } })).toBe(
    'Callback delayed: ms 5000-20000 ms',
  );
  expect(describeEffect({ type: 'hang' })).toBe('Hang: never answer');
});
