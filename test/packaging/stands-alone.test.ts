import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { repoRoot } from '../support/captures.js';

/**
 * A clone must build and pass its tests with nothing beside it. CI runs the suite from such a clone; this
 * finds the usual ways of reaching outside the repository before a push does.
 */
const tracked = execFileSync('git', ['ls-files'], { cwd: repoRoot, encoding: 'utf8' })
  .split('\n')
  .filter((f) => /\.(ts|tsx|mjs|js|cjs|json|md|yml|yaml|sh)$/.test(f) && !f.startsWith('reference/'))
  .filter((f) => f !== 'package-lock.json');

const OUTSIDE = [
  /\.\.\/shared\//,
  /['"]\.\.['"],\s*['"]shared['"]/,
  /resolve\(repoRoot,\s*['"]\.\.['"]/,
  /(?:^|[^.\w])\/work\//,
];

it('no file of the repository reads or names anything beside it', () => {
  const found = tracked.flatMap((file) =>
    readFileSync(join(repoRoot, file), 'utf8')
      .split('\n')
      .flatMap((line, i) =>
        OUTSIDE.some((re) => re.test(line)) ? [`${file}:${i + 1}: ${line.trim()}`] : [],
      ),
  );
  expect(found).toEqual([]);
});

it('the captures the tests compare with are in the repository, with their licence', () => {
  const readme = readFileSync(join(repoRoot, 'reference', 'daraja', 'captures', 'README.md'), 'utf8');
  expect(readme).toContain('MIT');
  expect(readme).toContain('Permission is hereby granted');
  expect(() =>
    readFileSync(join(repoRoot, 'reference', 'daraja', 'captures', 'sandbox', 'stk-push.json')),
  ).not.toThrow();
});
