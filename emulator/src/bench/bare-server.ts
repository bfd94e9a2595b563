/**
 * The baselines of the benchmark: the least a server can do for an STK push. Run as a child process,
 * `node emulator/dist/bench/bare-server.js <kind>`; prints a ready line like main.ts.
 *
 * - `raw`: node:http reads the JSON body and answers a fixed acknowledgement.
 * - `raw-callback`: the same, then POSTs a fixed STK callback to the body's CallBackURL over a keep-alive
 *   agent: a complete flow with nothing checked, stored or scheduled.
 * - `express-callback`: the same with Express and express.json().
 * - `express`: a bare Express app with express.json() answering a fixed acknowledgement, and a fixed
 *   token on GET (the start-up baseline: spawn to the first 200).
 *
 * Only types come from daraja-client, so the baselines load nothing of the project.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { StkCallback, StkPushAck } from 'daraja-client/wire';

const STK_PUSH_PATH = '/mpesa/stkpush/v1/processrequest';
const TOKEN_PATH = '/oauth/v1/generate';
const ACK: StkPushAck = {
  MerchantRequestID: 'f1e2-4b95-a71d-b30d3cdbb7a7942864',
  CheckoutRequestID: 'ws_CO_21072024131234567708374149',
  ResponseCode: '0',
  ResponseDescription: 'Success. Request accepted for processing',
  CustomerMessage: 'Success. Request accepted for processing',
};
const ACK_TEXT = JSON.stringify(ACK);
const TOKEN_TEXT = JSON.stringify({ access_token: 'bare', expires_in: '3599' });

/** The fields of a push the baselines read. */
interface Push {
  CallBackURL?: unknown;
  PhoneNumber?: unknown;
  Amount?: unknown;
}

/** A paid STK push's callback, as long as the emulator's. */
function callbackFor(push: Push): string {
  const callback: StkCallback = {
    Body: {
      stkCallback: {
        MerchantRequestID: ACK.MerchantRequestID,
        CheckoutRequestID: ACK.CheckoutRequestID,
        ResultCode: 0,
        ResultDesc: 'The service request is processed successfully.',
        CallbackMetadata: {
          Item: [
            { Name: 'Amount', Value: Number(push.Amount) },
            { Name: 'MpesaReceiptNumber', Value: 'NLJ7RT61SV' },
            { Name: 'TransactionDate', Value: 20260101120000 },
            { Name: 'PhoneNumber', Value: Number(push.PhoneNumber) },
          ],
        },
      },
    },
  };
  return JSON.stringify(callback);
}

const agent = new http.Agent({ keepAlive: true });

/**
 * POSTs the callback after the answer has gone, as a merchant's provider would. A kept-alive connection
 * the receiver closed just as it was reused is tried once more on a new one, as the emulator does.
 */
function sendCallback(push: Push, body: string, reuse = true): void {
  if (typeof push.CallBackURL !== 'string') return;
  const req = http.request(push.CallBackURL, {
    method: 'POST',
    agent: reuse ? agent : false,
    headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
  });
  req.on('response', (res) => res.resume());
  req.on('error', (error: NodeJS.ErrnoException) => {
    if (reuse && req.reusedSocket && error.code === 'ECONNRESET') sendCallback(push, body, false);
  });
  req.end(body);
}

async function expressServer(withCallback: boolean): Promise<http.Server> {
  const { default: express } = await import('express');
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.get(TOKEN_PATH, (_req, res) => {
    res.type('json').send(TOKEN_TEXT);
  });
  app.post(STK_PUSH_PATH, express.json(), (req, res) => {
    res.json(ACK);
    const push = req.body as Push;
    if (withCallback) sendCallback(push, callbackFor(push));
  });
  return http.createServer(app);
}

function rawServer(withCallback: boolean): http.Server {
  return http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (req.method === 'GET' && req.url?.startsWith(TOKEN_PATH)) {
        res.writeHead(200, { 'Content-Type': 'application/json' }).end(TOKEN_TEXT);
        return;
      }
      if (req.method !== 'POST' || req.url !== STK_PUSH_PATH) {
        res.writeHead(404).end();
        return;
      }
      let push: Push;
      try {
        push = JSON.parse(Buffer.concat(chunks).toString('utf8')) as typeof push;
      } catch {
        res.writeHead(400).end();
        return;
      }
      res.writeHead(200, {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Length': Buffer.byteLength(ACK_TEXT),
      });
      res.end(ACK_TEXT);
      if (withCallback) sendCallback(push, callbackFor(push));
    });
  });
}

export const BARE_KINDS = ['raw', 'raw-callback', 'express', 'express-callback'] as const;
export type BareKind = (typeof BARE_KINDS)[number];

async function main(kind: BareKind): Promise<void> {
  const server =
    kind === 'raw' || kind === 'raw-callback'
      ? rawServer(kind === 'raw-callback')
      : await expressServer(kind === 'express-callback');
  server.keepAliveTimeout = 5_000;
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as AddressInfo;
    console.log(JSON.stringify({ event: 'ready', url: `http://127.0.0.1:${port}`, port }));
  });
  process.on('SIGTERM', () => {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  });
}

const kind = process.argv[2];
if (process.argv[1]?.endsWith('bare-server.js')) {
  if (!(BARE_KINDS as readonly string[]).includes(kind ?? '')) {
    console.error(`usage: bare-server.js ${BARE_KINDS.join('|')}`);
    process.exit(2);
  }
  await main(kind as BareKind);
}
