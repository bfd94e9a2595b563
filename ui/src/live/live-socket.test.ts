import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import type { LiveEvent } from 'daraja-client/emulator';
import { LiveSocket, type LiveStatus, type SocketLike, liveUrlFor } from './live-socket';

class FakeSocket implements SocketLike {
  onopen: ((event: Event) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  closed = false;
  open() {
    this.onopen?.(new Event('open'));
  }
  send(data: unknown) {
    this.onmessage?.(new MessageEvent('message', { data }));
  }
  drop() {
    this.onclose?.(new CloseEvent('close'));
  }
  close() {
    this.closed = true;
  }
}

let sockets: FakeSocket[];
let live: LiveSocket;
let statuses: LiveStatus[];

beforeEach(() => {
  vi.useFakeTimers();
  sockets = [];
  statuses = [];
  live = new LiveSocket({
    url: 'ws://emulator.test/_emulator/live',
    createSocket: () => {
      const socket = new FakeSocket();
      sockets.push(socket);
      return socket;
    },
    minDelayMs: 100,
    maxDelayMs: 400,
  });
  live.onStatus((s) => statuses.push(s));
});

afterEach(() => {
  live.stop();
  vi.useRealTimers();
});

test('forwards each JSON frame to subscribers and ignores frames that are not events', () => {
  const seen: LiveEvent[] = [];
  live.subscribe((e) => seen.push(e));
  live.start();
  sockets[0]?.open();
  sockets[0]?.send(JSON.stringify({ type: 'reset', at: 1 }));
  sockets[0]?.send('not json');
  sockets[0]?.send(JSON.stringify(42));
  expect(seen).toEqual([{ type: 'reset', at: 1 }]);
  expect(live.status.state).toBe('open');
});

test('reconnects after the emulator restarts, waiting longer after each failed attempt', () => {
  live.start();
  sockets[0]?.open();
  sockets[0]?.drop();
  expect(live.status).toEqual({ state: 'closed', failures: 1, retryInMs: 100 });
  vi.advanceTimersByTime(100);
  expect(sockets).toHaveLength(2);
  sockets[1]?.drop();
  expect(live.status.retryInMs).toBe(200);
  vi.advanceTimersByTime(200);
  sockets[2]?.drop();
  vi.advanceTimersByTime(400);
  sockets[3]?.drop();
  expect(live.status.retryInMs).toBe(400);
  vi.advanceTimersByTime(400);
  sockets[4]?.open();
  expect(live.status).toEqual({ state: 'open', failures: 0 });
  expect(statuses.map((s) => s.state)).toContain('connecting');
});

test('stop closes the socket and no retry follows', () => {
  live.start();
  sockets[0]?.open();
  live.stop();
  expect(sockets[0]?.closed).toBe(true);
  vi.advanceTimersByTime(10_000);
  expect(sockets).toHaveLength(1);
  expect(live.status.state).toBe('closed');
});

test('the socket URL follows the page: ws for http, wss for https, with the admin token when given', () => {
  expect(liveUrlFor({ protocol: 'http:', host: '127.0.0.1:7379' })).toBe(
    'ws://127.0.0.1:7379/_emulator/live',
  );
  expect(liveUrlFor({ protocol: 'https:', host: 'emu.example' }, 's3cret')).toBe(
    'wss://emu.example/_emulator/live?token=s3cret',
  );
});

test('an open socket awaits the emulator’s hello, on every connection, before lists load', () => {
  live.start();
  expect(live.awaitingHello).toBe(false);
  sockets[0]?.open();
  expect(live.awaitingHello).toBe(true);
  sockets[0]?.send(JSON.stringify({ type: 'hello', at: 0 }));
  expect(live.awaitingHello).toBe(false);
  sockets[0]?.drop();
  expect(live.awaitingHello).toBe(false);
  vi.advanceTimersByTime(100);
  sockets[1]?.open();
  expect(live.awaitingHello).toBe(true);
});
