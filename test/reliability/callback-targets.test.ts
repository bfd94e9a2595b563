import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { DeliveryView } from 'daraja-client/emulator';
import type { Listening } from 'daraja-emulator';
import { KeepAliveClient } from '../../emulator/src/bench/http-client.js';
import { startSink, type Sink } from '../../emulator/src/bench/callback-sink.js';
import { fetchToken, phoneNumber, stkPushBody } from '../../emulator/src/bench/stk-fixture.js';
import { Emulator } from '../../emulator/src/internals.js';

// Merchant endpoints that refuse, hang, fail or trickle must cost a bounded, logged attempt each and must
// not hold up callbacks to a healthy endpoint. `npm run reliability:callbacks` runs 10,000 such deliveries
// and watches sockets and memory.

const TIMEOUT_MS = 1_000;
const EACH = 20;
let emulator: Emulator;
let listening: Listening;
let client: KeepAliveClient;
let token: string;
const servers: http.Server[] = [];
let healthy: Sink;
let failing: Sink;
const targets: Record<string, string> = {};

async function serve(handler: http.RequestListener): Promise<string> {
  const server = http.createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/callback`;
}

beforeAll(async () => {
  const closed = http.createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  targets.refused = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/callback`;
  await new Promise((resolve) => closed.close(resolve));
  targets.hang = await serve(() => undefined);
  targets.trickle = await serve((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    const timer = setInterval(() => res.write(' '), 100);
    res.on('close', () => clearInterval(timer));
  });
  failing = await startSink((res) =>
    res.writeHead(500, { 'Content-Type': 'text/html' }).end('<h1>oops</h1>'),
  );
  targets.error500 = failing.url;
  healthy = await startSink();
  targets.healthy = healthy.url;
  emulator = new Emulator({
    settings: { stk: { defaultOutcome: 'accept' }, callbacks: { timeoutMs: TIMEOUT_MS } },
    uiDir: false,
  });
  listening = await emulator.listen(0);
  client = new KeepAliveClient(listening.url, 20);
  token = await fetchToken(client);
});

afterAll(async () => {
  client.close();
  await emulator.close();
  for (const server of servers) server.closeAllConnections();
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  await healthy.close();
  await failing.close();
});

const sockets = () => process.getActiveResourcesInfo().filter((r) => r === 'TCPSocketWrap').length;

test('each misbehaving target costs one bounded, logged attempt, and callbacks to a healthy target are not held up', async () => {
  const baseline = sockets();
  const kinds = ['refused', 'hang', 'trickle', 'error500', 'healthy'] as const;
  const pushedAt = new Map<string, number>();
  const kindOf = new Map<string, (typeof kinds)[number]>();
  const roundOf = new Map<string, number>();
  const started = performance.now();
  let n = 0;
  for (let round = 0; round < EACH; round++) {
    await Promise.all(
      kinds.map(async (kind) => {
        const reply = await client.json(
          'POST',
          '/mpesa/stkpush/v1/processrequest',
          stkPushBody(phoneNumber(n++), targets[kind] as string),
          {
            Authorization: `Bearer ${token}`,
          },
        );
        expect(reply.status).toBe(200);
        const id = (reply.json as { CheckoutRequestID: string }).CheckoutRequestID;
        pushedAt.set(id, performance.now());
        kindOf.set(id, kind);
        roundOf.set(id, round);
      }),
    );
  }
  await healthy.waitFor(EACH, 30_000);

  const settled = async () => {
    const list = (await client.json('GET', `/_emulator/deliveries?limit=1000`)).json as DeliveryView[];
    return list.filter(
      (d) => kindOf.has(d.transactionId ?? '') && (d.status === 'delivered' || d.status === 'failed'),
    );
  };
  let deliveries = await settled();
  // No deadline of its own: the test's timeout bounds it, however loaded the machine.
  while (deliveries.length < kinds.length * EACH) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    deliveries = await settled();
  }
  expect(deliveries).toHaveLength(kinds.length * EACH);
  // Healthy callbacks arrived while the hanging and trickling ones pushed with them were still waiting for
  // their timeout: compared round by round on the emulator's own record of each attempt, not on how long
  // this test waited or how long twenty rounds of pushes took on a loaded machine.
  const ended = (d: DeliveryView) => (d.attempts[0]?.at ?? 0) + (d.attempts[0]?.durationMs ?? 0);
  const endsOf = (kind: string, round: number) =>
    deliveries
      .filter(
        (d) => kindOf.get(d.transactionId ?? '') === kind && roundOf.get(d.transactionId ?? '') === round,
      )
      .map(ended);
  for (let round = 0; round < EACH; round++) {
    expect(Math.max(...endsOf('healthy', round)), `round ${round}`).toBeLessThan(
      Math.min(...endsOf('hang', round), ...endsOf('trickle', round)),
    );
  }
  for (const d of deliveries) {
    const kind = kindOf.get(d.transactionId ?? '');
    expect(d.attempts, `${kind}: one attempt, as Daraja makes`).toHaveLength(1);
    const attempt = d.attempts[0];
    expect(typeof attempt?.durationMs).toBe('number');
    switch (kind) {
      case 'refused':
        expect([d.status, attempt?.error]).toEqual(['failed', 'ECONNREFUSED']);
        break;
      case 'hang':
      case 'trickle':
        expect([d.status, attempt?.error]).toEqual(['failed', `timed out after ${TIMEOUT_MS} ms`]);
        expect(attempt?.durationMs).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
        break;
      case 'error500':
        expect([d.status, attempt?.status, attempt?.responseBody]).toEqual(['failed', 500, '<h1>oops</h1>']);
        break;
      case 'healthy':
        expect([d.status, attempt?.status]).toEqual(['delivered', 200]);
        break;
    }
  }
  expect(emulator.outbox.inFlight).toBe(0);
  // Every outbound socket was closed: only the test's own keep-alive connections remain.
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(sockets()).toBeLessThanOrEqual(baseline + 2 * 20);
  console.log(
    `callback targets: ${deliveries.length} deliveries settled in ${(performance.now() - started).toFixed(0)} ms; ` +
      `sockets ${baseline} before, ${sockets()} after`,
  );
}, 20_000);

test('no more than settings.callbacks.maxInFlight deliveries are in flight at once; the rest wait their turn', async () => {
  let open = 0;
  let peak = 0;
  const waiting: http.ServerResponse[] = [];
  const target = await serve((_req, res) => {
    open++;
    peak = Math.max(peak, open);
    waiting.push(res);
    res.on('close', () => open--);
  });
  const capped = new Emulator({
    settings: { stk: { defaultOutcome: 'accept' }, callbacks: { timeoutMs: 300, maxInFlight: 5 } },
    uiDir: false,
  });
  const server = await capped.listen(0);
  const c = new KeepAliveClient(server.url, 5);
  try {
    const bearer = await fetchToken(c);
    const started = performance.now();
    await Promise.all(
      Array.from({ length: 15 }, (_, i) =>
        c.json('POST', '/mpesa/stkpush/v1/processrequest', stkPushBody(phoneNumber(500 + i), target), {
          Authorization: `Bearer ${bearer}`,
        }),
      ),
    );
    while (capped.outbox.list({ status: 'failed' }).length < 15) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(capped.outbox.list({ status: 'failed' })).toHaveLength(15);
    expect(peak).toBe(5);
    // Three turns of five, each ended by the 300 ms timeout.
    expect(performance.now() - started).toBeGreaterThanOrEqual(850);
  } finally {
    c.close();
    await capped.close();
  }
});
