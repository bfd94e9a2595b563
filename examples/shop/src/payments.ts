import { parseStkCallback, type DarajaClient, type StkCallbackResult } from 'daraja-client';
import type { Order, OrderStore } from './orders.js';

/**
 * The shop's M-Pesa logic, apart from HTTP: start a payment, settle it from the callback, and recover
 * when a callback never arrived (STK query). Settling is idempotent: Daraja may deliver a callback twice,
 * and a query may settle an order before its late callback arrives.
 */
export class Payments {
  constructor(
    protected readonly daraja: DarajaClient,
    protected readonly orders: OrderStore,
    protected readonly callbackUrl: () => string,
    protected readonly fulfil: (order: Order) => void,
  ) {}

  /** Sends the STK prompt to the customer's phone and records the order as pending. */
  async checkout(input: { orderId: string; phone: string; amount: number }): Promise<Order> {
    const ack = await this.daraja.stk.push({
      amount: input.amount,
      phoneNumber: input.phone,
      callbackUrl: this.callbackUrl(),
      accountReference: input.orderId,
      transactionDesc: `Order ${input.orderId}`,
    });
    const order: Order = {
      id: input.orderId,
      phone: input.phone,
      amount: input.amount,
      status: 'pending',
      checkoutRequestId: ack.CheckoutRequestID,
      merchantRequestId: ack.MerchantRequestID,
      fulfilments: 0,
      duplicateCallbacks: 0,
    };
    await this.orders.put(order);
    return order;
  }

  /** Settles an order from Daraja's callback body; throws when it cannot be stored (the endpoint answers 500). */
  async onCallback(body: unknown): Promise<Order | undefined> {
    const result = parseStkCallback(body as Parameters<typeof parseStkCallback>[0]);
    const order = await this.orders.byCheckoutRequestId(result.checkoutRequestId);
    if (!order) return undefined;
    if (order.status !== 'pending') {
      const seen = { ...order, duplicateCallbacks: order.duplicateCallbacks + 1 };
      await this.orders.put(seen);
      return seen;
    }
    return this.#settle(order, fromCallback(result));
  }

  /** Asks Daraja about every pending order whose callback has not come; settles those that finished. */
  async reconcile(): Promise<Order[]> {
    const settled: Order[] = [];
    for (const order of await this.orders.pending()) {
      if (!order.checkoutRequestId) continue;
      const answer = await this.daraja.stk.query({ checkoutRequestId: order.checkoutRequestId });
      const code = String(answer.ResultCode);
      if (code === '4999') continue;
      const outcome: Outcome =
        code === '0' ? { paid: true } : { paid: false, code: answer.ResultCode, reason: answer.ResultDesc };
      settled.push(await this.#settle(order, outcome));
    }
    return settled;
  }

  async #settle(order: Order, outcome: Outcome): Promise<Order> {
    const next: Order = outcome.paid
      ? { ...order, status: 'paid', ...(outcome.receipt ? { receipt: outcome.receipt } : {}) }
      : { ...order, status: 'failed', failure: { code: outcome.code, reason: outcome.reason } };
    if (next.status === 'paid') next.fulfilments += 1;
    await this.orders.put(next);
    if (next.status === 'paid') this.fulfil(next);
    return next;
  }
}

type Outcome = { paid: true; receipt?: string } | { paid: false; code: number | string; reason: string };

function fromCallback(result: StkCallbackResult): Outcome {
  return result.success
    ? { paid: true, receipt: result.receipt }
    : { paid: false, code: result.resultCode, reason: result.resultDesc };
}
