import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the sink answers: by default 200 with Daraja's usual acknowledgement body. */
export type SinkBehaviour = (res: http.ServerResponse, body: string) => void;

export interface Sink {
  url: string;
  /** Bodies in arrival order (empty when the sink was started with keepBodies false). */
  readonly bodies: string[];
  readonly received: number;
  /** Requests being answered right now, and the most there ever were at once. */
  readonly inFlight: number;
  readonly peakInFlight: number;
  /** Resolves when `count` bodies have arrived. */
  waitFor(count: number, timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}

const ACCEPTED = JSON.stringify({ ResultCode: 0, ResultDesc: 'Accepted' });

export const answerOk: SinkBehaviour = (res) => {
  res.writeHead(200, { 'Content-Type': 'application/json' }).end(ACCEPTED);
};

/** A merchant's callback endpoint on 127.0.0.1 that records what it receives. */
export async function startSink(behaviour: SinkBehaviour = answerOk, keepBodies = true): Promise<Sink> {
  const bodies: string[] = [];
  let received = 0;
  let inFlight = 0;
  let peakInFlight = 0;
  let waiters: { count: number; resolve: () => void }[] = [];
  const server = http.createServer((req, res) => {
    inFlight++;
    peakInFlight = Math.max(peakInFlight, inFlight);
    let done = false;
    const settle = () => {
      if (done) return;
      done = true;
      inFlight--;
    };
    res.on('close', settle);
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      received++;
      if (keepBodies) bodies.push(body);
      const ready = waiters.filter((w) => w.count <= received);
      waiters = waiters.filter((w) => w.count > received);
      for (const w of ready) w.resolve();
      behaviour(res, body);
    });
  });
  // Node's default. A server announcing `Keep-Alive: timeout=1` gets a new connection for every callback:
  // clients drop idle sockets a second before the announced timeout, which leaves them none.
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/callback`,
    bodies,
    get inFlight() {
      return inFlight;
    },
    get peakInFlight() {
      return peakInFlight;
    },
    waitFor(count, timeoutMs) {
      if (received >= count) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`the sink received ${received} of ${count} callbacks in ${timeoutMs} ms`)),
          timeoutMs,
        );
        waiters.push({
          count,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        });
      });
    },
    get received() {
      return received;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
