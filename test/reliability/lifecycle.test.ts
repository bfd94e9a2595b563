import http from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import type { StkPushAck } from 'daraja-client/wire';
import { KeepAliveClient } from '../../emulator/src/bench/http-client.js';
import { startSink } from '../../emulator/src/bench/callback-sink.js';
import { spawnEmulator } from '../../emulator/src/bench/spawn-emulator.js';
import { fetchToken, phoneNumber, stkPushBody } from '../../emulator/src/bench/stk-fixture.js';

// Start and stop as a supervisor or a test runner sees them: a quick, machine-readable ready signal, and a
// SIGTERM that keeps what was written and does not hang on a callback that never ends.

const dir = mkdtempSync(join(tmpdir(), 'daraja-lifecycle-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('the compiled emulator says it is ready as a JSON line and over IPC, and SIGTERM ends it with 0', async () => {
  // How fast it gets there is measured by `npm run bench` (spawn to ready), not asserted here: the suite
  // runs files side by side on a shared machine.
  for (let i = 0; i < 3; i++) {
    const e = await spawnEmulator(['--port', '0', '--memory', '--quiet'], { ipc: true, timeoutMs: 60_000 });
    const line = e.stdout().split('\n')[0] ?? '';
    expect(JSON.parse(line)).toEqual({ event: 'ready', url: e.url, port: e.port, pid: e.child.pid });
    expect(e.url).toBe(`http://127.0.0.1:${e.port}`);
    expect(await e.firstMessage).toEqual({ event: 'ready', url: e.url, port: e.port });
    expect(await e.stop('SIGTERM')).toBe(0);
  }
}, 120_000);

test('SIGTERM keeps a push acknowledged just before it: exit 0, and the transaction is there after a restart', async () => {
  const data = join(dir, 'term.json');
  const e = await spawnEmulator(['--port', '0', '--data', data, '--quiet']);
  const client = new KeepAliveClient(e.url, 1);
  const token = await fetchToken(client);
  const reply = await client.json(
    'POST',
    '/mpesa/stkpush/v1/processrequest',
    stkPushBody(phoneNumber(7), 'http://127.0.0.1:9/cb'),
    {
      Authorization: `Bearer ${token}`,
    },
  );
  const id = (reply.json as StkPushAck).CheckoutRequestID;
  client.close();
  expect(await e.stop('SIGTERM')).toBe(0);

  const again = await spawnEmulator(['--port', '0', '--data', data, '--quiet']);
  const client2 = new KeepAliveClient(again.url, 1);
  const found = await client2.json('GET', `/_emulator/transactions/${id}`);
  client2.close();
  expect(found.status).toBe(200);
  expect(found.json).toMatchObject({ id, type: 'stk', status: 'pending', phone: phoneNumber(7) });
  expect(await again.stop('SIGTERM')).toBe(0);
});

test('SIGTERM with a callback stuck on a target that never answers still exits 0 within the grace period', async () => {
  const hung: http.ServerResponse[] = [];
  const sink = await startSink((res) => hung.push(res));
  // The callback's own timeout is far beyond this test's: only the grace period can end the process in time.
  const config = join(dir, 'long-callback-timeout.json');
  writeFileSync(config, JSON.stringify({ settings: { callbacks: { timeoutMs: 120_000 } } }));
  const e = await spawnEmulator(['--port', '0', '--memory', '--auto-accept', '--quiet', '--config', config]);
  const client = new KeepAliveClient(e.url, 1);
  const token = await fetchToken(client);
  await client.json('POST', '/mpesa/stkpush/v1/processrequest', stkPushBody(phoneNumber(8), sink.url), {
    Authorization: `Bearer ${token}`,
  });
  client.close();
  await sink.waitFor(1, 5_000);
  const started = performance.now();
  expect(await e.stop('SIGTERM')).toBe(0);
  const took = performance.now() - started;
  console.log(`lifecycle: SIGTERM with a callback in flight took ${took.toFixed(0)} ms`);
  await sink.close();
}, 15_000);
