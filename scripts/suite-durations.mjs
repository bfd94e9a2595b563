#!/usr/bin/env node
// Where the time of `npm test` goes: each step (from test-artifacts/test-steps.json), then each vitest
// suite by area (a test folder, or an emulator source folder) and its slowest files. `npm test`
// (scripts/run-tests.mjs) writes the files this reads; run it, then:
//
//   npm run test:durations                         the last `npm test`
//   node scripts/suite-durations.mjs report.json…  any vitest JSON reports
//
// File time is what each test file took in its worker (files run side by side, so the sum is larger than
// the wall-clock time of the run).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const artifacts = join(root, 'test-artifacts');
const given = process.argv.slice(2);
const reports = given.length
  ? given
  : ['unit-durations.json', 'browser-durations.json'].map((f) => join(artifacts, f)).filter(existsSync);
const steps = join(artifacts, 'test-steps.json');
if (reports.length === 0) {
  process.stderr.write('no reports: run `npm test` first, or name vitest JSON reports\n');
  process.exit(2);
}

const seconds = (ms) => (ms / 1000).toFixed(1);

if (given.length === 0 && existsSync(steps)) {
  const run = JSON.parse(readFileSync(steps, 'utf8'));
  console.log(`## Steps of npm test (${run.mode}, ${run.cores} cores)\n`);
  console.log('| Step | Result | Wall (s) | Processor (s) | Load at start |');
  console.log('| --- | --- | ---: | ---: | ---: |');
  const cell = (n) => (n === null ? '–' : n.toFixed(1));
  for (const s of run.steps) {
    console.log(
      `| ${s.step} | ${s.ok ? 'passed' : 'FAILED'} | ${cell(s.seconds)} | ${cell(s.cpu)} | ${s.loadAtStart.toFixed(1)} |`,
    );
  }
  const cpu = run.steps.reduce((sum, s) => sum + (s.cpu ?? 0), 0);
  console.log(`| total | | ${cell(run.totalSeconds)} | ${cell(cpu)} | |\n`);
}

/** test/<folder>, emulator/src/<folder>, or the workspace for anything else. */
function areaOf(file) {
  const parts = relative(root, file).split('/');
  if (parts[0] === 'test' || (parts[0] === 'emulator' && parts[1] === 'src')) {
    const depth = parts[0] === 'test' ? 2 : 3;
    return parts.length > depth ? parts.slice(0, depth).join('/') : parts.slice(0, depth - 1).join('/');
  }
  return parts[0];
}

for (const path of reports) {
  const report = JSON.parse(readFileSync(path, 'utf8'));
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

  console.log(`## ${relative(root, path)}\n`);
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
  console.log(`\nFrom the first file's start to the last file's end: ${seconds(last - first)} s.\n`);

  const slowest = [...report.testResults]
    .sort((a, b) => b.endTime - b.startTime - (a.endTime - a.startTime))
    .slice(0, 10);
  console.log('Slowest files:');
  for (const result of slowest) {
    console.log(`- ${seconds(result.endTime - result.startTime)} s \`${relative(root, result.name)}\``);
  }
  console.log('');
}
