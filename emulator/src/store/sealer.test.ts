import { afterEach, expect, test } from 'vitest';
import { Sealer } from './sealer.js';
import { removeTempDirs, tempDataPath } from './store-test-support.js';

afterEach(removeTempDirs);

test('a shortcode written again with the same passkey is sealed to the same text, which still opens', () => {
  const sealer = Sealer.open(`${tempDataPath()}.key`, { holdsSealed: false, file: tempDataPath() });
  sealer.declare('shortcodes', ['passkey']);
  const first = sealer.forDisk('shortcodes', { id: '174379', passkey: 'bfb279f9aa9b', balance: 1 });
  const again = sealer.forDisk('shortcodes', { id: '174379', passkey: 'bfb279f9aa9b', balance: 2 });
  expect(first).not.toHaveProperty('passkey', 'bfb279f9aa9b');
  expect((again as unknown as { passkey: string }).passkey).toBe(
    (first as unknown as { passkey: string }).passkey,
  );
  expect(sealer.fromDisk('shortcodes', again, 'data.json')).toEqual({
    id: '174379',
    passkey: 'bfb279f9aa9b',
    balance: 2,
  });
  const other = sealer.forDisk('shortcodes', { id: '600000', passkey: 'another-passkey' });
  expect((other as unknown as { passkey: string }).passkey).not.toBe(
    (first as unknown as { passkey: string }).passkey,
  );
});

test('a collection that declared no secret fields is written as it is, whatever its fields are called', () => {
  const sealer = Sealer.open(`${tempDataPath()}.key`, { holdsSealed: false, file: tempDataPath() });
  sealer.declare('shortcodes', ['passkey']);
  const record = { id: 'note-1', passkey: 'not a secret here', password: 'nor this' };
  expect(sealer.forDisk('notes', record)).toEqual(record);
  const org = sealer.forDisk('shortcodes', { id: '174379', passkey: 'bfb279f9aa9b', password: 'in clear' });
  expect(org).toMatchObject({ id: '174379', password: 'in clear' });
  expect(Sealer.isSealedValue((org as unknown as { passkey: string }).passkey)).toBe(true);
});
