import { expect, it } from 'vitest';
import { newestMatch, pageNewestFirst } from './newest-first.js';

const numbers = Array.from({ length: 10 }, (_, i) => i);

it('pages matching records newest first and counts every match', () => {
  const even = (n: number) => n % 2 === 0;
  expect(pageNewestFirst(numbers, even, { limit: 2 })).toEqual({ items: [8, 6], total: 5 });
  expect(pageNewestFirst(numbers, even, { offset: 4, limit: 2 })).toEqual({ items: [0], total: 5 });
  expect(pageNewestFirst(numbers, even, { offset: 9 })).toEqual({ items: [], total: 5 });
});

it('finds the newest matching record and looks at nothing older', () => {
  const seen: number[] = [];
  const odd = (n: number) => {
    seen.push(n);
    return n % 2 === 1;
  };
  expect(newestMatch(numbers, odd)).toBe(9);
  expect(seen).toEqual([9]);
  expect(newestMatch(new Set(numbers).values(), (n) => n < 3)).toBe(2);
  expect(newestMatch(numbers, (n) => n > 20)).toBeUndefined();
});
