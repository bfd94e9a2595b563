import { expect, test } from 'vitest';
import { IdFactory } from './ids.js';
import { seededRandom } from './random.js';
import { flatText, joinText } from './flat-text.js';
import { randomText } from './random-text.js';

const NOW = Date.UTC(2025, 10, 24, 16, 0, 0);

test('characters are drawn from the end of each batch of bytes, and bytes past the alphabet are skipped', () => {
  // 'ABC': mask 3, so byte 3 (and 7, 11 …) falls outside; batches of ceil(1.6 * 3 * 4 / 3) = 7 bytes.
  const batches = [
    [9, 9, 9, 3, 2, 1, 0],
    [6, 5, 4, 3, 2, 1, 0],
  ];
  const drawn: number[] = [];
  const next = randomText('ABC', 4, (count) => {
    drawn.push(count);
    return Uint8Array.from(batches.shift() ?? []);
  });
  // 0 → A, 1 → B, 2 → C, 3 skipped, 9 & 3 = 1 → B.
  expect(next()).toBe('ABCB');
  expect(drawn).toEqual([7]);
});

test('a batch that runs out before the id is complete draws another', () => {
  // 'ABC', 2 characters: batches of ceil(1.6 * 3 * 2 / 3) = 4 bytes; the first holds only skipped bytes.
  const batches = [Uint8Array.from([3, 3, 3, 3]), Uint8Array.from([0, 1, 2, 3])];
  let draws = 0;
  const next = randomText('ABC', 2, () => {
    draws += 1;
    return batches.shift() ?? new Uint8Array(4);
  });
  expect(next()).toBe('CB');
  expect(draws).toBe(2);
});

test('a seeded emulator hands out the ids it always did', () => {
  const ids = new IdFactory(seededRandom(42));
  expect([
    ids.accessToken(),
    ids.requestId(),
    ids.checkoutRequestId(NOW, '254708374149'),
    ids.receipt(NOW),
    ids.conversationId(NOW),
    ids.uuid(),
    ids.numericId(9),
    ids.internalId(),
  ]).toEqual([
    'H2SW63fXlc8zgO4qEH6YMS48UfMM',
    '794c-3d64-30ba-e4075b508fed0230945',
    'ws_CO_24112025190000000708374149',
    'TKOLWGXS6N',
    'AG_20251124_35c7f1722d3213c1f5c6',
    'ea72b519-9124-4947-83a3-7361f14b5b23',
    '499731253',
    'uMfSf1ze6A1tuwSv',
  ]);
});

test('legacy request ids keep their draws in the same order', () => {
  const ids = new IdFactory(seededRandom(42), 'legacy');
  ids.accessToken();
  expect(ids.requestId()).toBe('3649-40828457-2');
});

test('joined text reads as the parts one after another', () => {
  expect(joinText('AG_', '20251124', '_', 'abc')).toBe('AG_20251124_abc');
  expect(joinText()).toBe('');
});

test('alphabets with characters beyond one byte, and ids longer than the scratch space, are refused', () => {
  expect(() => randomText('AΩ', 4, () => new Uint8Array(8))).toThrow(RangeError);
  expect(() => randomText('AB', 65, () => new Uint8Array(8))).toThrow(RangeError);
});

test('flattened text keeps every character: spaces, accents, emoji and a lone surrogate', () => {
  const text = ` QWE1 Confirmed.  Ksh10.00 sent to  ${'A'.repeat(3)} on 1/2/26 `;
  expect(flatText(text)).toBe(text);
  expect(flatText('')).toBe('');
  expect(flatText('Caf\u00e9 \u{1F600} \ud800 alone')).toBe('Caf\u00e9 \u{1F600} \ud800 alone');
});
