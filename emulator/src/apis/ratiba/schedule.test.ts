import { describe, expect, it } from 'vitest';
import { executionAt, firstIndexFrom, parseYmd } from './schedule.js';

const eat = (iso: string) => Date.parse(`${iso}+03:00`);

describe('standing order schedule', () => {
  it('refuses dates that are not on the calendar', () => {
    expect(parseYmd('20260230')).toBeUndefined();
    expect(parseYmd('2026-01-01')).toBeUndefined();
    expect(parseYmd('20240229')).toEqual({ year: 2024, month: 2, day: 29 });
  });

  it.each([
    ['daily', 2, '2026-11-03T08:00:00'],
    ['weekly', 1, '2026-11-08T08:00:00'],
    ['bi-weekly', 1, '2026-11-15T08:00:00'],
    ['monthly', 2, '2027-01-01T08:00:00'],
    ['bi-monthly', 1, '2027-01-01T08:00:00'],
    ['quarterly', 1, '2027-02-01T08:00:00'],
    ['half-yearly', 1, '2027-05-01T08:00:00'],
    ['yearly', 1, '2027-11-01T08:00:00'],
  ] as const)('steps %s orders to the right date (execution %i)', (frequency, index, due) => {
    expect(executionAt('20261101', '20281231', frequency, 8, index)).toBe(eat(due));
  });

  it('keeps monthly orders on the start day, or the last day of shorter months', () => {
    const at = (i: number) => executionAt('20270131', '20271231', 'monthly', 0, i);
    expect(at(1)).toBe(eat('2027-02-28T00:00:00'));
    expect(at(2)).toBe(eat('2027-03-31T00:00:00'));
  });

  it('ends after the EndDate and runs a one-off order once', () => {
    expect(executionAt('20261101', '20261103', 'daily', 8, 2)).toBe(eat('2026-11-03T08:00:00'));
    expect(executionAt('20261101', '20261103', 'daily', 8, 3)).toBeUndefined();
    expect(executionAt('20261101', '20271101', 'one-off', 8, 1)).toBeUndefined();
  });

  it('skips executions of days before the approval but keeps one due earlier the same day', () => {
    expect(firstIndexFrom('20261101', '20261130', 'daily', 8, eat('2026-11-03T10:00:00'))).toBe(2);
    expect(firstIndexFrom('20261101', '20261130', 'daily', 8, eat('2026-11-03T07:00:00'))).toBe(2);
    expect(firstIndexFrom('20261101', '20261130', 'daily', 8, eat('2026-10-03T07:00:00'))).toBe(0);
  });
});
