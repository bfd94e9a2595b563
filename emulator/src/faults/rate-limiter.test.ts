import { describe, expect, it } from 'vitest';
import type { RateLimitSettings } from 'daraja-client/emulator';
import { RateLimiter } from './rate-limiter.js';

const settings = (s: Partial<RateLimitSettings>): RateLimitSettings => ({
  tps: 2,
  scope: 'app',
  algorithm: 'window',
  status: 500,
  ...s,
});

describe('RateLimiter', () => {
  it('admits everything when tps is 0', () => {
    const limiter = new RateLimiter();
    for (let i = 0; i < 100; i++) expect(limiter.admit('a', 0, settings({ tps: 0 }))).toBe(true);
  });

  it('admits tps requests in any 1000 ms window and does not count refusals', () => {
    const limiter = new RateLimiter();
    const s = settings({ tps: 2 });
    expect([0, 10, 20].map((t) => limiter.admit('a', t, s))).toEqual([true, true, false]);
    expect(limiter.admit('a', 999, s)).toBe(false);
    expect(limiter.admit('a', 1000, s)).toBe(true);
    expect(limiter.admit('a', 1009, s)).toBe(false);
    expect(limiter.admit('a', 1010, s)).toBe(true);
  });

  it('keeps one budget per key', () => {
    const limiter = new RateLimiter();
    const s = settings({ tps: 1 });
    expect(limiter.admit('a', 0, s)).toBe(true);
    expect(limiter.admit('b', 0, s)).toBe(true);
    expect(limiter.admit('a', 0, s)).toBe(false);
  });

  it('spaces requests 1000/tps ms apart with the smooth algorithm', () => {
    const limiter = new RateLimiter();
    const s = settings({ tps: 4, algorithm: 'smooth' });
    expect([0, 100, 249, 250, 499, 500].map((t) => limiter.admit('a', t, s))).toEqual([
      true,
      false,
      false,
      true,
      false,
      true,
    ]);
  });

  it('stays fast and exact with a high limit over a long run', () => {
    const limiter = new RateLimiter();
    const s = settings({ tps: 5000 });
    let admitted = 0;
    // 200,000 requests, one every 0.1 ms: 20 s of traffic at twice the limit.
    for (let i = 0; i < 200_000; i++) if (limiter.admit('a', Math.floor(i / 10), s)) admitted++;
    expect(admitted).toBe(100_000);
  });

  it('forgets everything on clear', () => {
    const limiter = new RateLimiter();
    const s = settings({ tps: 1 });
    limiter.admit('a', 0, s);
    limiter.clear();
    expect(limiter.admit('a', 0, s)).toBe(true);
  });
});
