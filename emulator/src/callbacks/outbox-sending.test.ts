import { expect, test } from 'vitest';
import type { DeliveryView } from 'daraja-client/emulator';
import { Emulator } from '../emulator.js';
import { MemoryStore } from '../store/memory-store.js';
import type { HttpPoster, PostResult } from './http-post.js';

test('a callback being sent shows as delivering, stays scheduled in the store, and cannot be cancelled midway', async () => {
  let answer: ((result: PostResult) => void) | undefined;
  const poster: HttpPoster = () => new Promise((resolve) => (answer = resolve));
  const store = new MemoryStore();
  const emulator = new Emulator({ clock: 'manual', store, seed: 1, poster, uiDir: false });
  const seen: string[] = [];
  emulator.events.on((e) => {
    if (e.type === 'delivery') seen.push(e.delivery.status);
  });
  const d = emulator.outbox.enqueue({ kind: 'stk-callback', url: 'http://127.0.0.1:9/cb', body: { n: 1 } });
  const running = emulator.advance(0);
  await new Promise((resolve) => setImmediate(resolve));
  expect(answer).toBeDefined();
  expect(emulator.outbox.get(d.id)?.status).toBe('delivering');
  expect(emulator.outbox.list({ status: 'delivering' }).map((x) => x.id)).toEqual([d.id]);
  const stored = store.collection<DeliveryView>('deliveries').get(d.id);
  expect(stored?.status).toBe('scheduled');
  emulator.outbox.cancel(d.id);
  answer?.({ status: 200, body: '', durationMs: 1 });
  await running;
  await emulator.outbox.drained();
  expect(emulator.outbox.get(d.id)?.status).toBe('delivered');
  expect(seen).toEqual(['scheduled', 'delivering', 'delivered']);
  await emulator.close();
});
