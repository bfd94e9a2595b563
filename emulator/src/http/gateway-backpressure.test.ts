import { afterEach, expect, test } from 'vitest';
import { Emulator } from '../emulator.js';
import type { HttpPoster } from '../callbacks/http-post.js';
import { KeepAliveClient } from '../bench/http-client.js';
import { fetchToken, phoneNumber, stkPushBody } from '../bench/stk-fixture.js';

let emulator: Emulator | undefined;
let client: KeepAliveClient | undefined;
afterEach(async () => {
  client?.close();
  await emulator?.close();
});

/** Waits, without any deadline of its own, until the condition holds. */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}

test('Daraja requests wait while the backlog of due callbacks is over the limit, and go on once it drains', async () => {
  const release: (() => void)[] = [];
  const poster: HttpPoster = () =>
    new Promise((resolve) => release.push(() => resolve({ status: 200, body: '', durationMs: 1 })));
  emulator = new Emulator({
    settings: { stk: { defaultOutcome: 'accept' }, callbacks: { maxInFlight: 1 } },
    poster,
    callbackBacklogLimit: 2,
    uiDir: false,
  });
  const listening = await emulator.listen(0);
  client = new KeepAliveClient(listening.url, 4);
  const auth = { Authorization: `Bearer ${await fetchToken(client)}` };
  const push = (n: number) =>
    client!.json(
      'POST',
      '/mpesa/stkpush/v1/processrequest',
      stkPushBody(phoneNumber(n), 'http://127.0.0.1:9/cb'),
      auth,
    );
  // One callback in flight (its target does not answer yet) and two waiting: the backlog is at the limit.
  for (let n = 0; n < 3; n++) expect((await push(n)).status).toBe(200);
  const outbox = emulator.outbox;
  await until(() => outbox.waiting === 2);
  expect(outbox.waiting).toBe(2);
  // The gateway asks the outbox to tell it when the backlog is below the limit: that is where it holds.
  let holding = 0;
  const waitingBelow = outbox.waitingBelow.bind(outbox);
  outbox.waitingBelow = (limit: number) => {
    holding++;
    return waitingBelow(limit);
  };
  let answered = false;
  const held = push(3).then((reply) => {
    answered = true;
    return reply;
  });
  await until(() => holding === 1);
  expect(answered).toBe(false);
  expect((await client.json('GET', '/_emulator/health')).status).toBe(200); // the control API is not held
  release.shift()?.();
  expect((await held).status).toBe(200);
  while (release.length > 0 || emulator.outbox.inFlight > 0) {
    release.shift()?.();
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
});
