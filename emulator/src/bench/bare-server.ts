/**
 * The baselines of the benchmark: the least a server can do for an STK push, read the JSON body and answer
 * a fixed acknowledgement, once with Express (`express`) and once with node:http alone (`raw`). Run as a
 * child process: `node emulator/dist/bench/bare-server.js express|raw`; prints a ready line like main.ts.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { DarajaPaths, STK_ACK_DESCRIPTION, type StkPushAck } from 'daraja-client/wire';

const ACK: StkPushAck = {
  MerchantRequestID: 'f1e2-4b95-a71d-b30d3cdbb7a7942864',
  CheckoutRequestID: 'ws_CO_21072024131234567708374149',
  ResponseCode: '0',
  ResponseDescription: STK_ACK_DESCRIPTION,
  CustomerMessage: STK_ACK_DESCRIPTION,
};

function expressServer(): http.Server {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.post(DarajaPaths.stkPush, express.json(), (_req, res) => {
    res.json(ACK);
  });
  return http.createServer(app);
}

function rawServer(): http.Server {
  const body = JSON.stringify(ACK);
  return http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== DarajaPaths.stkPush) {
        res.writeHead(404).end();
        return;
      }
      try {
        JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        res.writeHead(400).end();
        return;
      }
      res.writeHead(200, {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Length': Buffer.byteLength(body),
      });
      res.end(body);
    });
  });
}

const kind = process.argv[2];
if (kind !== 'express' && kind !== 'raw') {
  console.error('usage: bare-server.js express|raw');
  process.exit(2);
}
const server = kind === 'express' ? expressServer() : rawServer();
server.keepAliveTimeout = 5_000;
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  console.log(JSON.stringify({ event: 'ready', url: `http://127.0.0.1:${port}`, port }));
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
