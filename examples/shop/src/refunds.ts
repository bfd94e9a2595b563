import { parseResultCallback, readB2CResult, type DarajaClient, type ParsedResult } from 'daraja-client';
import type { Order, OrderStore } from './orders.js';

/**
 * Refunds with B2C: the request is acknowledged at once and the Result comes later to the ResultURL (or a
 * queue-timeout notice to the QueueTimeOutURL). Results are matched by ConversationID and applied once;
 * one-element lists may arrive as bare objects, which the client's parser reads either way.
 */
export class Refunds {
  constructor(
    protected readonly daraja: DarajaClient,
    protected readonly orders: OrderStore,
    protected readonly urls: () => { resultUrl: string; queueTimeOutUrl: string },
    protected readonly shortcode: string,
  ) {}

  async refund(orderId: string): Promise<Order | undefined> {
    const order = await this.orders.get(orderId);
    if (!order || order.status !== 'paid' || order.refund) return undefined;
    const ack = await this.daraja.b2c.pay({
      amount: order.amount,
      phoneNumber: order.phone,
      remarks: `Refund of order ${order.id}`,
      partyA: this.shortcode,
      ...this.urls(),
    });
    const next: Order = {
      ...order,
      refund: { status: 'pending', conversationId: ack.ConversationID, refunded: 0 },
    };
    await this.orders.put(next);
    return next;
  }

  /** Applies a Result or a queue-timeout notice; throws when it cannot be stored (the endpoint answers 500). */
  async onResult(body: unknown): Promise<Order | undefined> {
    const result = parseResultCallback(body);
    const order = await this.orders.byRefundConversationId(result.conversationId);
    if (!order?.refund || order.refund.status !== 'pending') return order;
    const next: Order = { ...order, refund: settled(order, result) };
    await this.orders.put(next);
    return next;
  }
}

function settled(order: Order, result: ParsedResult): NonNullable<Order['refund']> {
  const refund = order.refund as NonNullable<Order['refund']>;
  if (!result.success) {
    return { ...refund, status: 'failed', failure: { code: result.resultCode, reason: result.resultDesc } };
  }
  const details = readB2CResult(result);
  return {
    ...refund,
    status: 'done',
    refunded: details.amount ?? order.amount,
    ...(details.receipt ? { receipt: details.receipt } : {}),
  };
}
