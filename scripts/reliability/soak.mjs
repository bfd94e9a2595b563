#!/usr/bin/env node
// `npm run soak`: a long run against the compiled emulator (file store on a temporary directory, automatic
// acceptance, callbacks to a sink in a worker thread): STK pushes, STK queries, rejected pushes and OAuth
// calls, one million requests by default. Prints resident memory, open descriptors and data-file size per
// chunk and checks that memory levels off (history is capped, see emulator/src/config/history-caps.ts).
// Options: --requests <n> (1000000), --chunk <n> (50000), --connections <n> (50), --memory (no data file).
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { KeepAliveClient } from '../../emulator/dist/bench/http-client.js';
import { closedLoop, describeStatuses } from '../../emulator/dist/bench/load.js';
import { machine } from '../../emulator/dist/bench/report.js';
import { SinkThread } from '../../emulator/dist/bench/sink-thread.js';
import { openFileCount, residentMb, spawnEmulator } from '../../emulator/dist/bench/spawn-emulator.js';
import {
  SANDBOX_PASSWORD,
  basicAuth,
  fetchToken,
  phoneNumber,
  stkPushBody,
} from '../../emulator/dist/bench/stk-fixture.js';
import { summarise } from '../../emulator/dist/bench/stats.js';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '1000000' },
    chunk: { type: 'string', default: '50000' },
    connections: { type: 'string', default: '50' },
    memory: { type: 'boolean', default: false },
  },
});
const total = Number(values.requests);
const chunk = Number(values.chunk);
const connections = Number(values.connections);
const dir = mkdtempSync(join(tmpdir(), 'daraja-soak-'));
const data = join(dir, 'data.json');
const size = (path) => {
  try {
    return statSync(path).size / 2 ** 20;
  } catch {
    return 0;
  }
};
console.log(`Machine: ${machine()}`);
const sink = await SinkThread.start();
const emulator = await spawnEmulator([
  '--port',
  '0',
  '--auto-accept',
  '--quiet',
  ...(values.memory ? ['--memory'] : ['--data', data]),
]);
const client = new KeepAliveClient(emulator.url, connections);
const pid = emulator.child.pid;
const rows = [];
try {
  const token = await fetchToken(client);
  const headers = { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` };
  const recent = [];
  const wrongPassword = SANDBOX_PASSWORD.replace(/^./, (c) => (c === 'M' ? 'N' : 'M'));
  // One request in 20 is a query, one a push with a wrong Password, one in 50 an OAuth call; the rest pushes.
  const make = (i) => {
    if (i % 20 === 0 && recent.length) {
      return {
        method: 'POST',
        path: '/mpesa/stkpushquery/v1/query',
        headers,
        body: JSON.stringify({
          BusinessShortCode: '174379',
          Password: SANDBOX_PASSWORD,
          Timestamp: '20260101120000',
          CheckoutRequestID: recent[i % recent.length],
        }),
      };
    }
    if (i % 20 === 1)
      return {
        method: 'POST',
        path: '/mpesa/stkpush/v1/processrequest',
        headers,
        body: JSON.stringify({ ...stkPushBody(phoneNumber(i % 10_000), sink.url), Password: wrongPassword }),
      };
    if (i % 50 === 2)
      return {
        method: 'GET',
        path: '/oauth/v1/generate?grant_type=client_credentials',
        headers: { Authorization: basicAuth('soak', 'soak-secret') },
      };
    return {
      method: 'POST',
      path: '/mpesa/stkpush/v1/processrequest',
      headers,
      body: JSON.stringify(stkPushBody(phoneNumber(i % 10_000), sink.url)),
    };
  };
  let acknowledged = 0;
  const onReply = (_i, reply) => {
    if (
      reply.status !== 200 ||
      !reply.body.includes('CheckoutRequestID') ||
      reply.body.includes('ResultCode')
    )
      return;
    acknowledged++;
    const id = JSON.parse(reply.body).CheckoutRequestID;
    if (recent.length < 1_000) recent.push(id);
    else recent[Math.floor(Math.random() * 1_000)] = id;
  };
  const started = performance.now();
  console.log(
    '| Requests | Req/s | p50 ms | p99 ms | Statuses | Callbacks | Backlog | RSS MB | FDs | Data file MB | Log MB |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  for (let done = 0; done < total; done += chunk) {
    const r = await closedLoop(client, make, {
      connections,
      count: Math.min(chunk, total - done),
      firstIndex: done,
      onReply,
    });
    const s = summarise(r.latencies);
    const row = {
      done: done + r.latencies.length,
      rate: r.rate,
      p50: s.p50,
      p99: s.p99,
      statuses: describeStatuses(r.statuses),
      callbacks: (await sink.stats()).received,
      rss: residentMb(pid) ?? Number.NaN,
      fds: openFileCount(pid) ?? Number.NaN,
      dataMb: size(data),
      logMb: size(`${data}.log`) + size(`${data}.log.1`),
    };
    const backlog = acknowledged - row.callbacks;
    rows.push(row);
    console.log(
      `| ${row.done} | ${row.rate.toFixed(0)} | ${row.p50.toFixed(1)} | ${row.p99.toFixed(1)} | ${row.statuses} | ${row.callbacks} | ${backlog} | ${row.rss.toFixed(0)} | ${row.fds} | ${row.dataMb.toFixed(1)} | ${row.logMb.toFixed(1)} |`,
    );
  }
  const minutes = (performance.now() - started) / 60_000;
  // Memory levels off when the last quarter of the run peaks no higher than a quarter past the middle.
  const quarter = (from, to) =>
    Math.max(...rows.slice(Math.floor(rows.length * from), Math.ceil(rows.length * to)).map((r) => r.rss));
  const middle = quarter(0.25, 0.5);
  const end = quarter(0.75, 1);
  const levels = rows.length < 4 || end <= middle * 1.25;
  // Every acknowledged push has its callback once the load stops.
  const drainedMs = await sink.waitFor(acknowledged, 120_000).catch(() => Number.NaN);
  const exit = await emulator.stop('SIGTERM');
  console.log('');
  console.log(
    `${total} requests in ${minutes.toFixed(1)} min; peak RSS ${middle.toFixed(0)} MB in the second quarter, ${end.toFixed(0)} MB in the last`,
  );
  console.log(`memory ${levels ? 'levels off' : 'keeps growing'}; SIGTERM exit ${exit}`);
  console.log(
    Number.isNaN(drainedMs)
      ? `callbacks did NOT catch up: ${(await sink.stats()).received} of ${acknowledged} within 120 s of the end`
      : `all ${acknowledged} callbacks delivered ${(drainedMs / 1000).toFixed(1)} s after the load stopped`,
  );
  process.exitCode = levels && exit === 0 && !Number.isNaN(drainedMs) ? 0 : 1;
} finally {
  client.close();
  emulator.child.kill('SIGKILL');
  await sink.close();
  rmSync(dir, { recursive: true, force: true });
}
