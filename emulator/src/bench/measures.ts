/**
 * One measurement each, of one server, as `npm run bench` interleaves them: start-up to the first 200,
 * a burst of complete flows, a fixed rate of flows, and a stop at the history caps.
 */
import { copyDataFile } from './caps-file.js';
import { KeepAliveClient, type Call } from './http-client.js';
import { closedLoop, fixedRate } from './load.js';
import type { SinkThread } from './sink-thread.js';
import { basicAuth } from './stk-fixture.js';
import type { Spawned } from './spawn-emulator.js';
import { summarise } from './stats.js';
import type { Running } from './subjects.js';

const CONNECTIONS = 50;
const TOKEN_PATH = '/oauth/v1/generate?grant_type=client_credentials';

const sinceMs = (started: bigint) => Number(process.hrtime.bigint() - started) / 1e6;
/** How long a measurement waits for the callbacks of the pushes it sent. */
const CALLBACK_WAIT_MS = 30_000;

/** Waits until the sink has `count` callbacks, or gives up; returns how many did not arrive. */
async function missingCallbacks(sink: SinkThread, count: number): Promise<number> {
  try {
    await sink.waitFor(count, CALLBACK_WAIT_MS);
    return 0;
  } catch {
    return Math.max(0, count - (await sink.stats()).received);
  }
}
const ok = (statuses: Map<number | 'error', number>) => statuses.get(200) ?? 0;

/**
 * Milliseconds from spawning a server to the first 200 answer to a token request (the first thing every
 * Daraja client does), sent as soon as the server prints that it listens.
 */
export async function spawnToFirstOk(start: () => Promise<Spawned>): Promise<number> {
  const started = process.hrtime.bigint();
  const spawned = await start();
  const client = new KeepAliveClient(spawned.url, 1);
  try {
    const reply = await client.send({
      method: 'GET',
      path: TOKEN_PATH,
      headers: { Authorization: basicAuth('bench-key', 'bench-secret') },
    });
    if (reply.status !== 200) throw new Error(`the first request was answered ${reply.status}`);
    return sinceMs(started);
  } finally {
    client.close();
    await spawned.stop('SIGKILL');
  }
}

export interface FlowBurst {
  /** Complete flows per second: from the first push sent to the last callback received. */
  flowsPerSecond: number;
  /** Acknowledged pushes per second while the burst was sent. */
  acksPerSecond: number;
  failed: number;
}

/** `count` pushes from CONNECTIONS connections, each answered and its callback received. */
export async function flowBurst(
  server: Running,
  sink: SinkThread,
  count: number,
  firstIndex: number,
): Promise<FlowBurst> {
  const client = new KeepAliveClient(server.url, CONNECTIONS);
  try {
    const before = (await sink.stats()).received;
    const started = process.hrtime.bigint();
    const result = await closedLoop(client, server.push, { connections: CONNECTIONS, count, firstIndex });
    const answered = ok(result.statuses);
    const missing = await missingCallbacks(sink, before + answered);
    const ms = sinceMs(started);
    return {
      flowsPerSecond: ((answered - missing) * 1000) / ms,
      acksPerSecond: result.rate,
      failed: count - answered + missing,
    };
  } finally {
    client.close();
  }
}

/** Acknowledgements per second of a server that does nothing else (the raw baseline). */
export async function ackBurst(server: Running, count: number): Promise<number> {
  const client = new KeepAliveClient(server.url, CONNECTIONS);
  try {
    const result = await closedLoop(client, server.push, { connections: CONNECTIONS, count });
    return result.rate;
  } finally {
    client.close();
  }
}

export interface TailRun {
  p50: number;
  p99: number;
  max: number;
  /** Pushes per second actually sent. */
  offered: number;
  failed: number;
}

/**
 * Pushes at a fixed rate, evenly spaced, for `durationMs`; each latency counts from the request's due
 * time, so a stall shows in the figures instead of delaying the requests behind it. Waits for every
 * callback before it returns, so the next measurement starts on an idle server.
 */
export async function tailAtRate(
  server: Running,
  sink: SinkThread,
  rate: number,
  durationMs: number,
  firstIndex: number,
): Promise<TailRun> {
  const client = new KeepAliveClient(server.url, 512);
  try {
    const before = (await sink.stats()).received;
    const result = await fixedRate(client, server.push, { rate, durationMs, firstIndex });
    const answered = ok(result.statuses);
    const missing = await missingCallbacks(sink, before + answered);
    const s = summarise(result.latencies);
    return {
      p50: s.p50,
      p99: s.p99,
      max: s.max,
      offered: ((result.latencies.length + (result.statuses.get('error') ?? 0)) * 1000) / result.elapsedMs,
      failed: Math.round((rate * durationMs) / 1000) - answered + missing,
    };
  } finally {
    client.close();
  }
}

/**
 * Starts an emulator on a copy of a data file at the history caps, runs `flows` complete flows (so that
 * the log holds writes the stop must fold in), and measures SIGTERM to exit: the final save.
 */
export async function stopAtCaps(
  template: string,
  copy: string,
  start: (dataFile: string) => Promise<Running>,
  sink: SinkThread,
  flows: number,
): Promise<{ stopMs: number; exit: number | string }> {
  copyDataFile(template, copy);
  const server = await start(copy);
  const burst = await flowBurst(server, sink, flows, 0);
  if (burst.failed > 0) throw new Error(`${burst.failed} of ${flows} flows failed before the stop`);
  const started = process.hrtime.bigint();
  const exit = await server.stop();
  return { stopMs: sinceMs(started), exit };
}

/** Sends `count` pushes with distinct phones (for filling histories). */
export async function pushesFrom(
  url: string,
  make: (i: number) => Call,
  count: number,
  firstIndex: number,
): Promise<number> {
  const client = new KeepAliveClient(url, CONNECTIONS);
  try {
    const result = await closedLoop(client, make, { connections: CONNECTIONS, count, firstIndex });
    return ok(result.statuses);
  } finally {
    client.close();
  }
}
