import type { IncomingMessage, ServerResponse } from 'node:http';
import { expect, test } from 'vitest';
import { lazyHandler, type Handler } from './lazy-handler.js';

function response() {
  const sent: { status?: number; body?: string } = {};
  const res = {
    writeHead(status: number) {
      sent.status = status;
      return this;
    },
    end(body: string) {
      sent.body = body;
    },
  } as unknown as ServerResponse;
  return { res, sent };
}
const req = {} as IncomingMessage;
const tick = () => new Promise((resolve) => setImmediate(resolve));

test('builds the handler once, with the first request, and hands it every request that waited', async () => {
  let loads = 0;
  const handled: number[] = [];
  const handler = lazyHandler(async () => {
    loads++;
    return ((_req, res) => handled.push(res as unknown as number)) as Handler;
  });
  expect(loads).toBe(0);
  handler(req, 1 as unknown as ServerResponse);
  handler(req, 2 as unknown as ServerResponse);
  await tick();
  handler(req, 3 as unknown as ServerResponse);
  expect(loads).toBe(1);
  expect(handled).toEqual([1, 2, 3]);
});

test('a first load that fails is tried once more before the request is answered', async () => {
  let loads = 0;
  const handler = lazyHandler(async () => {
    loads++;
    if (loads === 1) throw new Error('request for a module is not in cache');
    return ((_req, res) => res.end('ok')) as Handler;
  });
  const first = response();
  handler(req, first.res);
  await tick();
  expect(first.sent.body).toBe('ok');
  expect(loads).toBe(2);
});

test('answers 500 when the handler cannot be built, and tries again with the next request', async () => {
  let loads = 0;
  const handler = lazyHandler(async () => {
    loads++;
    if (loads <= 2) throw new Error('disk gone');
    return ((_req, res) => res.end('ok')) as Handler;
  });
  const first = response();
  handler(req, first.res);
  await tick();
  expect(first.sent.status).toBe(500);
  expect(JSON.parse(first.sent.body ?? '{}')).toEqual({
    error: { code: 'internal', message: 'The control API could not be loaded: disk gone' },
  });
  const second = response();
  handler(req, second.res);
  await tick();
  expect(second.sent.body).toBe('ok');
});
