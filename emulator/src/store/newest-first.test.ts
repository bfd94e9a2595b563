import { expect, it } from 'vitest';
import { pageNewestFirst } from './newest-first.js';

const numbers = Array.from({ length: 10 }, (_, i) => i);

it('pages matching records newest first and counts every match', () => {
  const even = (n: number) => n % 2 === 0;
  expect(pageNewestFirst(numbers, even, { limit: 2 })).toEqual({ items: [8, 6], total: 5 });
  expect(pageNewestFirst(numbers, even, { offset: 4, limit: 2 })).toEqual({ items: [0], total: 5 });
  expect(pageNewestFirst(numbers, even, { offset: 9 })).toEqual({ items: [], total: 5 });
});
