import { describe, expect, it } from 'vitest';
import { formatEatTimestamp, parseEatDateTime, parseEatTimestamp } from './eat-time.js';

describe('EAT time', () => {
  it('formats a clock reading as YYYYMMDDHHmmss three hours ahead of UTC', () => {
    expect(formatEatTimestamp(Date.UTC(2026, 9, 6, 6, 52, 33))).toBe('20261006095233');
  });

  it('parses a 14-digit number from a callback as EAT', () => {
    expect(parseEatTimestamp(20261006095233)?.toISOString()).toBe('2026-10-06T06:52:33.000Z');
  });

  it('parses the same timestamp given as a string', () => {
    expect(parseEatTimestamp('20200109125710')?.toISOString()).toBe('2020-01-09T09:57:10.000Z');
  });

  it.each(['2026100609523', '20261306095233', '20260230120000', '2026-10-06', '', 'abc'])(
    'rejects %j as a timestamp',
    (value) => {
      expect(parseEatTimestamp(value)).toBeUndefined();
    },
  );

  it('parses the B2C dd.MM.yyyy HH:mm:ss form as EAT', () => {
    expect(parseEatDateTime('06.07.2024 22:48:52')?.toISOString()).toBe('2024-07-06T19:48:52.000Z');
  });

  it('rejects a B2C date that does not exist', () => {
    expect(parseEatDateTime('31.02.2024 10:00:00')).toBeUndefined();
    expect(parseEatDateTime('2024-07-06 22:48:52')).toBeUndefined();
  });

  it('round-trips a formatted timestamp', () => {
    const instant = Date.UTC(2025, 0, 17, 14, 6, 14);
    expect(parseEatTimestamp(formatEatTimestamp(instant))?.getTime()).toBe(instant);
  });
});
