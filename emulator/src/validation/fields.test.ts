import { describe, expect, it } from 'vitest';
import { readAmount, readMsisdn, readShortcode, readTimestamp } from './fields.js';

describe('field readers', () => {
  it.each([
    [254708374149, '254708374149'],
    ['254708374149', '254708374149'],
    ['254110000001', '254110000001'],
  ])('accepts MSISDN %j', (input, value) => {
    expect(readMsisdn(input)).toEqual({ ok: true, value });
  });

  it.each([
    ['0708374149', /254708374149/],
    ['+254708374149', /leading \+/],
    ['708374149', /prefix it with 254/],
    ['255708374149', /Kenyan/],
    [null, /Kenyan/],
  ])('refuses MSISDN %j and says why', (input, hint) => {
    const r = readMsisdn(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(hint);
  });

  it.each([[174379], ['600984'], ['1234567']])('accepts shortcode %j', (input) => {
    expect(readShortcode(input).ok).toBe(true);
  });

  it.each([['1234'], ['12345678'], ['17437a'], [-174379], [1.5]])('refuses shortcode %j', (input) => {
    expect(readShortcode(input).ok).toBe(false);
  });

  it('accepts whole amounts as numbers or strings and handles fractions as configured', () => {
    expect(readAmount('1', 'reject')).toEqual({ ok: true, value: 1 });
    expect(readAmount(250000, 'reject')).toEqual({ ok: true, value: 250000 });
    expect(readAmount(1.5, 'reject').ok).toBe(false);
    expect(readAmount('1.99', 'truncate')).toEqual({ ok: true, value: 1 });
    expect(readAmount(0.5, 'truncate').ok).toBe(false);
    expect(readAmount('1e3', 'reject').ok).toBe(false);
  });

  it('accepts 14-digit timestamps that are real dates and times', () => {
    expect(readTimestamp('20210628092408').ok).toBe(true);
    expect(readTimestamp(20210628092408).ok).toBe(true);
    expect(readTimestamp('20210628252408').ok).toBe(false);
    expect(readTimestamp('2021062809240').ok).toBe(false);
  });
});
