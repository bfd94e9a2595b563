import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { StkPushAck } from 'daraja-client/wire';
import type { TransactionView } from 'daraja-client/emulator';
import { KeepAliveClient } from '../../emulator/src/bench/http-client.js';
import { startSink, type Sink } from '../../emulator/src/bench/callback-sink.js';
import { spawnEmulator } from '../../emulator/src/bench/spawn-emulator.js';
import { fetchToken, phoneNumber, stkPushBody } from '../../emulator/src/bench/stk-fixture.js';
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
  sink = await startSink();
});
afterAll(async () => {
  await sink.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Pushes from 20 connections until the process dies; returns the CheckoutRequestIDs that were acknowledged. */
async function burstUntilKilled(offset: number, killAfterMs: number): Promise<string[]> {
  const emulator = await spawnEmulator(['--port', '0', '--data', data, '--auto-accept', '--quiet']);
  const client = new KeepAliveClient(emulator.url, 20);
  const token = await fetchToken(client);
  const acknowledged: string[] = [];
  setTimeout(() => emulator.child.kill('SIGKILL'), killAfterMs);
  let next = offset;
  let dead = false;
  const worker = async () => {
    while (!dead && next < offset + 1_000) {
      const body = JSON.stringify(stkPushBody(phoneNumber(next++), sink.url));
      try {
        const reply = await client.send({
          method: 'POST',
          path: '/mpesa/stkpush/v1/processrequest',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body,
        });
        if (reply.status === 200) acknowledged.push((JSON.parse(reply.body) as StkPushAck).CheckoutRequestID);
      } catch {
        dead = true;
      }
    }
  };
  await Promise.all(Array.from({ length: 20 }, worker));
  expect(await emulator.exited).toBe('SIGKILL');
  client.close();
  return acknowledged;
}

test('every acknowledged STK push survives SIGKILL at a random moment, across repeated kills and restarts', async () => {
  const all: string[] = [];
  for (let round = 0; round < KILLS; round++) {
    const acknowledged = await burstUntilKilled(round * 1_000, 150 + Math.floor(random() * 400));
    all.push(...acknowledged);
    // The data file is replaced by rename only, so whatever the moment of the kill it is whole JSON.
    if (existsSync(data)) expect(() => JSON.parse(readFileSync(data, 'utf8')) as unknown).not.toThrow();
  }
  expect(all.length).toBeGreaterThan(0);

  // A snapshot the killed process was writing is left as a temporary file: plant one to be sure it is handled.
  writeFileSync(join(dir, '.data.json.tmp'), '{"format":"daraja-emul');
  const emulator = await spawnEmulator(['--port', '0', '--data', data, '--quiet']);
  const client = new KeepAliveClient(emulator.url, 20);
  try {
    const missing: string[] = [];
    const malformed: string[] = [];
    await Promise.all(
      Array.from({ length: 20 }, async (_, w) => {
        for (let i = w; i < all.length; i += 20) {
          const id = all[i] as string;
          const reply = await client.json('GET', `/_emulator/transactions/${id}`);
          if (reply.status !== 200) missing.push(id);
          const t = reply.json as TransactionView;
          const whole =
            t?.id === id &&
            t.type === 'stk' &&
            typeof t.phone === 'string' &&
            t.amount === 1 &&
            typeof t.createdAt === 'number';
          if (reply.status === 200 && !whole) malformed.push(id);
        }
      }),
    );
    expect(missing).toEqual([]);
    expect(malformed).toEqual([]);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp') || f.includes('.stale-'))).toEqual([]);
    expect(JSON.parse(readFileSync(`${data}.lock`, 'utf8'))).toMatchObject({ pid: emulator.child.pid });
    console.log(
      `durability: ${all.length} acknowledged pushes over ${KILLS} SIGKILLs, all present after restart`,
    );
  } finally {
    client.close();
    expect(await emulator.stop('SIGTERM')).toBe(0);
  }
  expect(JSON.parse(readFileSync(data, 'utf8'))).toMatchObject({ format: 'daraja-emulator-store' });
}, 60_000);
