import { expect, test } from 'vitest';
import { Emulator } from '../emulator.js';
import type { HttpPoster } from './http-post.js';

test('every change of a delivery, resend included, carries a higher revision than the one before', async () => {
  const poster: HttpPoster = async () => ({ status: 200, body: '', durationMs: 1 });
  const emulator = new Emulator({ clock: 'manual', seed: 1, poster, uiDir: false });
  const revisions: [string, number | undefined][] = [];
  emulator.events.on((e) => {
    if (e.type === 'delivery') revisions.push([e.delivery.status, e.delivery.revision]);
  });
  const d = emulator.outbox.enqueue({ kind: 'stk-callback', url: 'http://127.0.0.1:9/cb', body: {} });
  expect(d.revision).toBe(1);
  await emulator.advance(0);
  await emulator.outbox.drained();
  const again = emulator.outbox.resend(d.id);
  await emulator.advance(0);
  await emulator.outbox.drained();
  expect(again?.revision).toBe(4);
  expect(revisions).toEqual([
    ['scheduled', 1],
    ['delivering', 2],
    ['delivered', 3],
    ['scheduled', 4],
    ['delivering', 5],
    ['delivered', 6],
  ]);
  await emulator.close();
});
