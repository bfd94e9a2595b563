import { describe, expect, it } from 'vitest';
import { eatDottedDateTime, eatTimestamp, parseEatTimestamp } from './eat.js';

describe('East Africa Time', () => {
  it('formats 06:52:33 UTC as the sandbox callback value 20261006095233', () => {
    expect(eatTimestamp(Date.UTC(2026, 9, 6, 6, 52, 33))).toBe('20261006095233');
  });

  it('rolls over midnight three hours before UTC does', () => {
    expect(eatTimestamp(Date.UTC(2026, 11, 31, 21, 0, 0))).toBe('20270101000000');
  });

  it('formats B2C completion times as dd.MM.yyyy HH:mm:ss', () => {
    expect(eatDottedDateTime(Date.UTC(2024, 6, 6, 19, 48, 52))).toBe('06.07.2024 22:48:52');
  });

  it('parses a timestamp back to the same instant and refuses impossible dates', () => {
    const at = Date.UTC(2026, 1, 28, 12, 0, 0);
    expect(parseEatTimestamp(eatTimestamp(at))).toBe(at);
    expect(parseEatTimestamp('20260230120000')).toBeUndefined();
    expect(parseEatTimestamp('2026023012000')).toBeUndefined();
  });
});
