import { expect, test } from 'vitest';
import { Emulator } from '../emulator.js';
import type { HttpPoster } from './http-post.js';

test('a backlog of callbacks longer than the delivery history is still delivered in full', async () => {
  const posted: string[] = [];
  const poster: HttpPoster = async (_url, body) => {
    posted.push(body);
    return { status: 200, body: '', durationMs: 1 };
  };
  const emulator = new Emulator({
    clock: 'manual',
    store: 'memory',
    seed: 1,
    poster,
    history: { deliveries: 3 },
  });
  for (let i = 0; i < 10; i++) {
    emulator.outbox.enqueue({
      kind: 'stk-callback',
      url: 'http://127.0.0.1:9/cb',
      body: { n: i },
      delayMs: 1_000,
    });
  }
  await emulator.advance(1_000);
  expect(posted.map((b) => (JSON.parse(b) as { n: number }).n)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  expect(emulator.outbox.list({ limit: 100 })).toHaveLength(3);
  await emulator.close();
});
