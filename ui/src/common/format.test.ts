import { expect, test } from 'vitest';
import { formatAmount, formatBalance, formatCountdown, formatMsisdn, formatTime, toMsisdn } from './format';

test('times are shown in East Africa Time whatever the browser zone', () => {
  expect(formatTime(Date.UTC(2026, 0, 1, 9, 0, 5))).toBe('12:00:05');
});

test('amounts read as M-Pesa writes them', () => {
  expect(formatAmount(1)).toBe('Ksh 1');
  expect(formatAmount(1250.5)).toBe('Ksh 1,250.5');
  expect(formatBalance(49999)).toBe('Ksh 49,999.00');
});

test('the countdown never goes below zero', () => {
  expect(formatCountdown(61_000)).toBe('1:01');
  expect(formatCountdown(400)).toBe('0:01');
  expect(formatCountdown(-5)).toBe('0:00');
});

test('phone numbers: shown the Kenyan way, sent the 2547… way', () => {
  expect(formatMsisdn('254708374149')).toBe('0708 374 149');
  expect(toMsisdn('0712 345 678')).toBe('254712345678');
  expect(toMsisdn('+254 712 345 678')).toBe('254712345678');
  expect(toMsisdn('712345678')).toBe('254712345678');
});
