import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import request from 'supertest';
import type { DeliveryView, TransactionView } from 'daraja-client/emulator';
import { token } from '../support/daraja-requests.js';
import { pay, register, registerBody, setValidation } from '../support/c2b.js';
import { Emulator } from '../../emulator/src/internals.js';

const payBill = {
  shortcode: '600984',
  msisdn: '254708374149',
  amount: 100,
  billRefNumber: 'ACC-1',
  pin: '1234',
};

describe('C2B validation over real HTTP', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });

  /** A merchant server on 127.0.0.1 that answers validation after `delayMs` real milliseconds. */
  async function merchant(delayMs: number) {
    const hits: string[] = [];
    const server = createServer((req: IncomingMessage, res: ServerResponse) => {
      hits.push(req.url ?? '');
      const answer = () =>
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end('{"ResultCode":"0","ResultDesc":"Accepted"}');
      if (req.url === '/validation') setTimeout(answer, delayMs);
      else answer();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    return { base, hits };
  }

  it('gives up on a ValidationURL slower than c2b.validationTimeoutMs and applies ResponseType Cancelled', async () => {
    const { base, hits } = await merchant(2_000);
    const emulator = new Emulator({
      clock: 'manual',
      seed: 1,
      settings: { c2b: { validationTimeoutMs: 200 } },
    });
    const bearer = await token(emulator.app);
    await register(
      emulator.app,
      bearer,
      registerBody({
        ResponseType: 'Cancelled',
        ConfirmationURL: `${base}/confirmation`,
        ValidationURL: `${base}/validation`,
      }),
    ).expect(200);
    await setValidation(emulator.app, '600984', true).expect(200);
    const pending = (await pay(emulator.app, payBill).expect(201)).body as TransactionView;
    await emulator.runAll();
    const [delivery] = (await request(emulator.app).get(`/_emulator/deliveries?transactionId=${pending.id}`))
      .body as DeliveryView[];
    expect(delivery?.attempts[0]?.error).toMatch(/timed out after 200 ms/);
    expect(hits).toEqual(['/validation']);
    expect(emulator.transactions.get(pending.id)?.status).toBe('failed');
  });

  it('pays when a real ValidationURL accepts in time', async () => {
    const { base, hits } = await merchant(10);
    const emulator = new Emulator({ clock: 'manual', seed: 1 });
    const bearer = await token(emulator.app);
    await register(
      emulator.app,
      bearer,
      registerBody({ ConfirmationURL: `${base}/confirmation`, ValidationURL: `${base}/validation` }),
    ).expect(200);
    await setValidation(emulator.app, '600984', true).expect(200);
    const pending = (await pay(emulator.app, payBill).expect(201)).body as TransactionView;
    await emulator.runAll();
    expect(hits).toEqual(['/validation', '/confirmation']);
    expect(emulator.transactions.get(pending.id)?.status).toBe('completed');
  });
});
