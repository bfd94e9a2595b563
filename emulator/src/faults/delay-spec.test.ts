import { describe, expect, it } from 'vitest';
import { seededRandom } from '../ids/random.js';
import { sampleDelay } from './delay-spec.js';

describe('sampleDelay', () => {
  it('returns a fixed delay as given', () => {
    expect(sampleDelay(1234, seededRandom(1))).toBe(1234);
  });

  it('draws uniform delays within the inclusive bounds', () => {
    const random = seededRandom(2);
    const draws = Array.from({ length: 500 }, () => sampleDelay({ min: 10, max: 12 }, random));
    expect(new Set(draws)).toEqual(new Set([10, 11, 12]));
  });

  it('draws exponential delays around the mean', () => {
    const random = seededRandom(3);
    const draws = Array.from({ length: 4000 }, () => sampleDelay({ mean: 1000 }, random));
    const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(mean).toBeGreaterThan(900);
    expect(mean).toBeLessThan(1100);
  });

  it('repeats with the same seed', () => {
    const a = seededRandom('s');
    const b = seededRandom('s');
    for (let i = 0; i < 20; i++) expect(sampleDelay({ mean: 50 }, a)).toBe(sampleDelay({ mean: 50 }, b));
  });
});
