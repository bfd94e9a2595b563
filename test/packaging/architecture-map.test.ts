import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { repoRoot } from '../support/captures.js';

const map = readFileSync(join(repoRoot, 'ARCHITECTURE.md'), 'utf8');
/** Every `path` in backticks that starts with a workspace or repository folder. */
const named = [...map.matchAll(/`((?:client|emulator|ui|contracts|scripts|docs|test)\/[^`<>*]+)`/g)].map(
  (m) => m[1] as string,
);

it('the architecture map names files and folders that exist', () => {
  expect(named.length).toBeGreaterThan(40);
  expect(named.filter((path) => !existsSync(join(repoRoot, path)))).toEqual([]);
});
