import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  path: string;
  body: unknown;
}

const accept = { ResultCode: 0, ResultDesc: 'Accepted' };

/**
 * A merchant's callback endpoint on 127.0.0.1: records what the emulator delivers and answers 200 with
 * `answer(path, body)` (by default Daraja's "Accepted").
 */
export async function startCallbackSink(answer: (path: string, body: unknown) => unknown = () => accept) {
  const received: Received[] = [];
  const waiters: { test: (r: Received) => boolean; resolve: (r: Received) => void }[] = [];
  const server = createServer((req, res) => {
    void readBody(req).then((text) => {
      const entry: Received = {
        path: req.url ?? '/',
        body: text ? (JSON.parse(text) as unknown) : undefined,
      };
      received.push(entry);
      for (const w of waiters.filter((w) => w.test(entry))) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(entry);
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer(entry.path, entry.body)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path = '/callback') => `http://127.0.0.1:${port}${path}`,
    received,
    /** Resolves with the first delivery (already received or still to come) that passes `test`. */
    next(test: (r: Received) => boolean = () => true, timeoutMs = 10_000): Promise<Received> {
      const already = received.find(test);
      if (already) return Promise.resolve(already);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no callback arrived')), timeoutMs);
        waiters.push({
          test,
          resolve: (r) => {
            clearTimeout(timer);
            resolve(r);
          },
        });
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
