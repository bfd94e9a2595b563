/**
 * The phases of `npm run bench` that drive one server each: the baselines, the emulator's acknowledgements
 * and the pushes every other phase sends.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DarajaPaths } from 'daraja-client/wire';
import { KeepAliveClient, type Call } from './http-client.js';
import { closedLoop, type LoadResult } from './load.js';
import { spawnEmulator, spawnReady } from './spawn-emulator.js';
import { fetchToken, phoneNumber, stkPushBody } from './stk-fixture.js';

const BARE_SERVER = fileURLToPath(new URL('./bare-server.js', import.meta.url));
export const CONNECTIONS = 50;
const WARMUP_MS = 1_000;
export const MEASURE_MS = 5_000;
/** Phones are reused round-robin: a real test suite uses a handful, and each prompt is long settled by its turn. */
const PHONES = 10_000;
/**
 * (b) measures the acknowledgement alone: prompts are left waiting for the phone (the default), so every
 * push goes to its own customer, set up beforehand as a test suite would; a push to a phone with a prompt
 * open would be refused.
 */
const ACK_PHONES = 60_000;
const ACK_PHONE_BASE = 50_000_000;

/**
 * Requests per second a server sustains with CONNECTIONS connections, after a warm-up, sending requests
 * firstIndex onwards (and none past `last`).
 */
export async function throughput(
  url: string,
  make: (i: number) => Call,
  firstIndex = 0,
  last = Infinity,
): Promise<{ rate: number; next: number; result: LoadResult }> {
  const client = new KeepAliveClient(url, CONNECTIONS);
  const sent = (r: LoadResult) => r.latencies.length + (r.statuses.get('error') ?? 0);
  try {
    const warm = await closedLoop(client, make, {
      connections: CONNECTIONS,
      durationMs: WARMUP_MS,
      firstIndex,
      count: last - firstIndex,
    });
    const start = firstIndex + sent(warm);
    const result = await closedLoop(client, make, {
      connections: CONNECTIONS,
      durationMs: MEASURE_MS,
      firstIndex: start,
      count: last - start,
    });
    return { rate: result.rate, next: start + sent(result), result };
  } finally {
    client.close();
  }
}

/** (a) and (a'): a bare Express or node:http handler answering a fixed acknowledgement. */
export async function baseline(kind: 'express' | 'raw'): Promise<number> {
  const server = await spawnReady(BARE_SERVER, [kind]);
  try {
    const body = JSON.stringify(stkPushBody(phoneNumber(1), 'http://127.0.0.1:9/callback'));
    const { rate } = await throughput(server.url, () => ({
      method: 'POST',
      path: DarajaPaths.stkPush,
      headers: { 'Content-Type': 'application/json' },
      body,
    }));
    return rate;
  } finally {
    await server.stop();
  }
}

/** Pushes to phoneNumber(phone(i)); by default the PHONES numbers round-robin. */
export function pushCall(
  token: string,
  callbackUrl: string,
  phone = (i: number) => i % PHONES,
): (i: number) => Call {
  const headers = { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` };
  return (i) => ({
    method: 'POST',
    path: DarajaPaths.stkPush,
    headers,
    body: JSON.stringify(stkPushBody(phoneNumber(phone(i)), callbackUrl)),
  });
}

/** (b): acknowledged STK pushes per second, each to a customer of its own whose prompt then waits. */
export async function acknowledgements(dir: string, callbackUrl: string): Promise<LoadResult> {
  // The customers come from a config file, as a test suite would set them up.
  const config = join(dir, 'customers.json');
  const customers = Array.from({ length: ACK_PHONES }, (_, i) => ({
    msisdn: phoneNumber(ACK_PHONE_BASE + i),
    balance: 1_000,
  }));
  writeFileSync(config, JSON.stringify({ customers }));
  const emu = await spawnEmulator(
    ['--port', '0', '--data', join(dir, 'data.json'), '--config', config, '--quiet'],
    { timeoutMs: 60_000 },
  );
  try {
    const client = new KeepAliveClient(emu.url, 1);
    const token = await fetchToken(client);
    client.close();
    const make = pushCall(token, callbackUrl, (i) => ACK_PHONE_BASE + i);
    return (await throughput(emu.url, make, 0, ACK_PHONES)).result;
  } finally {
    await emu.stop('SIGTERM');
  }
}
