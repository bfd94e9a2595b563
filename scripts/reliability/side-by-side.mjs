#!/usr/bin/env node
// `npm run reliability:isolation`: 100 emulators, each with --port 0 and its own data file, side by side;
// each takes pushes and must show exactly its own. Then two emulators on one data file: the second refuses.
// Options: --count <n> (100).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { KeepAliveClient } from '../../emulator/dist/bench/http-client.js';
import { residentMb, spawnEmulator } from '../../emulator/dist/bench/spawn-emulator.js';
import { fetchToken, phoneNumber, stkPushBody } from '../../emulator/dist/bench/stk-fixture.js';

const { values } = parseArgs({ options: { count: { type: 'string', default: '100' } } });
const count = Number(values.count);
const dir = mkdtempSync(join(tmpdir(), 'daraja-side-by-side-'));
const started = performance.now();
const emulators = [];
const failures = [];
try {
  // Started ten at a time: a hundred node processes starting at once on two cores only measures the scheduler.
  for (let i = 0; i < count; i += 10) {
    const batch = Array.from({ length: Math.min(10, count - i) }, (_, k) =>
      spawnEmulator(['--port', '0', '--data', join(dir, `e${i + k}.json`), '--quiet'], { timeoutMs: 60_000 }),
    );
    emulators.push(...(await Promise.all(batch)));
  }
  const ready = performance.now();
  await Promise.all(
    emulators.map(async (e, i) => {
      const client = new KeepAliveClient(e.url, 1);
      try {
        const token = await fetchToken(client);
        const n = 1 + (i % 5);
        for (let k = 0; k < n; k++) {
          const reply = await client.json(
            'POST',
            '/mpesa/stkpush/v1/processrequest',
            stkPushBody(phoneNumber(k), 'http://127.0.0.1:9/cb'),
            {
              Authorization: `Bearer ${token}`,
            },
          );
          if (reply.status !== 200) failures.push(`emulator ${i}: push ${k} answered ${reply.status}`);
        }
        const list = await client.json('GET', '/_emulator/transactions?type=stk');
        if (list.json.length !== n)
          failures.push(`emulator ${i}: ${list.json.length} transactions, expected ${n}`);
      } finally {
        client.close();
      }
    }),
  );
  const ports = new Set(emulators.map((e) => e.port));
  if (ports.size !== count) failures.push(`${ports.size} distinct ports for ${count} emulators`);
  const rss = emulators.reduce((sum, e) => sum + (residentMb(e.child.pid) ?? 0), 0);
  const second = await spawnEmulator(['--port', '0', '--data', join(dir, 'e0.json'), '--quiet']).then(
    async (e) => {
      await e.stop('SIGKILL');
      return 'started';
    },
    (error) => error,
  );
  if (second === 'started' || second.exit !== 1)
    failures.push('a second emulator on e0.json was not refused');
  const exits = await Promise.all(emulators.map((e) => e.stop('SIGTERM')));
  const clean = exits.filter((code) => code === 0).length;
  if (clean !== count) failures.push(`${count - clean} emulators did not exit 0 on SIGTERM`);
  console.log(
    `| Emulators | Started in | Distinct ports | Resident memory, all | Second on one file | SIGTERM exit 0 | Result |`,
  );
  console.log(`|---|---|---|---|---|---|---|`);
  console.log(
    `| ${count} | ${((ready - started) / 1000).toFixed(1)} s | ${ports.size} | ${rss.toFixed(0)} MB | ${second === 'started' ? 'started' : `refused: ${second.stderr.trim().slice(0, 80)}…`} | ${clean} | ${failures.length ? 'FAIL' : 'PASS'} |`,
  );
  for (const f of failures.slice(0, 20)) console.log(`- ${f}`);
  process.exitCode = failures.length ? 1 : 0;
} finally {
  for (const e of emulators) e.child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
}
