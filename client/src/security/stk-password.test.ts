import { describe, expect, it } from 'vitest';
import { SANDBOX } from '../test-support/test-client.js';
import { stkPassword } from './stk-password.js';

/** Builds a clock returning the EAT instant of a 14-digit timestamp. */
const eatClock = (timestamp: string) => () =>
  Date.UTC(
    Number(timestamp.slice(0, 4)),
    Number(timestamp.slice(4, 6)) - 1,
    Number(timestamp.slice(6, 8)),
    Number(timestamp.slice(8, 10)) - 3,
    Number(timestamp.slice(10, 12)),
    Number(timestamp.slice(12, 14)),
  );

describe('stkPassword', () => {
  it.each([
    [
      '20160216165627',
      'MTc0Mzc5YmZiMjc5ZjlhYTliZGJjZjE1OGU5N2RkNzFhNDY3Y2QyZTBjODkzMDU5YjEwZjc4ZTZiNzJhZGExZWQyYzkxOTIwMTYwMjE2MTY1NjI3',
    ],
    [
      '20210628092408',
      'MTc0Mzc5YmZiMjc5ZjlhYTliZGJjZjE1OGU5N2RkNzFhNDY3Y2QyZTBjODkzMDU5YjEwZjc4ZTZiNzJhZGExZWQyYzkxOTIwMjEwNjI4MDkyNDA4',
    ],
    [
      '20200113170305',
      'MTc0Mzc5YmZiMjc5ZjlhYTliZGJjZjE1OGU5N2RkNzFhNDY3Y2QyZTBjODkzMDU5YjEwZjc4ZTZiNzJhZGExZWQyYzkxOTIwMjAwMTEzMTcwMzA1',
    ],
  ])('matches the documented sandbox vector for %s', (timestamp, password) => {
    expect(stkPassword(SANDBOX.shortcode, SANDBOX.passkey, eatClock(timestamp))).toEqual({
      Password: password,
      Timestamp: timestamp,
    });
  });

  it('reads the clock once, so a clock that moves between readings still yields a matching pair', () => {
    let reading = Date.UTC(2026, 0, 1, 20, 59, 59, 999);
    const movingClock = () => {
      const value = reading;
      reading += 1000;
      return value;
    };
    const { Password, Timestamp } = stkPassword(SANDBOX.shortcode, SANDBOX.passkey, movingClock);
    const decoded = Buffer.from(Password, 'base64').toString('utf8');
    expect(decoded).toBe(`${SANDBOX.shortcode}${SANDBOX.passkey}${Timestamp}`);
    expect(decoded.slice(-14)).toBe(Timestamp);
    expect(reading).toBe(Date.UTC(2026, 0, 1, 21, 0, 0, 999));
  });

  it('uses East Africa Time, so 21:30 UTC is already the next day', () => {
    const { Timestamp } = stkPassword('174379', 'k', () => Date.UTC(2026, 11, 31, 21, 30, 0));
    expect(Timestamp).toBe('20270101003000');
  });
});
