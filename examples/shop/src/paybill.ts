import {
  acceptC2B,
  parseC2BNotification,
  rejectC2B,
  validationReply,
  type C2BValidationReply,
} from 'daraja-client';
import type { Order, OrderStore } from './orders.js';

/**
 * Orders paid from the customer's M-Pesa menu (C2B paybill), with the order id as the account number.
 * Validation accepts only a pending order's own account number and amount; the confirmation settles the
 * order once, whether or not a validation came first (M-Pesa skips it when validation is off or unanswered).
 */
export class Paybill {
  constructor(
    protected readonly orders: OrderStore,
    protected readonly fulfil: (order: Order) => void,
  ) {}

  async validate(body: unknown): Promise<C2BValidationReply> {
    const payment = parseC2BNotification(body);
    const order = await this.orders.get(payment.billRefNumber);
    if (!order || order.status !== 'pending') return validationReply(rejectC2B('C2B00012'));
    if (payment.amount !== order.amount) return validationReply(rejectC2B('C2B00013'));
    return validationReply(acceptC2B(order.id));
  }

  /** Settles the order from the confirmation; a second confirmation of the same TransID changes nothing. */
  async confirm(body: unknown): Promise<Order | undefined> {
    const payment = parseC2BNotification(body);
    const order = await this.orders.get(payment.billRefNumber);
    // A payment to an account we never issued: kept by M-Pesa, to be refunded by hand.
    if (!order) return undefined;
    if (order.status !== 'pending') {
      const seen = { ...order, duplicateCallbacks: order.duplicateCallbacks + 1 };
      await this.orders.put(seen);
      return seen;
    }
    const paid: Order = {
      ...order,
      status: 'paid',
      receipt: payment.transId,
      fulfilments: order.fulfilments + 1,
    };
    await this.orders.put(paid);
    this.fulfil(paid);
    return paid;
  }
}
