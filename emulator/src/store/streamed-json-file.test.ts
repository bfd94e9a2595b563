import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { JSONFile } from 'lowdb/node';
import { afterEach, expect, test } from 'vitest';
import { removeTempDirs, tempDataPath } from './store-test-support.js';
import { StreamedJSONFile } from './streamed-json-file.js';

afterEach(removeTempDirs);

interface Data {
  seq: number;
  collections: Record<string, { id: string; text?: string; bad?: unknown }[]>;
}

function data(records: number, text = 'ü "quoted" 🙂'): Data {
  return {
    seq: records,
    collections: {
      items: Array.from({ length: records }, (_, i) => ({ id: `id-${i}`, text: `${text} ${i}` })),
      none: [],
    },
  };
}

test('the file holds exactly the text lowdb JSONFile writes, and JSONFile reads it back', async () => {
  const path = tempDataPath();
  const reference = tempDataPath();
  const value = data(5_000);
  await new StreamedJSONFile<Data>(path, 3).write(value);
  await new JSONFile<Data>(reference).write(value);

  expect(readFileSync(path, 'utf8')).toBe(readFileSync(reference, 'utf8'));
  expect(await new JSONFile<Data>(path).read()).toEqual(value);
  expect(await new StreamedJSONFile<Data>(path, 3).read()).toEqual(value);
});

test('a record larger than the write buffer is written whole', async () => {
  const path = tempDataPath();
  const value = data(3, '€'.repeat(300_000));
  await new StreamedJSONFile<Data>(path, 3).write(value);
  expect(readFileSync(path, 'utf8')).toBe(JSON.stringify(value, null, 2));
});

test('a large write lets the event loop run between slices', async () => {
  const path = tempDataPath();
  let turns = 0;
  const tick = () => {
    turns += 1;
    if (!done) setImmediate(tick);
  };
  let done = false;
  setImmediate(tick);
  await new StreamedJSONFile<Data>(path, 3).write(data(100_000));
  done = true;
  expect(turns).toBeGreaterThan(2);
});

test('a write that fails halfway leaves the previous file as it was and no temporary file', async () => {
  const path = tempDataPath();
  writeFileSync(path, '{"previous": true}');
  const value = data(20_000);
  value.collections.items?.push({
    id: 'bad',
    bad: {
      toJSON: () => {
        throw new Error('cannot serialise');
      },
    },
  });

  await expect(new StreamedJSONFile<Data>(path, 3).write(value)).rejects.toThrow('cannot serialise');
  expect(readFileSync(path, 'utf8')).toBe('{"previous": true}');
  expect(readdirSync(dirname(path))).toEqual([basename(path)]);
  expect(existsSync(`${dirname(path)}/.${basename(path)}.tmp`)).toBe(false);
});

test('writes started together land one after the other, the last one winning', async () => {
  const path = tempDataPath();
  const file = new StreamedJSONFile<Data>(path, 3);
  await Promise.all([file.write(data(30_000)), file.write(data(2))]);
  expect(readFileSync(path, 'utf8')).toBe(JSON.stringify(data(2), null, 2));
});
