import { describe, expect, it } from 'vitest';
import type { DeliveryAttempt, DeliveryView } from 'daraja-client/emulator';
import { readValidationAnswer } from './validation-answer.js';

function delivery(attempt?: Partial<DeliveryAttempt>): DeliveryView {
  return {
    id: 'd1',
    kind: 'c2b-validation',
    url: 'https://shop.example/validation',
    body: {},
    dueAt: 0,
    status: 'delivered',
    attempts: attempt ? [{ at: 0, durationMs: 10, ...attempt }] : [],
  };
}

const ok = (body: unknown, durationMs = 10) =>
  delivery({ status: 200, responseBody: JSON.stringify(body), durationMs });

describe('reading the ValidationURL answer', () => {
  it.each([
    [
      'ResultCode "0"',
      ok({ ResultCode: '0', ResultDesc: 'Accepted' }),
      { kind: 'accept', thirdPartyTransId: '' },
    ],
    [
      'ResultCode 0',
      ok({ ResultCode: 0, ResultDesc: 'Accepted' }),
      { kind: 'accept', thirdPartyTransId: '' },
    ],
    [
      'a ThirdPartyTransID',
      ok({ ResultCode: '0', ThirdPartyTransID: 'X-1' }),
      { kind: 'accept', thirdPartyTransId: 'X-1' },
    ],
    [
      'a numeric ThirdPartyTransID',
      ok({ ResultCode: 0, ThirdPartyTransID: 42 }),
      { kind: 'accept', thirdPartyTransId: '42' },
    ],
    [
      'C2B00012',
      ok({ ResultCode: 'C2B00012', ResultDesc: 'Rejected' }),
      { kind: 'reject', code: 'C2B00012', desc: 'Invalid Account Number' },
    ],
    [
      'code 1 with its own words',
      ok({ ResultCode: 1, ResultDesc: 'Closed' }),
      { kind: 'reject', code: '1', desc: 'Closed' },
    ],
    [
      'an unknown code without words',
      ok({ ResultCode: 'X9' }),
      { kind: 'reject', code: 'X9', desc: 'Rejected' },
    ],
  ])('reads %s', (_case, d, expected) => {
    expect(readValidationAnswer(d, 8_000)).toEqual(expected);
  });

  it.each([
    ['no attempt', delivery(), /never sent/],
    [
      'a timeout',
      delivery({ error: 'timed out after 8000 ms', durationMs: 8_000 }),
      /did not answer within 8000 ms/,
    ],
    ['a refused connection', delivery({ error: 'ECONNREFUSED' }), /could not be reached \(ECONNREFUSED\)/],
    ['a late answer', ok({ ResultCode: '0' }, 8_001), /after 8001 ms, later than the 8000 ms deadline/],
    ['HTTP 503', delivery({ status: 503, responseBody: '{"ResultCode":"0"}' }), /HTTP 503/],
    ['a body that is not JSON', delivery({ status: 200, responseBody: 'OK' }), /not JSON/],
    ['a JSON array', delivery({ status: 200, responseBody: '[]' }), /not an object/],
    ['no ResultCode', ok({ ResultDesc: 'Accepted' }), /no ResultCode/],
  ])('counts %s as no answer', (_case, d, reason) => {
    const answer = readValidationAnswer(d, 8_000);
    expect(answer.kind).toBe('unanswered');
    expect(answer.kind === 'unanswered' && answer.reason).toMatch(reason);
  });
});
