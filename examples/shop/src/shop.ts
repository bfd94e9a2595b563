import express, { type Express, type Request, type Response } from 'express';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { DarajaError, type DarajaClient } from 'daraja-client';
import { MemoryOrders, type Order, type OrderStore } from './orders.js';
import { Payments } from './payments.js';
import { Paybill } from './paybill.js';
import { Refunds } from './refunds.js';
import { NaivePaybill, NaivePayments, NaiveRefunds } from './naive-handlers.js';

export interface ShopOptions {
  daraja: DarajaClient;
  orders?: OrderStore;
  /** The shop's address as Daraja sees it; default the address it listens on. */
  publicUrl?: string;
  /** Called once per paid order (the warehouse). */
  fulfil?: (order: Order) => void;
  /** The B2C shortcode refunds are paid from (default the sandbox's 600997). */
  payoutShortcode?: string;
  /** `naive` swaps in handlers that break on real-world callbacks (see naive-handlers.ts). */
  handlers?: 'careful' | 'naive';
  port?: number;
  host?: string;
}

export interface Shop {
  url: string;
  app: Express;
  orders: OrderStore;
  payments: Payments;
  paybill: Paybill;
  refunds: Refunds;
  close(): Promise<void>;
}

export const CALLBACK_PATH = '/mpesa/stk-callback';
/** C2B URLs may not contain "mpesa" (Daraja refuses them), hence a path of their own. */
export const C2B_VALIDATION_PATH = '/payments/c2b/validation';
export const C2B_CONFIRMATION_PATH = '/payments/c2b/confirmation';
export const B2C_RESULT_PATH = '/payments/b2c/result';
export const B2C_TIMEOUT_PATH = '/payments/b2c/timeout';

/**
 * The shop's HTTP side: `POST /checkout` starts an M-Pesa Express payment, `POST /orders` opens an order to
 * pay by paybill (its id is the account number), `POST /orders/:id/refund` refunds with B2C, `GET /orders/:id`
 * shows an order, `POST /reconcile` recovers lost STK callbacks; Daraja's callbacks arrive on the paths above.
 */
export async function startShop(options: ShopOptions): Promise<Shop> {
  const orders = options.orders ?? new MemoryOrders();
  let url = options.publicUrl ?? '';
  const fulfil = options.fulfil ?? (() => undefined);
  const naive = options.handlers === 'naive';
  const payments = new (naive ? NaivePayments : Payments)(
    options.daraja,
    orders,
    () => url + CALLBACK_PATH,
    fulfil,
  );
  const paybill = new (naive ? NaivePaybill : Paybill)(orders, fulfil);
  const refunds = new (naive ? NaiveRefunds : Refunds)(
    options.daraja,
    orders,
    () => ({ resultUrl: url + B2C_RESULT_PATH, queueTimeOutUrl: url + B2C_TIMEOUT_PATH }),
    options.payoutShortcode ?? '600997',
  );
  const app = express();
  app.use(express.json());

  const wholeShillings = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 1;
  const orderId = (v: unknown) => (typeof v === 'string' && /^[\w-]{1,40}$/.test(v) ? v : randomUUID());

  app.post('/checkout', async (req, res) => {
    const {
      phone,
      amount,
      orderId: id,
    } = req.body as { phone?: unknown; amount?: unknown; orderId?: unknown };
    if (typeof phone !== 'string' || !wholeShillings(amount)) {
      res.status(400).json({ error: 'Send { "phone": "2547XXXXXXXX", "amount": <whole shillings> }.' });
      return;
    }
    try {
      res.status(202).json(await payments.checkout({ orderId: orderId(id), phone, amount }));
    } catch (error) {
      if (!(error instanceof DarajaError)) throw error;
      res.status(502).json({ error: `M-Pesa refused the payment: ${error.errorMessage ?? error.message}` });
    }
  });

  app.post('/orders', async (req, res) => {
    const { amount, phone, id } = req.body as { amount?: unknown; phone?: unknown; id?: unknown };
    if (!wholeShillings(amount)) {
      res.status(400).json({ error: 'Send { "amount": <whole shillings>, "id"?: "<account number>" }.' });
      return;
    }
    const order: Order = {
      id: orderId(id),
      phone: typeof phone === 'string' ? phone : '',
      amount,
      status: 'pending',
      fulfilments: 0,
      duplicateCallbacks: 0,
    };
    await orders.put(order);
    res.status(201).json(order);
  });

  app.post('/orders/:id/refund', async (req, res) => {
    try {
      const order = await refunds.refund(req.params.id);
      if (order) res.status(202).json(order);
      else res.status(409).json({ error: 'Only a paid order that was not refunded yet can be refunded.' });
    } catch (error) {
      if (!(error instanceof DarajaError)) throw error;
      res.status(502).json({ error: `M-Pesa refused the refund: ${error.errorMessage ?? error.message}` });
    }
  });

  // Daraja does not retry; an order stays pending until reconcile() (or a later callback) settles it.
  const acknowledge =
    (handle: (body: unknown) => Promise<unknown>) => async (req: Request, res: Response) => {
      try {
        await handle(req.body);
        res.json({ ResultCode: 0, ResultDesc: 'Accepted' });
      } catch {
        res.status(500).json({ ResultCode: 1, ResultDesc: 'Could not record the callback' });
      }
    };
  app.post(
    CALLBACK_PATH,
    acknowledge((body) => payments.onCallback(body)),
  );
  app.post(
    C2B_CONFIRMATION_PATH,
    acknowledge((body) => paybill.confirm(body)),
  );
  app.post(
    B2C_RESULT_PATH,
    acknowledge((body) => refunds.onResult(body)),
  );
  app.post(
    B2C_TIMEOUT_PATH,
    acknowledge((body) => refunds.onResult(body)),
  );
  app.post(C2B_VALIDATION_PATH, async (req, res) => {
    try {
      res.json(await paybill.validate(req.body));
    } catch {
      res.json({ ResultCode: 'C2B00016', ResultDesc: 'Rejected' });
    }
  });

  app.get('/orders/:id', async (req, res) => {
    const order = await orders.get(req.params.id);
    if (order) res.json(order);
    else res.status(404).json({ error: 'No such order.' });
  });

  app.post('/reconcile', async (_req, res) => {
    res.json(await payments.reconcile());
  });

  const server: Server = createServer(app);
  await new Promise<void>((resolve) =>
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve),
  );
  const listening = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  url = options.publicUrl ?? listening;
  return {
    url: listening,
    app,
    orders,
    payments,
    paybill,
    refunds,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
