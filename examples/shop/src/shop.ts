import express, { type Express } from 'express';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { DarajaError, type DarajaClient } from 'daraja-client';
import { MemoryOrders, type Order, type OrderStore } from './orders.js';
import { Payments } from './payments.js';

export interface ShopOptions {
  daraja: DarajaClient;
  orders?: OrderStore;
  /** The shop's address as Daraja sees it; default the address it listens on. */
  publicUrl?: string;
  /** Called once per paid order (the warehouse). */
  fulfil?: (order: Order) => void;
  port?: number;
  host?: string;
}

export interface Shop {
  url: string;
  app: Express;
  orders: OrderStore;
  payments: Payments;
  close(): Promise<void>;
}

export const CALLBACK_PATH = '/mpesa/stk-callback';

/**
 * The shop's HTTP side: `POST /checkout` starts an M-Pesa payment, `POST /mpesa/stk-callback` receives
 * Daraja's result, `GET /orders/:id` shows the order, `POST /reconcile` recovers lost callbacks.
 */
export async function startShop(options: ShopOptions): Promise<Shop> {
  const orders = options.orders ?? new MemoryOrders();
  let url = options.publicUrl ?? '';
  const payments = new Payments(
    options.daraja,
    orders,
    () => url + CALLBACK_PATH,
    options.fulfil ?? (() => undefined),
  );
  const app = express();
  app.use(express.json());

  app.post('/checkout', async (req, res) => {
    const { phone, amount } = req.body as { phone?: unknown; amount?: unknown };
    if (typeof phone !== 'string' || typeof amount !== 'number' || !Number.isInteger(amount) || amount < 1) {
      res.status(400).json({ error: 'Send { "phone": "2547XXXXXXXX", "amount": <whole shillings> }.' });
      return;
    }
    try {
      const order = await payments.checkout({ orderId: randomUUID(), phone, amount });
      res.status(202).json(order);
    } catch (error) {
      if (!(error instanceof DarajaError)) throw error;
      res.status(502).json({ error: `M-Pesa refused the payment: ${error.errorMessage ?? error.message}` });
    }
  });

  app.post(CALLBACK_PATH, async (req, res) => {
    try {
      await payments.onCallback(req.body);
      res.json({ ResultCode: 0, ResultDesc: 'Accepted' });
    } catch {
      // Daraja does not retry; the order stays pending until reconcile() asks for its outcome.
      res.status(500).json({ ResultCode: 1, ResultDesc: 'Could not record the payment' });
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
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
