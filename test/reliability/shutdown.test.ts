import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import type { StkPushAck } from 'daraja-client/wire';
import { KeepAliveClient } from '../../emulator/src/bench/http-client.js';
import { startSink } from '../../emulator/src/bench/callback-sink.js';
import { spawnEmulator } from '../../emulator/src/bench/spawn-emulator.js';
import { fetchToken, phoneNumber, stkPushBody } from '../../emulator/src/bench/stk-fixture.js';

// SIGTERM starts no new callback, lets those in flight finish within the grace period and keeps the rest
// for after a restart: when receivers answer in time, no callback arrives twice (issue 12, item 6).

const dir = mkdtempSync(join(tmpdir(), 'daraja-shutdown-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PUSHES = 400;

test('after a SIGTERM and a restart every callback arrives exactly once when receivers answer within the grace', async () => {
  // Each receiver takes 1.5 s: with 64 in flight at once, 400 callbacks need far more than the 3 s grace.
  const sink = await startSink((res) => {
    setTimeout(
      () => res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ResultCode":0}'),
      1_500,
    );
  });
  const data = join(dir, 'term.json');
  const e = await spawnEmulator(['--port', '0', '--data', data, '--auto-accept', '--quiet']);
  const client = new KeepAliveClient(e.url, 20);
  const token = await fetchToken(client);
  const ids = await Promise.all(
    Array.from({ length: PUSHES }, async (_, i) => {
      const reply = await client.json(
        'POST',
        '/mpesa/stkpush/v1/processrequest',
        stkPushBody(phoneNumber(i), sink.url),
        {
          Authorization: `Bearer ${token}`,
        },
      );
      expect(reply.status).toBe(200);
      return (reply.json as StkPushAck).CheckoutRequestID;
    }),
  );
  client.close();
  // Once the first wave has arrived every callback is due, and most wait for a slot.
  await sink.waitFor(70, 30_000);
  expect(await e.stop('SIGTERM')).toBe(0);
  const beforeRestart = sink.received;

  const again = await spawnEmulator(['--port', '0', '--data', data, '--quiet']);
  try {
    const checker = new KeepAliveClient(again.url, 1);
    const seen = () =>
      new Set(
        sink.bodies.map(
          (b) =>
            (JSON.parse(b) as { Body: { stkCallback: { CheckoutRequestID: string } } }).Body.stkCallback
              .CheckoutRequestID,
        ),
      );
    await sink.waitFor(Math.max(PUSHES, beforeRestart + 1), 60_000);
    while (seen().size < PUSHES) await new Promise((resolve) => setTimeout(resolve, 100));
    // Wait until the restarted emulator has nothing left to send before counting.
    for (;;) {
      const pending = await checker.json('GET', '/_emulator/deliveries?status=scheduled');
      const sending = await checker.json('GET', '/_emulator/deliveries?status=delivering');
      if ((pending.json as unknown[]).length === 0 && (sending.json as unknown[]).length === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    checker.close();
    expect([...seen()].sort()).toEqual([...ids].sort());
    expect(sink.received).toBe(PUSHES);
    console.log(
      `shutdown: ${beforeRestart} callbacks before SIGTERM's exit, ${sink.received - beforeRestart} after the restart`,
    );
  } finally {
    await again.stop('SIGTERM');
    await sink.close();
  }
}, 120_000);
