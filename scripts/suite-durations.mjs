#!/usr/bin/env node
// Sums a vitest JSON report by area (a test folder, or an emulator source folder), so that a slow area
// shows up in the recorded results before `npm test` gets slow:
//
//   npx vitest run --exclude 'test/e2e/**' --reporter=default --reporter=json --outputFile.json=durations.json
//   node scripts/suite-durations.mjs durations.json
//
// File time is what each test file took in its worker (files run three at a time, so the sum is larger than
// the wall-clock time of the run).
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [reportPath] = process.argv.slice(2);
if (!reportPath) {
  process.stderr.write('usage: node scripts/suite-durations.mjs <vitest-json-report>\n');
  process.exit(2);
}
const report = JSON.parse(readFileSync(reportPath, 'utf8'));

/** test/<folder>, emulator/src/<folder>, or the workspace for anything else. */
function areaOf(file) {
  const parts = relative(root, file).split('/');
  if (parts[0] === 'test' || (parts[0] === 'emulator' && parts[1] === 'src')) {
    const depth = parts[0] === 'test' ? 2 : 3;
    return parts.length > depth ? parts.slice(0, depth).join('/') : parts.slice(0, depth - 1).join('/');
  }
  return parts[0];
}

const areas = new Map();
let first = Infinity;
let last = 0;
for (const result of report.testResults) {
  const area = areaOf(result.name);
  const entry = areas.get(area) ?? { files: 0, tests: 0, ms: 0, failed: 0 };
  entry.files++;
  entry.tests += result.assertionResults.length;
  entry.failed += result.assertionResults.filter((a) => a.status === 'failed').length;
  entry.ms += result.endTime - result.startTime;
  areas.set(area, entry);
  first = Math.min(first, result.startTime);
  last = Math.max(last, result.endTime);
}

const seconds = (ms) => (ms / 1000).toFixed(1);
const rows = [...areas].sort((a, b) => b[1].ms - a[1].ms);
console.log('| Area | Files | Tests | Failed | File time (s) |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const [area, e] of rows) {
  console.log(`| \`${area}\` | ${e.files} | ${e.tests} | ${e.failed} | ${seconds(e.ms)} |`);
}
const total = rows.reduce((sum, [, e]) => sum + e.ms, 0);
console.log(
  `| total | ${report.testResults.length} | ${report.numTotalTests} | ${report.numFailedTests} | ${seconds(total)} |`,
);
console.log(`\nFrom the first file's start to the last file's end: ${seconds(last - first)} s.`);
