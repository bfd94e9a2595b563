/**
 * `npm run bench`: the performance report. Every server runs in its own child process and the load comes
 * from this process, so the two never share an event loop; callbacks go to a sink in a worker thread.
 * Figures depend on the machine and on what else runs on it: the table shows the load average at start.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultSettings } from '../config/defaults.js';
import { KeepAliveClient } from './http-client.js';
import { acknowledgements, baseline, CONNECTIONS, MEASURE_MS, pushCall, throughput } from './phases.js';
import { closedLoop, describeStatuses, fixedRate, sequential, type LoadResult } from './load.js';
import { machine, table, verdict, type Row } from './report.js';
import { SinkThread } from './sink-thread.js';
import { residentMb, spawnEmulator, type Spawned } from './spawn-emulator.js';
import { fetchToken } from './stk-fixture.js';
import { median, summarise } from './stats.js';

const MEMORY_TRANSACTIONS = 100_000;
const MEMORY_BUDGET_MS = 100_000;
const progress = (text: string) => process.stderr.write(`bench: ${text}\n`);
const nonOk = (r: LoadResult) => [...r.statuses].filter(([s]) => s !== 200).reduce((n, [, c]) => n + c, 0);

async function startEmulator(dir: string, autoAccept = true): Promise<Spawned> {
  const args = ['--port', '0', '--data', join(dir, 'data.json'), '--quiet'];
  return spawnEmulator(autoAccept ? [...args, '--auto-accept'] : args);
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  const started = process.hrtime.bigint();
  console.log(`Machine: ${machine()}`);
  const dirs: string[] = [];
  const tmp = () => {
    const dir = mkdtempSync(join(tmpdir(), 'daraja-bench-'));
    dirs.push(dir);
    return dir;
  };
  const sink = await SinkThread.start();
  try {
    progress('(a) bare Express');
    const express = await baseline('express');
    progress("(a') raw node:http");
    const raw = await baseline('raw');

    progress('(b) emulator STK push acknowledgements with a file store');
    const b = await acknowledgements(tmp(), sink.url);

    progress('one sequential client, then flows with automatic acceptance');
    const emu = await startEmulator(tmp());
    const client = new KeepAliveClient(emu.url, CONNECTIONS);
    const push = pushCall(await fetchToken(client), sink.url);
    const base = (await sink.stats()).received;
    let next = 0;
    const warm = await sequential(client, push, 100, next);
    next += 100;
    const early = await sequential(client, push, 1_000, next);
    next += 1_000;
    const loaded = await throughput(emu.url, push, next);
    next = loaded.next;
    const fill = await closedLoop(client, push, {
      connections: CONNECTIONS,
      count: Math.max(0, 10_000 - next),
      firstIndex: next,
    });
    next = Math.max(next, 10_000);
    // The early figures were taken on an idle emulator: so are the late ones, once the load's callbacks are out.
    await sink.waitFor(base + next, 60_000).catch(() => undefined);
    const late = await sequential(client, push, 1_000, next);
    next += 1_000;

    progress('p99 at 2,000 pushes/s offered');
    const rateClient = new KeepAliveClient(emu.url, 512);
    const offered = await fixedRate(rateClient, push, {
      rate: 2_000,
      durationMs: MEASURE_MS,
      firstIndex: next,
    });
    rateClient.close();
    next += offered.latencies.length + (offered.statuses.get('error') ?? 0);
    let undelivered = '';
    const settledMs = await sink.waitFor(base + next, 60_000).catch((error: unknown) => {
      undelivered = (error as Error).message;
      return Number.NaN;
    });
    const peak = (await sink.stats()).peakInFlight;

    progress('memory after 100,000 transactions');
    // Bounded so that a slow machine still finishes: the table then says how many transactions were reached.
    const rest = await closedLoop(client, push, {
      connections: CONNECTIONS,
      count: MEMORY_TRANSACTIONS - next,
      firstIndex: next,
      durationMs: MEMORY_BUDGET_MS,
    });
    next += rest.latencies.length + (rest.statuses.get('error') ?? 0);
    await sink.waitFor(base + next, 30_000).catch(() => undefined);
    const rss = residentMb(emu.child.pid ?? 0);
    client.close();
    const exitCode = await emu.stop('SIGTERM');
    const errors = [warm, early, loaded.result, fill, late, offered, rest].reduce((n, r) => n + nonOk(r), 0);

    progress('(c) 10,000 complete flows');
    const emu2 = await startEmulator(tmp());
    const client2 = new KeepAliveClient(emu2.url, CONNECTIONS);
    const push2 = pushCall(await fetchToken(client2), sink.url);
    const before = (await sink.stats()).received;
    const flowStart = process.hrtime.bigint();
    const flows = await closedLoop(client2, push2, { connections: CONNECTIONS, count: 10_000 });
    await sink.waitFor(before + 10_000, 60_000).catch(() => undefined);
    const flowMs = Number(process.hrtime.bigint() - flowStart) / 1e6;
    const delivered = (await sink.stats()).received - before;
    client2.close();
    await emu2.stop('SIGTERM');

    progress('(d) spawn to ready');
    const spawns: number[] = [];
    for (let i = 0; i < 7; i++) {
      const e = await spawnEmulator(['--port', '0', '--memory', '--quiet']);
      spawns.push(e.readyMs);
      await e.stop('SIGTERM');
    }

    const s = summarise(early.latencies);
    const earlyP99 = s.p99;
    const lateP99 = summarise(late.latencies).p99;
    const o = summarise(offered.latencies);
    rows.push(
      { measure: '(a) bare Express, fixed STK ack', value: express, unit: 'req/s' },
      { measure: "(a') raw node:http, fixed STK ack", value: raw, unit: 'req/s' },
      {
        measure: '(b) emulator STK push acknowledged, file store',
        value: b.rate,
        unit: 'req/s',
        note: `${describeStatuses(b.statuses)}; one customer per push, prompts left waiting`,
      },
      {
        measure: '(b2) the same with automatic acceptance',
        value: loaded.rate,
        unit: 'req/s',
        note: `callbacks delivered as it runs; ${describeStatuses(loaded.result.statuses)}`,
      },
      { measure: '(b)/(a)', value: b.rate / express, unit: '', target: { kind: 'min', value: 0.9 } },
      { measure: "(b)/(a')", value: b.rate / raw, unit: '', note: 'no target' },
      {
        measure: 'p99 at 2,000 pushes/s offered',
        value: o.p99,
        unit: 'ms',
        target: { kind: 'max', value: 50 },
        note: `achieved ${offered.rate.toFixed(0)}/s; ${describeStatuses(offered.statuses)}; the sink saw at most ${peak} callbacks at once (maxInFlight ${defaultSettings().callbacks.maxInFlight}); all delivered ${Number.isNaN(settledMs) ? `NO (${undelivered})` : `${settledMs.toFixed(0)} ms after`}`,
      },
      {
        measure: '(c) 10,000 complete flows',
        value: flowMs / 1000,
        unit: 's',
        target: { kind: 'max', value: 10 },
        note: `${((delivered * 1000) / flowMs).toFixed(0)} flows/s; ${delivered} callbacks; ${describeStatuses(flows.statuses)}`,
      },
      { measure: 'one sequential client, p50', value: s.p50, unit: 'ms', target: { kind: 'max', value: 1 } },
      { measure: 'one sequential client, p99', value: s.p99, unit: 'ms' },
      {
        measure: `resident memory after ${next.toLocaleString('en-US')} transactions`,
        value: rss,
        unit: 'MB',
        target: { kind: 'max', value: 200 },
        note: `${next < MEMORY_TRANSACTIONS ? `stopped short of ${MEMORY_TRANSACTIONS} after ${MEMORY_BUDGET_MS / 1000} s; ` : ''}SIGTERM exit ${exitCode}; non-200 answers in the run: ${errors}`,
      },
      {
        measure: 'late p99 / early p99 (10,000th vs 100th)',
        value: lateP99 / earlyP99,
        unit: '',
        target: { kind: 'max', value: 2 },
        note: `${lateP99.toFixed(2)} ms vs ${earlyP99.toFixed(2)} ms`,
      },
      {
        measure: '(d) spawn to ready, median of 7',
        value: median(spawns),
        unit: 'ms',
        target: { kind: 'max', value: 300 },
        note: spawns.map((m) => m.toFixed(0)).join(', '),
      },
    );
  } finally {
    await sink.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
  console.log('');
  console.log(table(rows));
  const missed = rows.filter((r) => verdict(r) === 'MISS').length;
  console.log('');
  console.log(
    `${rows.filter((r) => verdict(r) === 'PASS').length} PASS, ${missed} MISS in ${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(0)} s`,
  );
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${(error as Error)?.stack ?? String(error)}`);
  process.exit(1);
});
