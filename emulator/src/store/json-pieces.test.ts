import { expect, test } from 'vitest';
import { jsonPieces } from './json-pieces.js';

const awkward = {
  format: 'daraja-emulator-store',
  version: 1,
  empty: {},
  none: [],
  skipped: undefined,
  fn: () => 1,
  when: new Date(0),
  nested: {
    list: [{ id: 'a', text: 'line\nbreak "quoted" ü 🙂' }, undefined, null, [1, [2, {}]], { id: 'b' }],
    withJson: { toJSON: () => ({ replaced: true }) },
    deep: { deeper: { deepest: [1, 2, 3] } },
  },
  last: 'end',
};

test.each([0, 1, 2, 3, 4, 10])(
  'the pieces at depth %i join to exactly what JSON.stringify indents',
  (depth) => {
    expect([...jsonPieces(awkward, depth)].join('')).toBe(JSON.stringify(awkward, null, 2));
  },
);

test.each([[[]], [{}], [[[]]], ['text'], [42], [null]])(
  'a value with nothing to open (%j) is written as JSON.stringify writes it',
  (value) => {
    expect([...jsonPieces(value, 3)].join('')).toBe(JSON.stringify(value, null, 2));
  },
);

test('at the data file depth each record is one piece, so no piece is larger than a record', () => {
  const records = Array.from({ length: 50 }, (_, i) => ({ id: `r${i}`, body: { text: 'x'.repeat(100) } }));
  const data = { format: 'f', seq: 1, caps: {}, collections: { a: records, b: records.slice(0, 3) } };
  const pieces = [...jsonPieces(data, 3)];
  const largestRecord = Math.max(...records.map((r) => JSON.stringify(r, null, 2).length));
  expect(Math.max(...pieces.map((p) => p.length))).toBeLessThanOrEqual(largestRecord + 50);
  expect(pieces.length).toBeGreaterThan(53);
  expect(pieces.join('')).toBe(JSON.stringify(data, null, 2));
});
