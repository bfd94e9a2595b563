/** An order as the shop keeps it. Amounts are whole shillings. */
export interface Order {
  id: string;
  phone: string;
  amount: number;
  status: 'pending' | 'paid' | 'failed';
  /** STK push identifiers, to match the callback and to query. */
  checkoutRequestId?: string;
  merchantRequestId?: string;
  /** M-Pesa receipt, when the callback carried it. */
  receipt?: string;
  /** Why the payment failed, in M-Pesa's words. */
  failure?: { code: number | string; reason: string };
  /** How many times the order was handed to the warehouse: must never pass 1. */
  fulfilments: number;
  /** Callbacks that arrived after the order was already settled. */
  duplicateCallbacks: number;
  /** A refund to the customer (B2C), once asked for. */
  refund?: Refund;
}

/** A refund paid out with B2C; `ConversationID` links it to its Result. */
export interface Refund {
  status: 'pending' | 'done' | 'failed';
  conversationId: string;
  /** Shillings actually refunded: must never pass the order's amount. */
  refunded: number;
  receipt?: string;
  failure?: { code: number | string; reason: string };
}

/** Where orders live; async like a real database, so tests can make it fail. */
export interface OrderStore {
  put(order: Order): Promise<void>;
  get(id: string): Promise<Order | undefined>;
  byCheckoutRequestId(id: string): Promise<Order | undefined>;
  pending(): Promise<Order[]>;
  byRefundConversationId(id: string): Promise<Order | undefined>;
}

/** Orders in memory, for the example and its tests. */
export class MemoryOrders implements OrderStore {
  readonly #orders = new Map<string, Order>();

  async put(order: Order): Promise<void> {
    this.#orders.set(order.id, { ...order });
  }

  async get(id: string): Promise<Order | undefined> {
    const order = this.#orders.get(id);
    return order && { ...order };
  }

  async byCheckoutRequestId(id: string): Promise<Order | undefined> {
    const order = [...this.#orders.values()].find((o) => o.checkoutRequestId === id);
    return order && { ...order };
  }

  async byRefundConversationId(id: string): Promise<Order | undefined> {
    const order = [...this.#orders.values()].find((o) => o.refund?.conversationId === id);
    return order && { ...order };
  }

  async pending(): Promise<Order[]> {
    return [...this.#orders.values()].filter((o) => o.status === 'pending').map((o) => ({ ...o }));
  }

  clear(): void {
    this.#orders.clear();
  }
}
