#!/usr/bin/env node
// Runs everything `npm test` checks and times each step: its wall-clock time and the processor time of
// everything it started. Steps that do not depend on each other run side by side in lanes; each lane runs
// its steps in order, and a step's output is printed whole when it ends, so lanes never interleave lines.
//
//   node scripts/run-tests.mjs            the lanes below (what `npm test` runs)
//   node scripts/run-tests.mjs --serial   every step one after the other, in the order listed
//
// Writes test-artifacts/test-steps.json (the step times) and the vitest JSON reports of the unit and browser
// suites (test-artifacts/unit-durations.json, test-artifacts/browser-durations.json), which
// `npm run test:durations` sums by area. Exits non-zero when any step fails; the other steps still run.
import { Buffer } from 'node:buffer';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const artifacts = join(root, 'test-artifacts');

/** The processor seconds of this process's children that have ended, where Linux reports them. */
function childCpuSeconds() {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    // cutime and cstime (fields 16 and 17 of proc(5)), in clock ticks of 1/100 s.
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return null;
  }
}

// Child mode: run one command, then report the processor time it (and all it started) used on fd 3.
if (process.argv[2] === '--timed') {
  const [command, ...args] = process.argv.slice(3);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  writeSync(3, JSON.stringify({ cpu: childCpuSeconds() }));
  process.exit(result.status ?? 1);
}

// The packages are packed once per run: the package lint and the packaging tests use the same tarballs.
const packed = mkdtempSync(join(tmpdir(), 'daraja-packed-'));
const shared = { DARAJA_PACKED_TARBALLS: packed };

const eslintCache = `${join(root, 'node_modules', '.cache', 'eslint')}/`;

const vitestJson = (name) => [
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${join(artifacts, `${name}-durations.json`)}`,
];

/** Every step of `npm test`, in the order `--serial` runs them. */
const STEPS = {
  build: ['node', 'scripts/build.mjs', '--if-stale'],
  pack: ['node', 'scripts/pack.mjs', packed],
  format: ['npx', 'prettier', '--check', '.'],
  // A cache in node_modules/.cache keyed on each file's content: a rerun lints only what changed.
  lint: ['npx', 'eslint', '.', '--cache', '--cache-strategy', 'content', '--cache-location', eslintCache],
  // The build checks the client's and the emulator's types; this adds the UI's and the contracts'.
  types: ['npm', 'run', 'typecheck'],
  packages: ['node', 'scripts/lint-packages.mjs'],
  // Four files at a time: many wait on processes they started (the compiled command, npm), and three left
  // a core idle for much of the run.
  unit: [
    'npx',
    'vitest',
    'run',
    '--project=in-process',
    '--project=own-process',
    '--maxWorkers=4',
    ...vitestJson('unit'),
  ],
  // Two browser files at a time: each spends most of its time waiting on its own Chromium.
  browser: [
    'npx',
    'vitest',
    'run',
    '--project=browser',
    '--maxWorkers=2',
    '--retry=1',
    ...vitestJson('browser'),
  ],
  ui: ['npm', 'test', '-w', 'ui'],
  jest: ['npm', 'run', 'test:jest'],
};

/**
 * Lanes run side by side once the build and the packing are done; each runs its steps one after the other.
 * The unit suite is the longest; the browser suite waits on Chromium much of the time, so the checks, which
 * only compute, run in a lane of their own beside it rather than after it.
 */
const LANES = [['unit'], ['browser', 'ui', 'jest'], ['format', 'lint', 'types', 'packages']];

const serial = process.argv.includes('--serial');

/** Runs a step with its output kept, and resolves with how it went. */
function runStep(name) {
  const [command, ...args] = STEPS[name];
  const started = performance.now();
  const load = loadavg()[0];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--timed', command, ...args], {
      cwd: root,
      env: { ...process.env, ...shared },
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    });
    process.stdout.write(`── ${name} started\n`);
    const output = [];
    let report = '';
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.stdio[3].on('data', (chunk) => (report += chunk));
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      const text = Buffer.concat(output).toString('utf8');
      process.stdout.write(`\n── ${name} (${STEPS[name].join(' ')}) ──\n${text}`);
      const cpu = report ? JSON.parse(report).cpu : null;
      const result = { step: name, ok: code === 0, seconds, cpu, loadAtStart: load };
      process.stdout.write(
        `── ${name}: ${code === 0 ? 'passed' : `FAILED (exit ${code})`} in ${seconds.toFixed(1)} s\n`,
      );
      resolve(result);
    });
  });
}

async function runLane(steps) {
  const results = [];
  for (const step of steps) results.push(await runStep(step));
  return results;
}

mkdirSync(artifacts, { recursive: true });
const started = performance.now();
const results = [];
try {
  for (const step of ['build', 'pack']) if (results.every((r) => r.ok)) results.push(await runStep(step));
  if (results.every((r) => r.ok)) {
    const order = Object.keys(STEPS).filter((s) => s !== 'build' && s !== 'pack');
    const lanes = serial ? [order] : LANES;
    for (const lane of await Promise.all(lanes.map(runLane))) results.push(...lane);
  }
} finally {
  rmSync(packed, { recursive: true, force: true });
}
const total = (performance.now() - started) / 1000;

const summary = {
  mode: serial ? 'serial' : 'lanes',
  cores: cpus().length,
  totalSeconds: total,
  steps: results,
};
writeFileSync(join(artifacts, 'test-steps.json'), `${JSON.stringify(summary, null, 2)}\n`);

const cell = (n) => (n === null ? '–' : n.toFixed(1));
console.log(`\n| Step | Result | Wall (s) | Processor (s) | Load at start |`);
console.log('| --- | --- | ---: | ---: | ---: |');
for (const r of results) {
  console.log(
    `| ${r.step} | ${r.ok ? 'passed' : 'FAILED'} | ${cell(r.seconds)} | ${cell(r.cpu)} | ${r.loadAtStart.toFixed(1)} |`,
  );
}
console.log(`| total (${summary.mode}) | | ${cell(total)} | | |`);
const failed = results.filter((r) => !r.ok).map((r) => r.step);
console.log(failed.length ? `\nFailed: ${failed.join(', ')}` : '\nEvery step passed.');
process.exit(failed.length ? 1 : 0);
