import type { Order } from './orders.js';
import { Paybill } from './paybill.js';
import { Payments } from './payments.js';
import { Refunds } from './refunds.js';

/*
 * Deliberately naive M-Pesa handlers, written the way many first integrations are. Each works on the happy
 * path and passes a manual sandbox test; the conformance suite (test/conformance.test.ts) shows which
 * callback variants break each of them. Never copy these.
 */

type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** STK: applies every callback it gets, and gives up on a payment at its own timeout without asking M-Pesa. */
export class NaivePayments extends Payments {
  override async onCallback(body: unknown): Promise<Order | undefined> {
    const cb = (body as Loose).Body.stkCallback;
    const order = await this.orders.byCheckoutRequestId(cb.CheckoutRequestID);
    if (!order || order.status === 'failed') return order; // "cancelled orders stay cancelled"
    const next: Order =
      cb.ResultCode === 0
        ? {
            ...order,
            status: 'paid',
            receipt: cb.CallbackMetadata.Item.find((i: Loose) => i.Name === 'MpesaReceiptNumber').Value,
            fulfilments: order.fulfilments + 1,
          }
        : { ...order, status: 'failed', failure: { code: cb.ResultCode, reason: cb.ResultDesc } };
    await this.orders.put(next);
    if (next.status === 'paid') this.fulfil(next);
    return next;
  }

  /** "No callback by now means the customer did not pay." */
  override async reconcile(): Promise<Order[]> {
    const expired: Order[] = [];
    for (const order of await this.orders.pending()) {
      const next: Order = { ...order, status: 'failed', failure: { code: 'timeout', reason: 'No callback' } };
      await this.orders.put(next);
      expired.push(next);
    }
    return expired;
  }
}

/** C2B: accepts every payment and counts every confirmation it receives. */
export class NaivePaybill extends Paybill {
  override async validate(): Promise<{ ResultCode: string; ResultDesc: string }> {
    return { ResultCode: '0', ResultDesc: 'Accepted' };
  }

  override async confirm(body: unknown): Promise<Order | undefined> {
    const order = await this.orders.get((body as Loose).BillRefNumber);
    if (!order) return undefined;
    const next: Order = {
      ...order,
      status: 'paid',
      receipt: (body as Loose).TransID,
      fulfilments: order.fulfilments + 1,
    };
    await this.orders.put(next);
    this.fulfil(next);
    return next;
  }
}

/** B2C: turns the result lists into maps assuming they are arrays, and adds up every Result it receives. */
export class NaiveRefunds extends Refunds {
  override async onResult(body: unknown): Promise<Order | undefined> {
    const result = (body as Loose).Result;
    const order = await this.orders.byRefundConversationId(result.ConversationID);
    if (!order?.refund) return undefined;
    if (result.ResultCode !== 0) {
      const failed = {
        ...order.refund,
        status: 'failed' as const,
        failure: { code: result.ResultCode, reason: result.ResultDesc },
      };
      await this.orders.put({ ...order, refund: failed });
      return order;
    }
    const toMap = (list: Loose[]) => Object.fromEntries(list.map((i) => [i.Key, i.Value]));
    const details = {
      ...toMap(result.ResultParameters.ResultParameter),
      ...toMap(result.ReferenceData.ReferenceItem),
    };
    const refunded = order.refund.refunded + Number(details.TransactionAmount);
    await this.orders.put({
      ...order,
      refund: { ...order.refund, status: 'done', refunded, receipt: details.TransactionReceipt },
    });
    return order;
  }
}
