import { readFileSync } from 'node:fs';
import { afterEach, expect, test } from 'vitest';
import { AppendLog } from './append-log.js';
import { removeTempDirs, tempDataPath } from './store-test-support.js';

afterEach(removeTempDirs);

test('lines beyond ASCII are appended whole and counted in bytes, not characters', () => {
  const path = tempDataPath('data.json.log');
  const log = new AppendLog(path, false);
  const lines = ['{"v":"Ksh 1,000 — ü"}\n', `{"v":"${'🙂'.repeat(5_000)}"}\n`, '{"v":"plain"}\n'];
  for (const line of lines) log.append(line);

  expect(readFileSync(path, 'utf8')).toBe(lines.join(''));
  expect(log.bytes).toBe(Buffer.byteLength(lines.join('')));
  expect(log.lines).toBe(3);
  log.close();
});
