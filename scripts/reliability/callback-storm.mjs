#!/usr/bin/env node
// `npm run reliability:storm`: how fast the emulator answers other requests while a storm of callbacks goes
// out. 1,000 STK pushes are accepted at once, with their callbacks held back 10 s (stk.callbackDelayMs), so
// that they all fall due together; while they go out to a fast receiver (in its own thread), one client
// sends an OAuth request and a control request in turn and times each answer. Passes when both p99s are
// within 50 ms.
// Options: --callbacks <n> (1000), --target-ms <n> (50), --max-in-flight <n> (the default setting, 64).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { KeepAliveClient } from '../../emulator/dist/bench/http-client.js';
import { closedLoop } from '../../emulator/dist/bench/load.js';
import { machine, table } from '../../emulator/dist/bench/report.js';
import { SinkThread } from '../../emulator/dist/bench/sink-thread.js';
import { spawnEmulator } from '../../emulator/dist/bench/spawn-emulator.js';
import { basicAuth, fetchToken, phoneNumber, stkPushBody } from '../../emulator/dist/bench/stk-fixture.js';
import { summarise } from '../../emulator/dist/bench/stats.js';

const { values } = parseArgs({
  options: {
    callbacks: { type: 'string', default: '1000' },
    'target-ms': { type: 'string', default: '50' },
    'max-in-flight': { type: 'string' },
  },
});
const count = Number(values.callbacks);
const targetMs = Number(values['target-ms']);

const dir = mkdtempSync(join(tmpdir(), 'daraja-storm-'));
const config = join(dir, 'config.json');
const HELD_MS = 10_000;
const callbacks = values['max-in-flight']
  ? { callbacks: { maxInFlight: Number(values['max-in-flight']) } }
  : {};
writeFileSync(config, JSON.stringify({ settings: { stk: { callbackDelayMs: HELD_MS }, ...callbacks } }));
const sink = await SinkThread.start();
const emulator = await spawnEmulator([
  '--port',
  '0',
  '--memory',
  '--auto-accept',
  '--quiet',
  '--config',
  config,
]);
const client = new KeepAliveClient(emulator.url, 20);
const probe = new KeepAliveClient(emulator.url, 1);
const oauth = {
  method: 'GET',
  path: '/oauth/v1/generate?grant_type=client_credentials',
  headers: { Authorization: basicAuth('storm-key', 'storm-secret') },
};
const control = { method: 'GET', path: '/_emulator/deliveries?limit=20' };

/** Times one request of each kind in turn until `done()` says stop; returns the latencies in ms. */
async function probeUntil(done) {
  const daraja = [];
  const own = [];
  for (let i = 0; !(await done(i)); i++) {
    for (const [call, into] of [
      [oauth, daraja],
      [control, own],
    ]) {
      const started = performance.now();
      const reply = await probe.send(call);
      into.push(performance.now() - started);
      if (reply.status !== 200) throw new Error(`${call.method} ${call.path} answered ${reply.status}`);
    }
  }
  return { daraja: summarise(daraja), own: summarise(own) };
}

try {
  const token = await fetchToken(client);
  const headers = { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` };
  const quiet = await probeUntil(async (i) => i >= 200);
  const pushing = performance.now();
  await closedLoop(
    client,
    (i) => ({
      method: 'POST',
      path: '/mpesa/stkpush/v1/processrequest',
      headers,
      body: JSON.stringify(stkPushBody(phoneNumber(i), sink.url)),
    }),
    { connections: 20, count },
  );
  const pushMs = performance.now() - pushing;
  if (pushMs > HELD_MS)
    console.log(`note: the pushes took ${pushMs.toFixed(0)} ms, longer than the callbacks were held`);
  // The storm: the callbacks fall due together once the hold is over; time requests from the first
  // arrival until all arrived.
  await sink.waitFor(1, HELD_MS * 3);
  const started = performance.now();
  const storm = await probeUntil(async (i) => i % 10 === 0 && (await sink.stats()).received >= count);
  const stormMs = performance.now() - started;
  const received = (await sink.stats()).received;

  console.log(machine());
  console.log('');
  console.log(
    `${count} pushes in ${pushMs.toFixed(0)} ms; their callbacks to a receiver in its own thread: ${received} received in ${stormMs.toFixed(0)} ms from the first; ` +
      `${storm.daraja.count} OAuth and ${storm.own.count} control requests timed during the storm`,
  );
  console.log('');
  const rows = [
    { measure: 'OAuth p50, quiet', value: quiet.daraja.p50, unit: 'ms' },
    { measure: 'control p50, quiet', value: quiet.own.p50, unit: 'ms' },
    { measure: 'OAuth p50 during the storm', value: storm.daraja.p50, unit: 'ms' },
    {
      measure: 'OAuth p99 during the storm',
      value: storm.daraja.p99,
      unit: 'ms',
      target: { kind: 'max', value: targetMs },
      note: `max ${storm.daraja.max.toFixed(0)} ms`,
    },
    { measure: 'control p50 during the storm', value: storm.own.p50, unit: 'ms' },
    {
      measure: 'control p99 during the storm',
      value: storm.own.p99,
      unit: 'ms',
      target: { kind: 'max', value: targetMs },
      note: `max ${storm.own.max.toFixed(0)} ms`,
    },
  ];
  console.log(table(rows));
  const ok = received >= count && storm.daraja.p99 <= targetMs && storm.own.p99 <= targetMs;
  console.log(ok ? 'PASS' : 'FAIL');
  process.exitCode = ok ? 0 : 1;
} finally {
  client.close();
  probe.close();
  await emulator.stop('SIGTERM');
  await sink.close();
  rmSync(dir, { recursive: true, force: true });
}
