import { afterEach, expect, test } from 'vitest';
import WebSocket from 'ws';
import type { StkCallback, StkPushAck } from 'daraja-client/wire';
import type { CustomerView } from 'daraja-client/emulator';
import type { Listening } from 'daraja-emulator';
import { KeepAliveClient } from '../../emulator/src/bench/http-client.js';
import { startSink, type Sink } from '../../emulator/src/bench/callback-sink.js';
import { fetchToken, phoneNumber, stkPushBody } from '../../emulator/src/bench/stk-fixture.js';
import { Emulator } from '../../emulator/src/internals.js';

// Many clients at once against one emulator on a real socket, answered automatically, with callbacks
// going over HTTP to a real sink: nothing lost, nothing doubled, nothing mixed up.

const PUSHES = 1_000;
const CONNECTIONS = 50;
let running: { emulator: Emulator; listening: Listening; client: KeepAliveClient; sink: Sink } | undefined;

afterEach(async () => {
  if (!running) return;
  running.client.close();
  await running.emulator.close();
  await running.sink.close();
  running = undefined;
});

async function start(outcome: 'accept' | 'wait') {
  const sink = await startSink();
  const emulator = new Emulator({ settings: { stk: { defaultOutcome: outcome } }, uiDir: false });
  const listening = await emulator.listen(0);
  const client = new KeepAliveClient(listening.url, CONNECTIONS);
  running = { emulator, listening, client, sink };
  return { ...running, token: await fetchToken(client) };
}

async function pushAll(client: KeepAliveClient, token: string, bodies: object[]) {
  const replies: { status: number; json: unknown; i: number }[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (next < bodies.length) {
        const i = next++;
        const reply = await client.json('POST', '/mpesa/stkpush/v1/processrequest', bodies[i], {
          Authorization: `Bearer ${token}`,
        });
        replies.push({ status: reply.status, json: reply.json, i });
      }
    }),
  );
  return replies;
}

async function concurrentPushesToDistinctPhones(withLiveSocket: boolean) {
  const { client, sink, token, listening } = await start('accept');
  const frames: string[] = [];
  let socket: WebSocket | undefined;
  if (withLiveSocket) {
    socket = new WebSocket(`${listening.url.replace('http', 'ws')}/_emulator/live`);
    socket.on('message', (data: Buffer) => frames.push(data.toString('utf8')));
    await new Promise((resolve, reject) => socket?.once('open', resolve).once('error', reject));
  }
  const bodies = Array.from({ length: PUSHES }, (_, i) =>
    stkPushBody(phoneNumber(i), sink.url, 1 + (i % 97)),
  );
  const replies = await pushAll(client, token, bodies);

  expect(replies.filter((r) => r.status !== 200)).toEqual([]);
  const byId = new Map(replies.map((r) => [(r.json as StkPushAck).CheckoutRequestID, r.i]));
  expect(byId.size).toBe(PUSHES);
  await sink.waitFor(PUSHES, 15_000);
  await new Promise((resolve) => setTimeout(resolve, 200)); // would-be duplicates get time to arrive
  expect(sink.bodies.length).toBe(PUSHES);
  const seen = new Set<string>();
  for (const text of sink.bodies) {
    const { stkCallback } = (JSON.parse(text) as StkCallback).Body;
    const i = byId.get(stkCallback.CheckoutRequestID);
    expect(i, `a callback for an unknown CheckoutRequestID ${stkCallback.CheckoutRequestID}`).toBeDefined();
    expect(seen.has(stkCallback.CheckoutRequestID)).toBe(false);
    seen.add(stkCallback.CheckoutRequestID);
    expect(stkCallback.ResultCode).toBe(0);
    const items = Object.fromEntries(
      (stkCallback.CallbackMetadata?.Item ?? []).map((item) => [item.Name, item.Value]),
    );
    expect(items).toMatchObject({
      Amount: 1 + ((i as number) % 97),
      PhoneNumber: Number(phoneNumber(i as number)),
    });
  }
  if (socket) {
    expect(socket.readyState).toBe(WebSocket.OPEN);
    const announced = new Set(
      frames
        .map((f) => JSON.parse(f) as { type: string; transaction?: { id: string; status: string } })
        .filter((e) => e.type === 'transaction' && e.transaction?.status === 'completed')
        .map((e) => e.transaction?.id),
    );
    expect(announced.size).toBe(PUSHES);
    socket.close();
  }
}

test('1,000 concurrent pushes to distinct phones from 50 connections: 1,000 ids, one matching callback each, no 5xx', async () => {
  await concurrentPushesToDistinctPhones(false);
}, 30_000);

test('the same 1,000 concurrent pushes with the live socket open: every completion is announced on it', async () => {
  await concurrentPushesToDistinctPhones(true);
}, 30_000);

test('pushes to one phone at once open one prompt; the others are refused as Daraja does and one debit follows', async () => {
  const { client, sink, token, emulator } = await start('wait');
  const phone = phoneNumber(42);
  const replies = await pushAll(
    client,
    token,
    Array.from({ length: 50 }, () => stkPushBody(phone, sink.url, 10)),
  );
  const accepted = replies.filter((r) => r.status === 200);
  const refused = replies.filter((r) => r.status !== 200);
  expect(accepted).toHaveLength(1);
  expect(refused).toHaveLength(49);
  for (const r of refused) {
    expect(r.status).toBe(500);
    expect(r.json).toMatchObject({
      errorCode: '500.001.1001',
      errorMessage:
        'Unable to lock subscriber, a transaction is already in process for the current subscriber',
    });
  }
  const id = (accepted[0]?.json as StkPushAck).CheckoutRequestID;
  const before = ((await client.json('GET', `/_emulator/customers/${phone}`)).json as CustomerView).balance;
  // The phone's owner and the control API answer at the same moment: exactly one of them wins.
  const answers = await Promise.all([
    client.json('POST', `/_emulator/stk/${id}/accept`, { pin: '1234' }),
    client.json('POST', `/_emulator/stk/${id}/accept`, { pin: '1234' }),
    client.json('POST', `/_emulator/stk/${id}/decline`, {}),
  ]);
  expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
  const after = ((await client.json('GET', `/_emulator/customers/${phone}`)).json as CustomerView).balance;
  const movements = [...emulator.ledger.movements.values()].filter((m) => m.transactionId === id);
  const won = answers.find((a) => a.status === 200);
  const paid = (won?.json as { status?: string }).status === 'completed';
  expect(movements).toHaveLength(paid ? 1 : 0);
  expect(before - after).toBe(paid ? 10 : 0);
  expect(emulator.ledger.conservationCents()).toBe(0);
  await sink.waitFor(1, 5_000);
  expect(sink.bodies).toHaveLength(1);
});

test('bursts to a few phones with automatic acceptance never debit twice and keep the ledger balanced', async () => {
  const { client, sink, token, emulator } = await start('accept');
  const phones = [phoneNumber(1), phoneNumber(2), phoneNumber(3)];
  const replies = await pushAll(
    client,
    token,
    // A different amount each time per phone: the same amount again within two minutes ends with result 17.
    Array.from({ length: 300 }, (_, i) =>
      stkPushBody(phones[i % 3] as string, sink.url, 1 + Math.floor(i / 3)),
    ),
  );
  expect(
    replies.filter(
      (r) => r.status !== 200 && (r.json as { errorCode?: string }).errorCode !== '500.001.1001',
    ),
  ).toEqual([]);
  const ids = replies.filter((r) => r.status === 200).map((r) => (r.json as StkPushAck).CheckoutRequestID);
  await sink.waitFor(ids.length, 10_000);
  const debits = [...emulator.ledger.movements.values()].filter(
    (m) => m.from.type === 'customer' && ids.includes(m.transactionId ?? ''),
  );
  expect(new Set(debits.map((m) => m.transactionId)).size).toBe(debits.length);
  expect(debits.length).toBe(ids.length);
  expect(emulator.ledger.conservationCents()).toBe(0);
});
