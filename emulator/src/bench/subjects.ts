/**
 * What `npm run bench` measures side by side: the bare baselines (bare-server.ts) and the emulator, each a
 * child process on 127.0.0.1, with the same STK pushes sent to each.
 */
import { copyFileSync, existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BareKind } from './bare-server.js';
import { KeepAliveClient, type Call } from './http-client.js';
import { spawnReady, type Spawned } from './spawn-emulator.js';
import { fetchToken, phoneNumber, stkPushBody } from './stk-fixture.js';

const BARE_SERVER = fileURLToPath(new URL('./bare-server.js', import.meta.url));
const PACKAGE_DIR = fileURLToPath(new URL('../../', import.meta.url));
const STK_PUSH_PATH = '/mpesa/stkpush/v1/processrequest';

/** A server under measurement, started. */
export interface Running {
  spawned: Spawned;
  url: string;
  /** The i-th STK push to this server (the emulator's carry a bearer token). */
  push: (i: number) => Call;
  stop(): Promise<number | string>;
}

/** Phones are reused round-robin; each prompt is long settled by its number's next turn. */
export const PHONES = 20_000;

export function pushMaker(callbackUrl: string, token?: string, firstPhone = 0): (i: number) => Call {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  return (i) => ({
    method: 'POST',
    path: STK_PUSH_PATH,
    headers,
    body: JSON.stringify(stkPushBody(phoneNumber(firstPhone + (i % PHONES)), callbackUrl)),
  });
}

export async function startBare(kind: BareKind, callbackUrl: string): Promise<Running> {
  const spawned = await spawnReady(BARE_SERVER, [kind]);
  return { spawned, url: spawned.url, push: pushMaker(callbackUrl), stop: () => spawned.stop('SIGTERM') };
}

/**
 * The emulator as a user installs it: the package's bin with its compiled files beside it and no sources
 * (in a clone the bin first checks whether the build is stale, which an installed package never does).
 */
export function installedBin(workDir: string): string {
  const dir = join(workDir, 'installed');
  const bin = join(dir, 'bin', 'daraja-emulator.js');
  if (!existsSync(bin)) {
    mkdirSync(join(dir, 'bin'), { recursive: true });
    copyFileSync(join(PACKAGE_DIR, 'bin', 'daraja-emulator.js'), bin);
    symlinkSync(join(PACKAGE_DIR, 'dist'), join(dir, 'dist'), 'dir');
  }
  return bin;
}

/** Starts the installed bin with `args` (plus --port 0 --quiet --ready-json). */
export function spawnBin(bin: string, args: string[], timeoutMs = 60_000): Promise<Spawned> {
  return spawnReady(bin, ['--ready-json', '--port', '0', '--quiet', ...args], { timeoutMs });
}

export async function startEmulator(
  bin: string,
  args: string[],
  callbackUrl: string,
  firstPhone = 0,
): Promise<Running> {
  const spawned = await spawnBin(bin, args);
  const client = new KeepAliveClient(spawned.url, 1);
  try {
    const token = await fetchToken(client);
    return {
      spawned,
      url: spawned.url,
      push: pushMaker(callbackUrl, token, firstPhone),
      stop: () => spawned.stop('SIGTERM'),
    };
  } finally {
    client.close();
  }
}
