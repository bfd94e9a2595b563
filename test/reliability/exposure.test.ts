import net from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, expect, test } from 'vitest';
import WebSocket from 'ws';
import { parseCli } from '../../emulator/src/config/cli.js';
import { KeepAliveClient } from '../../emulator/src/bench/http-client.js';
import { SpawnError, spawnEmulator, type Spawned } from '../../emulator/src/bench/spawn-emulator.js';
import { basicAuth, fetchToken, phoneNumber, stkPushBody } from '../../emulator/src/bench/stk-fixture.js';

// Who can reach the emulator: only this machine by default; anything wider needs an explicit flag and an
// admin token; browsers on other sites cannot drive it; callbacks can be kept to an allow-list.

const ADMIN = 'a-long-admin-token-for-tests';
let local: Spawned;
let exposed: Spawned;

beforeAll(async () => {
  [local, exposed] = await Promise.all([
    spawnEmulator(['--port', '0', '--memory', '--quiet', '--cors-origin', 'http://app.example']),
    spawnEmulator(['--port', '0', '--memory', '--quiet', '--host', '0.0.0.0', '--admin-token', ADMIN]),
  ]);
});
afterAll(async () => {
  await Promise.all([local.stop('SIGTERM'), exposed.stop('SIGTERM')]);
});

/** Opens the live socket; resolves with 'open' or the HTTP status of the refusal. */
function liveSocket(url: string, headers: Record<string, string> = {}): Promise<'open' | number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url.replace(/^http/, 'ws'), { headers });
    ws.once('open', () => {
      ws.close();
      resolve('open');
    });
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.once('error', reject);
  });
}

function connects(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

test('by default the emulator listens on 127.0.0.1 only', async () => {
  expect(parseCli([], {}).host).toBe('127.0.0.1');
  expect(local.url).toBe(`http://127.0.0.1:${local.port}`);
  expect(await connects('127.0.0.1', local.port)).toBe(true);
  const external = Object.values(networkInterfaces())
    .flat()
    .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;
  if (external) expect(await connects(external, local.port)).toBe(false);
});

test('binding beyond loopback without an admin token is refused with a reason', async () => {
  const failure = await spawnEmulator(['--port', '0', '--memory', '--host', '0.0.0.0']).then(
    async (e) => {
      await e.stop('SIGKILL');
      return undefined;
    },
    (error: unknown) => error as SpawnError,
  );
  expect(failure).toBeInstanceOf(SpawnError);
  expect(failure?.exit).toBe(1);
  expect(failure?.stderr).toContain('set --admin-token');
});

test('with --host 0.0.0.0 the control API and the live socket need the admin token; Daraja paths do not', async () => {
  const client = new KeepAliveClient(exposed.url, 2);
  try {
    const refused = await client.json('GET', '/_emulator/settings');
    expect(refused.status).toBe(401);
    expect(refused.json).toMatchObject({ error: { code: 'unauthorized' } });
    expect(
      (await client.json('GET', '/_emulator/settings', undefined, { 'X-Emulator-Token': 'wrong' })).status,
    ).toBe(401);
    expect(
      (await client.json('POST', '/_emulator/reset', {}, { 'X-Emulator-Token': `${ADMIN}x` })).status,
    ).toBe(401);
    expect(
      (await client.json('GET', '/_emulator/settings', undefined, { 'X-Emulator-Token': ADMIN })).status,
    ).toBe(200);
    expect((await client.json('GET', '/_EMULATOR/settings')).status).toBe(401);
    expect(await fetchToken(client)).toMatch(/^\w+$/);
    const live = `${exposed.url}/_emulator/live`;
    expect(await liveSocket(live)).toBe(401);
    expect(await liveSocket(`${live}?token=wrong`)).toBe(401);
    expect(await liveSocket(`${live}?token=${ADMIN}`)).toBe('open');
  } finally {
    client.close();
  }
});

test('the live socket refuses pages from other origins and accepts its own and configured ones', async () => {
  const live = `${local.url}/_emulator/live`;
  expect(await liveSocket(live, { Origin: 'http://evil.example' })).toBe(403);
  expect(await liveSocket(live, { Origin: 'null' })).toBe(403);
  expect(await liveSocket(live, { Origin: `http://127.0.0.1:${local.port}` })).toBe('open');
  expect(await liveSocket(live, { Origin: 'http://app.example' })).toBe('open');
  expect(await liveSocket(live)).toBe('open'); // not a browser: no Origin
});

test('CORS headers are sent to configured origins only', async () => {
  const client = new KeepAliveClient(local.url, 1);
  try {
    for (const method of ['GET', 'OPTIONS']) {
      const foreign = await client.send({
        method,
        path: '/_emulator/settings',
        headers: { Origin: 'http://evil.example', 'Access-Control-Request-Method': 'PATCH' },
      });
      expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
      const allowed = await client.send({
        method,
        path: '/_emulator/settings',
        headers: { Origin: 'http://app.example', 'Access-Control-Request-Method': 'PATCH' },
      });
      expect(allowed.headers['access-control-allow-origin']).toBe('http://app.example');
    }
    const daraja = await client.send({
      method: 'GET',
      path: '/oauth/v1/generate?grant_type=client_credentials',
      headers: { Origin: 'http://evil.example', Authorization: basicAuth('k', 's') },
    });
    expect(daraja.headers['access-control-allow-origin']).toBeUndefined();
  } finally {
    client.close();
  }
});

test('with settings.callbacks.allowHosts, callback URLs to other hosts are refused when the request is made', async () => {
  const client = new KeepAliveClient(local.url, 1);
  try {
    const patched = await client.json('PATCH', '/_emulator/settings', {
      callbacks: { allowHosts: ['127.0.0.1:8080'] },
    });
    expect(patched.status).toBe(200);
    const token = await fetchToken(client);
    const auth = { Authorization: `Bearer ${token}` };
    const push = (url: string, n: number) =>
      client.json('POST', '/mpesa/stkpush/v1/processrequest', stkPushBody(phoneNumber(n), url), auth);
    for (const [n, url] of [
      'http://127.0.0.1:8081/cb',
      'http://169.254.169.254/latest/meta-data',
      'http://localhost:8080/cb',
    ].entries()) {
      const refused = await push(url, n);
      expect(refused.status).toBe(400);
      expect(refused.json).toMatchObject({
        errorCode: '400.002.02',
        errorMessage: 'Bad Request - Invalid CallBackURL',
      });
    }
    expect((await push('http://127.0.0.1:8080/cb', 9)).status).toBe(200);
  } finally {
    await client.json('PATCH', '/_emulator/settings', { callbacks: { allowHosts: [] } });
    client.close();
  }
});
