#!/usr/bin/env node
// Measures what README promises of `npm start` in a clone: the time from typing it to the ready line when
// nothing has changed since the last build (so only the staleness check runs, no compiler).
//
//   node scripts/measure-start.mjs [runs]     (default 5; prints each run and the median, in ms)
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from './build.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.argv[2] ?? 5);

function once() {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn('npm', ['start', '--silent', '--', '--memory', '--port', '0', '--quiet'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
      detached: true,
    });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      out += chunk;
      if (!out.includes(' ready on ')) return;
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      process.kill(-child.pid, 'SIGTERM');
      child.once('exit', () => resolve(ms));
    });
    child.once('exit', (code) => {
      if (!out.includes(' ready on ')) reject(new Error(`npm start exited (${code}) before it was ready`));
    });
  });
}

build({ ifStale: true });
const times = [];
for (let i = 0; i < runs; i++) times.push(await once());
const sorted = [...times].sort((a, b) => a - b);
console.log(`npm start to ready, nothing changed: ${times.map((t) => t.toFixed(0)).join(', ')} ms`);
console.log(`median ${sorted[Math.floor(sorted.length / 2)].toFixed(0)} ms`);
