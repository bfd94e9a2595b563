import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import net from 'node:net';
import tls from 'node:tls';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, SANDBOX_MSISDN, SANDBOX_PASSKEY, type TestEmulator } from 'daraja-emulator/testing';

const run = promisify(execFile);
const CLIENT = fileURLToPath(new URL('../support/proxy-client.mjs', import.meta.url));

type Kind = 'fetch' | 'https' | 'axios' | 'axios-legacy' | 'request';
type Route = 'HTTPS_PROXY' | 'preload';

interface Outcome {
  auth?: number;
  push?: number;
  ack?: { ResponseCode: string };
  error?: string;
}

/**
 * Each kind of client, unmodified and hard-coding the sandbox URL, by the route docs/tls.md gives it. Node's
 * fetch and https.request ignore HTTPS_PROXY (they would look the sandbox up on the internet), so they are
 * run only through the preload module.
 */
const routes: { kind: Kind; route: Route; how: string }[] = [
  { kind: 'axios', route: 'HTTPS_PROXY', how: 'absolute-form request in plain HTTP' },
  { kind: 'axios-legacy', route: 'HTTPS_PROXY', how: 'TLS straight to the proxy port' },
  { kind: 'request', route: 'HTTPS_PROXY', how: 'CONNECT tunnel' },
  { kind: 'fetch', route: 'preload', how: 'preload module' },
  { kind: 'https', route: 'preload', how: 'preload module' },
  { kind: 'axios', route: 'preload', how: 'preload module' },
  { kind: 'axios-legacy', route: 'preload', how: 'preload module' },
  { kind: 'request', route: 'preload', how: 'preload module' },
];

describe('HTTPS proxy and preload routes for each kind of client', () => {
  let emu: TestEmulator;

  beforeAll(async () => {
    emu = await startEmulator({ tls: true });
  });
  afterAll(() => emu.close());
  beforeEach(() => emu.reset());

  async function client(kind: Kind, route: Route): Promise<Outcome> {
    const sink = await emu.callbackSink();
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH ?? '', NODE_EXTRA_CA_CERTS: emu.tls!.caPath };
    if (route === 'HTTPS_PROXY') {
      env.HTTPS_PROXY = emu.url;
      env.https_proxy = emu.url;
    }
    const flags = route === 'preload' ? ['--import', emu.tls!.preloadPath] : [];
    const { stdout } = await run(
      process.execPath,
      [...flags, CLIENT, kind, `${sink.url}/cb`, SANDBOX_PASSKEY, SANDBOX_MSISDN],
      { env, timeout: 20_000 },
    );
    return JSON.parse(stdout) as Outcome;
  }

  it.each(routes)('lets $kind reach the emulator through $route ($how)', async ({ kind, route }) => {
    expect(await client(kind, route)).toMatchObject({ auth: 200, push: 200, ack: { ResponseCode: '0' } });
    expect(emu.journal().map((e) => `${e.status} ${e.path}`)).toEqual([
      '200 /mpesa/stkpush/v1/processrequest',
      '200 /oauth/v1/generate',
    ]);
  });

  it('still serves plain HTTP on the HTTP port once TLS is spoken there too', async () => {
    const res = await fetch(`${emu.url}/oauth/v1/generate?grant_type=client_credentials`, {
      headers: { Authorization: `Basic ${Buffer.from('k:s').toString('base64')}` },
    });
    expect(res.status).toBe(200);
  });

  it('answers TLS on the HTTP port with the certificate for 127.0.0.1 and Safaricom’s hosts', async () => {
    const port = Number(new URL(emu.url).port);
    for (const servername of [undefined, 'sandbox.safaricom.co.ke']) {
      const authorized = await new Promise<boolean>((resolve, reject) => {
        const socket = tls.connect({ host: '127.0.0.1', port, ca: emu.tls!.ca, servername }, () => {
          resolve(socket.authorized);
          socket.end();
        });
        socket.on('error', reject);
      });
      expect(authorized).toBe(true);
    }
  });

  it('closes a connection that never sent a byte when the emulator stops', async () => {
    const other = await startEmulator({ tls: true });
    const socket = net.connect(Number(new URL(other.url).port), '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    const closed = new Promise((resolve) => socket.once('close', resolve));
    await other.close();
    await closed;
    expect(socket.destroyed).toBe(true);
  });
});
