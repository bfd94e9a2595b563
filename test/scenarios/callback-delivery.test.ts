import { afterEach, describe, expect, it } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { post, stkBody, token } from '../support/daraja-requests.js';
import { Emulator } from '../../emulator/src/internals.js';

type Sink = { url: string; bodies: unknown[]; close: () => Promise<void> };

/** A real callback listener on 127.0.0.1 that answers with the given status. */
async function sink(status = 200, delayMs = 0): Promise<Sink> {
  const bodies: unknown[] = [];
  const server = http.createServer((req, res) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c.toString()));
    req.on('end', () => {
      // A body that is not JSON is kept as text, so a test fails on what arrived instead of hanging.
      bodies.push(parsedOrText(text));
      const answer = () =>
        res
          .writeHead(status, { 'Content-Type': 'application/json' })
          .end('{"ResultCode":0,"ResultDesc":"Accepted"}');
      if (delayMs) setTimeout(answer, delayMs);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/callback`,
    bodies,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function parsedOrText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0)) await c();
});

async function pushTo(emulator: Emulator, url: string) {
  const bearer = await token(emulator.app);
  const res = await post(
    emulator.app,
    '/mpesa/stkpush/v1/processrequest',
    bearer,
    stkBody(emulator.clock.now(), { CallBackURL: url }),
  ).expect(200);
  return res.body.CheckoutRequestID as string;
}

describe('callback delivery', () => {
  it('POSTs the callback to a real listener and records the attempt with status, latency and response', async () => {
    const target = await sink();
    cleanup.push(target.close);
    const emulator = new Emulator({ clock: 'manual', settings: { stk: { defaultOutcome: 'accept' } } });
    const id = await pushTo(emulator, target.url);
    await emulator.runAll();
    expect(target.bodies).toHaveLength(1);
    const [delivery] = emulator.outbox.list({ transactionId: id });
    expect(delivery?.status).toBe('delivered');
    expect(delivery?.attempts).toHaveLength(1);
    expect(delivery?.attempts[0]).toMatchObject({
      status: 200,
      responseBody: '{"ResultCode":0,"ResultDesc":"Accepted"}',
    });
    expect(delivery?.attempts[0]?.durationMs).toBeGreaterThanOrEqual(0);
    expect(emulator.transactions.get(id)?.deliveries).toEqual([delivery?.id]);
  });

  it('makes one attempt only by default, as Daraja does not retry', async () => {
    const target = await sink(500);
    cleanup.push(target.close);
    const emulator = new Emulator({ clock: 'manual', settings: { stk: { defaultOutcome: 'accept' } } });
    await pushTo(emulator, target.url);
    await emulator.runAll();
    await emulator.advance(3600_000);
    expect(target.bodies).toHaveLength(1);
    expect(emulator.outbox.list()[0]).toMatchObject({ status: 'failed', attempts: [{ status: 500 }] });
  });

  it('retries with backoff on the emulator clock when retries are configured', async () => {
    const target = await sink(503);
    cleanup.push(target.close);
    const emulator = new Emulator({
      clock: 'manual',
      settings: { stk: { defaultOutcome: 'accept' }, callbacks: { retries: 2, retryDelayMs: 1_000 } },
    });
    await pushTo(emulator, target.url);
    await emulator.advance(0);
    expect(target.bodies).toHaveLength(1);
    await emulator.advance(999);
    expect(target.bodies).toHaveLength(1);
    await emulator.advance(1);
    expect(target.bodies).toHaveLength(2);
    await emulator.advance(2_000);
    expect(target.bodies).toHaveLength(3);
    await emulator.advance(60_000);
    expect(target.bodies).toHaveLength(3);
    expect(emulator.outbox.list()[0]?.attempts.map((a) => a.status)).toEqual([503, 503, 503]);
  });

  it('records a refused connection as a failed attempt with the error', async () => {
    const target = await sink();
    await target.close();
    const emulator = new Emulator({ clock: 'manual', settings: { stk: { defaultOutcome: 'accept' } } });
    await pushTo(emulator, target.url);
    await emulator.runAll();
    expect(emulator.outbox.list()[0]).toMatchObject({
      status: 'failed',
      attempts: [{ error: 'ECONNREFUSED' }],
    });
  });

  it('gives up on a listener that does not answer within the outbound timeout', async () => {
    const target = await sink(200, 5_000);
    cleanup.push(target.close);
    const emulator = new Emulator({
      clock: 'manual',
      settings: { stk: { defaultOutcome: 'accept' }, callbacks: { timeoutMs: 200 } },
    });
    await pushTo(emulator, target.url);
    await emulator.runAll();
    expect(emulator.outbox.list()[0]?.attempts[0]?.error).toMatch(/timed out after 200 ms/);
  });

  it('resends a delivery on request through the control API', async () => {
    const target = await sink();
    cleanup.push(target.close);
    const emulator = new Emulator({ clock: 'manual', settings: { stk: { defaultOutcome: 'accept' } } });
    await pushTo(emulator, target.url);
    await emulator.runAll();
    const id = emulator.outbox.list()[0]?.id ?? '';
    await request(emulator.app).post(`/_emulator/deliveries/${id}/resend`).expect(200);
    await emulator.runAll();
    expect(target.bodies).toHaveLength(2);
    expect(target.bodies[1]).toEqual(target.bodies[0]);
    expect(emulator.outbox.get(id)?.attempts).toHaveLength(2);
  });

  it('delivers on the system clock without anyone moving time', async () => {
    const target = await sink();
    cleanup.push(target.close);
    const emulator = new Emulator({ settings: { stk: { defaultOutcome: 'accept' } } });
    cleanup.push(() => emulator.close());
    await pushTo(emulator, target.url);
    while (target.bodies.length === 0) await new Promise((r) => setTimeout(r, 10));
    expect(target.bodies).toHaveLength(1);
  });
});
