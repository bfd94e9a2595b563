import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startSink, type Sink } from '../../emulator/src/bench/callback-sink.js';
import { burstUntilKilled, verifyPresent } from '../../emulator/src/bench/kill-rounds.js';
import { seeded } from '../../emulator/src/bench/stats.js';

// A compiled emulator with a data file takes a burst of STK pushes and is killed with SIGKILL at a random
// moment; every push it acknowledged must be there after a restart. `npm run reliability:kill` does the
// same 20 times with 1,000-push bursts (docs/reliability.md).

const KILLS = 3;
const dir = mkdtempSync(join(tmpdir(), 'daraja-durability-'));
const data = join(dir, 'data.json');
const random = seeded(20_261_128);
let sink: Sink;

beforeAll(async () => {
  sink = await startSink(undefined, false);
});
afterAll(async () => {
  await sink.close();
  rmSync(dir, { recursive: true, force: true });
});

test('every acknowledged STK push survives SIGKILL at a random moment, across repeated kills and restarts', async () => {
  const all: string[] = [];
  for (let round = 0; round < KILLS; round++) {
    const { acknowledged, dataFileParsed } = await burstUntilKilled({
      data,
      callbackUrl: sink.url,
      firstPhone: round * 1_000,
      pushes: 1_000,
      connections: 20,
      killAfterMs: 100 + Math.floor(random() * 400),
    });
    all.push(...acknowledged);
    // The data file is replaced by rename only, so whatever the moment of the kill it is whole JSON.
    expect(dataFileParsed).toBe(true);
  }
  expect(all.length).toBeGreaterThan(0);
  // A snapshot the killed process was writing is left as a temporary file: plant one to be sure it is handled.
  writeFileSync(join(dir, '.data.json.tmp'), '{"format":"daraja-emul');
  const { missing, malformed, leftovers } = await verifyPresent(data, all);
  expect(missing).toEqual([]);
  expect(malformed).toEqual([]);
  expect(leftovers).toEqual([]);
  expect(JSON.parse(readFileSync(data, 'utf8'))).toMatchObject({ format: 'daraja-emulator-store' });
  console.log(
    `durability: ${all.length} acknowledged pushes over ${KILLS} SIGKILLs, all present after restart`,
  );
}, 60_000);
