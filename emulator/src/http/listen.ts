import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { attachLiveServer, type LiveOptions } from '../live/live-server.js';
import type { Timers } from '../time/timers.js';
import { applyConnectionLimits, serverOptions, type ConnectionLimits } from './connection-limits.js';

import type { Listening } from './listening.js';

export type { Listening } from './listening.js';

/** Serves `app` and the live socket on `port` (0 picks a free one); `onClose` runs before the server stops. */
export async function listen(
  app: RequestListener,
  live: LiveOptions,
  port: number,
  host: string,
  limits: ConnectionLimits,
  timers: Timers,
  onClose: (listening: Listening) => void,
): Promise<Listening> {
  const server = createServer(serverOptions(limits), app);
  applyConnectionLimits(server, limits);
  const stopLive = attachLiveServer(server, live);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  const listening: Listening = {
    url: `http://${shownHost}:${address.port}`,
    port: address.port,
    server,
    close: async () => {
      onClose(listening);
      await stopLive();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await closeWithin(closed, timers, limits.closeGraceMs);
      server.closeAllConnections();
      await closed;
    },
  };
  return listening;
}

/** Waits for `closed`, or for `graceMs` when requests in flight take longer. */
async function closeWithin(closed: Promise<void>, timers: Timers, graceMs: number): Promise<void> {
  let handle: unknown;
  const grace = new Promise<void>((resolve) => {
    handle = timers.setTimeout(resolve, graceMs);
  });
  await Promise.race([closed, grace]);
  timers.clearTimeout(handle);
}
