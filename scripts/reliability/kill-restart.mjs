#!/usr/bin/env node
// `npm run reliability:kill`: 20 bursts of 1,000 STK pushes, each cut short by SIGKILL at a random moment,
// restarting on the same data file every time; then every acknowledged push is looked up after a clean start.
// Options: --rounds <n> (20), --pushes <n> (1000), --connections <n> (50), --seed <n>.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { startSink } from '../../emulator/dist/bench/callback-sink.js';
import { burstUntilKilled, verifyPresent } from '../../emulator/dist/bench/kill-rounds.js';
import { seeded } from '../../emulator/dist/bench/stats.js';
import { DEFAULT_HISTORY } from '../../emulator/dist/config/history-caps.js';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '20' },
    pushes: { type: 'string', default: '1000' },
    connections: { type: 'string', default: '50' },
    seed: { type: 'string', default: '2026' },
  },
});
const rounds = Number(values.rounds);
const pushes = Number(values.pushes);
const random = seeded(Number(values.seed));
const dir = mkdtempSync(join(tmpdir(), 'daraja-kill-'));
const data = join(dir, 'data.json');
const sink = await startSink(undefined, false);
const all = [];
let unparsed = 0;
const started = performance.now();
try {
  for (let round = 0; round < rounds; round++) {
    const killAfterMs = 50 + Math.floor(random() * 1_500);
    const result = await burstUntilKilled({
      data,
      callbackUrl: sink.url,
      firstPhone: round * pushes,
      pushes,
      connections: Number(values.connections),
      killAfterMs,
    });
    all.push(...result.acknowledged);
    if (!result.dataFileParsed) unparsed++;
    console.log(
      `round ${String(round + 1).padStart(2)}: SIGKILL after ${String(killAfterMs).padStart(4)} ms, ` +
        `${String(result.acknowledged.length).padStart(4)} pushes acknowledged, data file ${result.dataFileParsed ? 'whole' : 'NOT JSON'}`,
    );
  }
  // The emulator keeps the newest DEFAULT_HISTORY.transactions transactions. Pushes stored but cut off before
  // their answer (at most one per connection per round) share that history, so the newest acknowledged
  // pushes that must still be there are the cap less that margin; older ones are dropped by design.
  const retained = DEFAULT_HISTORY.transactions - rounds * Number(values.connections);
  const expected = all.slice(-retained);
  if (expected.length < all.length) {
    console.log(`checking the newest ${expected.length} of ${all.length} acknowledged pushes (history cap)`);
  }
  const check = await verifyPresent(data, expected);
  const ok =
    check.missing.length === 0 &&
    check.malformed.length === 0 &&
    check.leftovers.length === 0 &&
    unparsed === 0;
  console.log('');
  console.log(
    `| Rounds | Acknowledged | Missing after restart | Malformed | Data file not JSON after a kill | Leftover files | Result |`,
  );
  console.log(`|---|---|---|---|---|---|---|`);
  console.log(
    `| ${rounds} | ${all.length} | ${check.missing.length} | ${check.malformed.length} | ${unparsed} | ${check.leftovers.join(', ') || 'none'} | ${ok ? 'PASS' : 'FAIL'} |`,
  );
  console.log(`\n${((performance.now() - started) / 1000).toFixed(0)} s`);
  process.exitCode = ok ? 0 : 1;
} finally {
  await sink.close();
  rmSync(dir, { recursive: true, force: true });
}
