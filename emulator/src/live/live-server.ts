import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocket, WebSocketServer } from 'ws';
import { ControlPaths, type LiveEvent } from 'daraja-client/emulator';
import type { EventBus } from '../events/event-bus.js';
import { maskSecrets } from '../journal/mask.js';
import { guardSocket } from '../http/connection-limits.js';
import { foreignOrigin } from '../http/cross-site-guard.js';
import type { HostAllowList } from '../http/host-allow-list.js';

export interface LiveOptions {
  events: EventBus;
  hello: () => LiveEvent;
  /** Extra origins allowed besides the emulator's own. */
  allowedOrigins: string[];
  /** The names the socket may be addressed to (the same list as every request's). */
  hosts: HostAllowList;
  /** When set, clients must send ?token=<adminToken>. */
  adminToken?: string;
}

/** Frames a slow client may fall behind by before it is dropped (it reconnects and reloads). */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

/**
 * The live socket: the only ws code in the emulator. Forwards every event to connected clients. Browsers
 * from foreign origins are refused, so a page on another site cannot watch or drive the emulator. The ws
 * library is loaded with the first socket, not at start-up: most runs (a test suite's) never open one.
 */
export function attachLiveServer(server: Server, options: LiveOptions): () => Promise<void> {
  let loading: Promise<WebSocketServer> | undefined;
  let wss: WebSocketServer | undefined;
  const load = () =>
    (loading ??= import('ws').then(({ WebSocketServer: Wss }) => (wss = new Wss({ noServer: true }))));
  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Node's server no longer watches an upgraded socket: a client that resets it must not crash the process.
    guardSocket(socket);
    const url = new URL(req.url ?? '/', 'http://emulator');
    const refusal = url.pathname === ControlPaths.live ? refuse(req, url, options) : '404 Not Found';
    if (refusal) {
      socket.end(`HTTP/1.1 ${refusal}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    void load().then((sockets) =>
      sockets.handleUpgrade(req, socket, head, (ws) => {
        // A client that sends a malformed frame is dropped; it reconnects and reloads.
        ws.on('error', () => ws.terminate());
        // ws forgets a client before its 'close' listeners run: the last one to leave unsubscribes.
        ws.on('close', () => {
          if (sockets.clients.size === 0) unsubscribe();
        });
        subscribe();
        ws.send(JSON.stringify(options.hello()));
        sockets.emit('connection', ws, req);
      }),
    );
  };
  server.on('upgrade', onUpgrade);
  const forward = (event: LiveEvent) => {
    if (!wss || wss.clients.size === 0) return;
    const frame = JSON.stringify(maskSecrets(event));
    for (const client of wss.clients) send(client, frame);
  };
  // Subscribed only while a client is connected, so that with none the services need not even make the
  // events nobody would see (see EventBus.wants).
  let stop: (() => void) | undefined;
  let closed = false;
  const subscribe = () => {
    if (!closed) stop ??= options.events.on(forward);
  };
  const unsubscribe = () => {
    stop?.();
    stop = undefined;
  };
  return async () => {
    closed = true;
    unsubscribe();
    server.off('upgrade', onUpgrade);
    if (!loading) return;
    const sockets = await loading;
    for (const client of sockets.clients) client.terminate();
    await new Promise<void>((resolve) => sockets.close(() => resolve()));
  };
}

function send(client: WebSocket, frame: string): void {
  if (client.readyState !== client.OPEN) return;
  if (client.bufferedAmount > MAX_BUFFERED_BYTES) {
    client.terminate();
    return;
  }
  client.send(frame);
}

function refuse(req: IncomingMessage, url: URL, options: LiveOptions): string | undefined {
  if (!options.hosts.allows(req.headers.host)) return '403 Forbidden';
  if (options.adminToken && url.searchParams.get('token') !== options.adminToken) return '401 Unauthorized';
  return foreignOrigin(req, options.allowedOrigins) ? '403 Forbidden' : undefined;
}
