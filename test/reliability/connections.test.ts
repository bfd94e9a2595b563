import net from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import WebSocket from 'ws';
import { createEmulator } from 'daraja-emulator';
import { KeepAliveClient } from '../../emulator/src/bench/http-client.js';
import { spawnEmulator, type Spawned } from '../../emulator/src/bench/spawn-emulator.js';

// Clients that reset sockets, send broken frames, trickle headers or hoard connections cost bounded
// resources and never take the process down (issue 12, item 4).

const dir = mkdtempSync(join(tmpdir(), 'daraja-connections-'));
let tls: Spawned;

beforeAll(async () => {
  tls = await spawnEmulator([
    '--port',
    '0',
    '--memory',
    '--quiet',
    '--tls',
    '--tls-port',
    '0',
    '--tls-dir',
    dir,
  ]);
});
afterAll(async () => {
  await tls.stop('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

/** Sends `head` on a raw connection, waits for the first bytes of the answer, then resets the connection. */
function sendThenReset(port: number, head: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port }, () => socket.write(head));
    socket.once('data', (chunk: Buffer) => {
      socket.resetAndDestroy();
      resolve(chunk.toString('latin1'));
    });
    socket.once('error', reject);
  });
}

async function healthy(url: string): Promise<boolean> {
  const client = new KeepAliveClient(url, 1);
  try {
    return (await client.json('GET', '/_emulator/health')).status === 200;
  } finally {
    client.close();
  }
}

test('a refused CONNECT that the client resets leaves the TLS-mode emulator running', async () => {
  for (let i = 0; i < 3; i++) {
    const answer = await sendThenReset(
      tls.port,
      'CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n',
    );
    expect(answer).toMatch(/^HTTP\/1\.1 403/);
  }
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(tls.child.exitCode).toBeNull();
  expect(await healthy(tls.url)).toBe(true);
});

test('a refused or misdirected upgrade that the client resets leaves the emulator running', async () => {
  const upgrade = (path: string, origin: string) =>
    `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${tls.port}\r\nOrigin: ${origin}\r\nUpgrade: websocket\r\n` +
    'Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n';
  for (let i = 0; i < 3; i++) {
    expect(await sendThenReset(tls.port, upgrade('/_emulator/live', 'http://evil.example'))).toMatch(
      /^HTTP\/1\.1 403/,
    );
    expect(await sendThenReset(tls.port, upgrade('/elsewhere', `http://127.0.0.1:${tls.port}`))).toMatch(
      /^HTTP\/1\.1 404/,
    );
  }
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(tls.child.exitCode).toBeNull();
  expect(await healthy(tls.url)).toBe(true);
});

test('a live-socket client that sends a malformed frame is dropped and the emulator keeps running', async () => {
  const ws = new WebSocket(`${tls.url.replace(/^http/, 'ws')}/_emulator/live`);
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  const closed = new Promise((resolve) => ws.once('close', resolve));
  ws.on('error', () => undefined);
  // A masked frame with opcode 0xF, which no WebSocket peer may send.
  (ws as unknown as { _socket: net.Socket })._socket.write(Buffer.from([0x8f, 0x80, 1, 2, 3, 4]));
  await closed;
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(tls.child.exitCode).toBeNull();
  expect(await healthy(tls.url)).toBe(true);
});

test('a connection that never finishes its headers is closed at the header deadline', async () => {
  const emulator = createEmulator({ store: 'memory', uiDir: false, connections: { headersTimeoutMs: 300 } });
  const listening = await emulator.listen(0);
  try {
    const sockets = Array.from({ length: 20 }, () =>
      net.connect({ host: '127.0.0.1', port: listening.port }),
    );
    const closed = sockets.map(
      (socket) =>
        new Promise<string>((resolve) => {
          let answer = '';
          socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
          socket.on('error', () => undefined);
          socket.on('close', () => resolve(answer));
        }),
    );
    for (const socket of sockets)
      socket.write('POST /oauth/v1/generate HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ');
    const answers = await Promise.all(closed);
    for (const answer of answers) expect(answer === '' || answer.startsWith('HTTP/1.1 408')).toBe(true);
    expect(await healthy(listening.url)).toBe(true);
  } finally {
    await emulator.close();
  }
}, 20_000);

test('connections beyond the cap are closed as they arrive, and those within it are served', async () => {
  const emulator = createEmulator({ store: 'memory', uiDir: false, connections: { maxConnections: 5 } });
  const listening = await emulator.listen(0);
  const hoard: net.Socket[] = [];
  try {
    for (let i = 0; i < 5; i++) {
      const socket = net.connect({ host: '127.0.0.1', port: listening.port });
      await new Promise((resolve) => socket.once('connect', resolve));
      hoard.push(socket);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    const extra = net.connect({ host: '127.0.0.1', port: listening.port });
    extra.on('error', () => undefined);
    await new Promise((resolve) => extra.once('close', resolve));
    for (const socket of hoard) socket.destroy();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await healthy(listening.url)).toBe(true);
  } finally {
    for (const socket of hoard) socket.destroy();
    await emulator.close();
  }
});
