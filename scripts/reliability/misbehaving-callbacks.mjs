#!/usr/bin/env node
// `npm run reliability:callbacks`: 10,000 STK flows whose callbacks go to targets that refuse the
// connection, accept and never answer, answer 500, or trickle one byte at a time, plus a healthy one. Checks
// that every attempt is logged with its outcome and duration, that outbound time is bounded by
// settings.callbacks.timeoutMs, that healthy callbacks keep flowing, and that the emulator's sockets and
// memory come back down. Options: --flows <n> (10000), --timeout-ms <n> (500).
import http from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { clearInterval, setInterval } from 'node:timers';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { KeepAliveClient } from '../../emulator/dist/bench/http-client.js';
import { startSink } from '../../emulator/dist/bench/callback-sink.js';
import { closedLoop } from '../../emulator/dist/bench/load.js';
import { openFileCount, residentMb, spawnEmulator } from '../../emulator/dist/bench/spawn-emulator.js';
import { fetchToken, phoneNumber, stkPushBody } from '../../emulator/dist/bench/stk-fixture.js';
import { summarise } from '../../emulator/dist/bench/stats.js';

const { values } = parseArgs({
  options: { flows: { type: 'string', default: '10000' }, 'timeout-ms': { type: 'string', default: '500' } },
});
const flows = Number(values.flows);
const timeoutMs = Number(values['timeout-ms']);
const dir = mkdtempSync(join(tmpdir(), 'daraja-callbacks-'));
const servers = [];
const serve = async (handler) => {
  const server = http.createServer(handler);
  servers.push(server);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${server.address().port}/callback`;
};
const closed = http.createServer();
await new Promise((resolve) => closed.listen(0, '127.0.0.1', resolve));
const refused = `http://127.0.0.1:${closed.address().port}/callback`;
await new Promise((resolve) => closed.close(resolve));
const targets = {
  refused,
  hang: await serve(() => undefined),
  error500: await serve((_req, res) => res.writeHead(500).end('oops')),
  trickle: await serve((_req, res) => {
    res.writeHead(200);
    const timer = setInterval(() => res.write(' '), 50);
    res.on('close', () => clearInterval(timer));
  }),
};
const healthy = await startSink(undefined, false);
targets.healthy = healthy.url;
const kinds = Object.keys(targets);
const config = join(dir, 'config.json');
writeFileSync(config, JSON.stringify({ settings: { callbacks: { timeoutMs } } }));
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
const pid = emulator.child.pid;
try {
  const token = await fetchToken(client);
  const before = { fds: openFileCount(pid), rss: residentMb(pid) };
  const headers = { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` };
  const started = performance.now();
  const pushed = new Map();
  const arrivals = [];
  let lastHealthy = 0;
  const watch = setInterval(() => {
    if (healthy.received > lastHealthy) arrivals.push(performance.now());
    lastHealthy = healthy.received;
  }, 100);
  let peakFds = 0;
  const fdWatch = setInterval(() => (peakFds = Math.max(peakFds, openFileCount(pid) ?? 0)), 250);
  const load = await closedLoop(
    client,
    (i) => ({
      method: 'POST',
      path: '/mpesa/stkpush/v1/processrequest',
      headers,
      body: JSON.stringify(stkPushBody(phoneNumber(i), targets[kinds[i % kinds.length]])),
    }),
    {
      connections: 20,
      count: flows,
      onReply: (i, reply) => pushed.set(JSON.parse(reply.body).CheckoutRequestID, kinds[i % kinds.length]),
    },
  );
  // Wait until every delivery has settled.
  let settled = [];
  for (let wait = 0; wait < 600; wait++) {
    const list = (await client.json('GET', '/_emulator/deliveries?limit=10000')).json;
    settled = list.filter((d) => d.status === 'delivered' || d.status === 'failed');
    if (settled.length >= Math.min(flows, 10_000)) break;
    await sleep(500);
  }
  const took = (performance.now() - started) / 1000;
  clearInterval(watch);
  clearInterval(fdWatch);
  await sleep(1_500); // let closed sockets leave TIME_WAIT bookkeeping and the heap settle
  const after = { fds: openFileCount(pid), rss: residentMb(pid) };
  const byKind = {};
  let unlogged = 0;
  let overTime = 0;
  for (const d of settled) {
    const kind = pushed.get(d.transactionId) ?? 'unknown';
    const attempt = d.attempts.at(-1);
    if (!attempt || typeof attempt.durationMs !== 'number') unlogged++;
    else if (attempt.durationMs > timeoutMs + 250) overTime++;
    const outcome = attempt?.error ?? String(attempt?.status);
    byKind[kind] ??= { count: 0, outcomes: new Map(), durations: [] };
    byKind[kind].count++;
    byKind[kind].outcomes.set(outcome, (byKind[kind].outcomes.get(outcome) ?? 0) + 1);
    if (attempt) byKind[kind].durations.push(attempt.durationMs);
  }
  const gaps = arrivals.slice(1).map((t, i) => t - arrivals[i]);
  const longestGap = gaps.length ? Math.max(...gaps) : 0;
  console.log(
    `${flows} flows pushed at ${load.rate.toFixed(0)}/s; all settled after ${took.toFixed(1)} s (timeoutMs ${timeoutMs})`,
  );
  console.log('');
  console.log('| Target | Deliveries (last 10,000 listed) | Outcomes | Duration p50 / max |');
  console.log('|---|---|---|---|');
  for (const [kind, k] of Object.entries(byKind)) {
    const s = summarise(k.durations);
    console.log(
      `| ${kind} | ${k.count} | ${[...k.outcomes].map(([o, n]) => `${o} ×${n}`).join(', ')} | ${s.p50.toFixed(0)} / ${s.max.toFixed(0)} ms |`,
    );
  }
  console.log('');
  console.log('| Emulator | Before | Peak | After |');
  console.log('|---|---|---|---|');
  console.log(`| open file descriptors | ${before.fds} | ${peakFds} | ${after.fds} |`);
  console.log(`| resident memory | ${before.rss?.toFixed(0)} MB | | ${after.rss?.toFixed(0)} MB |`);
  console.log('');
  console.log(
    `healthy callbacks received: ${healthy.received}; longest pause between healthy arrivals while flows ran: ${longestGap.toFixed(0)} ms`,
  );
  const fdLeak = (after.fds ?? 0) - (before.fds ?? 0);
  const ok = unlogged === 0 && overTime === 0 && fdLeak <= 25;
  console.log(
    `attempts without outcome or duration: ${unlogged}; attempts over timeoutMs + 250 ms: ${overTime}; descriptors not returned: ${fdLeak}`,
  );
  console.log(ok ? 'PASS' : 'FAIL');
  process.exitCode = ok ? 0 : 1;
} finally {
  client.close();
  await emulator.stop('SIGTERM');
  for (const s of servers) s.closeAllConnections();
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  await healthy.close();
  rmSync(dir, { recursive: true, force: true });
}
