import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, expect, test } from 'vitest';
import { nodeHttpPoster } from './http-post.js';

const servers: http.Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
});

async function serve(handler: http.RequestListener, keepAliveTimeout = 5_000) {
  const sockets = new Set<Socket>();
  const server = http.createServer(handler);
  server.keepAliveTimeout = keepAliveTimeout;
  server.on('connection', (socket: Socket) => sockets.add(socket));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/cb`, sockets };
}

test('callbacks to one target reuse a connection', async () => {
  const target = await serve((_req, res) => res.end('{"ResultCode":0}'));
  for (let i = 0; i < 5; i++)
    expect(await nodeHttpPoster(target.url, '{}', 1_000)).toMatchObject({ status: 200 });
  expect(target.sockets.size).toBe(1);
});

/** Resolves once every connection the target has seen is closed. */
const allClosed = (sockets: Set<Socket>) =>
  Promise.all(
    [...sockets].map((s) => (s.destroyed ? undefined : new Promise((resolve) => s.once('close', resolve)))),
  );

test('a connection the server closed while idle is not a failed callback', async () => {
  const target = await serve((_req, res) => res.end('ok'), 30);
  expect(await nodeHttpPoster(target.url, '{}', 1_000)).toMatchObject({ status: 200 });
  await allClosed(target.sockets);
  expect(await nodeHttpPoster(target.url, '{}', 1_000)).toMatchObject({ status: 200, body: 'ok' });
});

test('a reused connection reset by the server is retried once on a new connection', async () => {
  let requests = 0;
  const target = await serve((req, res) => {
    requests++;
    // The second request arrives on the kept-alive connection: drop it unanswered, as a server that has
    // just decided to close an idle connection does.
    if (requests === 2) return req.socket.destroy();
    res.end('ok');
  });
  expect(await nodeHttpPoster(target.url, '{}', 1_000)).toMatchObject({ status: 200 });
  expect(await nodeHttpPoster(target.url, '{}', 1_000)).toMatchObject({ status: 200, body: 'ok' });
  expect(requests).toBe(3);
});

test('a target that never answers costs one attempt bounded by the timeout, and its connection is closed', async () => {
  const target = await serve(() => undefined);
  const result = await nodeHttpPoster(target.url, '{}', 200);
  expect(result.error).toBe('timed out after 200 ms');
  // A timer never fires early, however loaded the machine; how late it fires is not this test's business.
  expect(result.durationMs).toBeGreaterThanOrEqual(195);
  await allClosed(target.sockets);
  expect([...target.sockets].every((s) => s.destroyed)).toBe(true);
});
