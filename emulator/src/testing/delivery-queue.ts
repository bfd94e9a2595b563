import type { DeliveryView } from 'daraja-client/emulator';
import type { CallbackFilter } from './callback-filter.js';
import type { EventBus } from '../events/event-bus.js';
import { DEFAULT_WAIT_MS, withDeadline } from './deadline.js';

type Waiter = { filter: CallbackFilter; resolve: (d: DeliveryView) => void };

const matches = (d: DeliveryView, f: CallbackFilter): boolean =>
  (f.kind === undefined || d.kind === f.kind) &&
  (f.transactionId === undefined || d.transactionId === f.transactionId) &&
  (f.url === undefined || (typeof f.url === 'string' ? d.url === f.url : f.url.test(d.url)));

/**
 * Every callback delivery that has settled (delivered, or failed after its last attempt), in order, until a
 * test takes it. Queuing them means a test may ask for a callback after the action that caused it has
 * already returned; a resend settles again and is queued again, so duplicates are visible too.
 */
export class DeliveryQueue {
  #settled: DeliveryView[] = [];
  #waiters: Waiter[] = [];
  readonly #stop: () => void;

  constructor(events: EventBus) {
    this.#stop = events.on((event) => {
      if (event.type !== 'delivery') return;
      const d = event.delivery;
      if (d.status === 'delivered' || d.status === 'failed') this.#settle(d);
    });
  }

  /** The oldest settled delivery matching `filter` that no earlier call returned, waiting for one if needed. */
  next(filter: CallbackFilter, describe: () => string): Promise<DeliveryView> {
    const index = this.#settled.findIndex((d) => matches(d, filter));
    if (index !== -1) return Promise.resolve(this.#settled.splice(index, 1)[0] as DeliveryView);
    let waiter: Waiter | undefined;
    const found = new Promise<DeliveryView>((resolve) => {
      waiter = { filter, resolve };
      this.#waiters.push(waiter);
    });
    const timeoutMs = filter.timeoutMs ?? DEFAULT_WAIT_MS;
    return withDeadline(found, timeoutMs, () => {
      this.#waiters = this.#waiters.filter((w) => w !== waiter);
      return `No callback matching ${JSON.stringify({ ...filter, url: filter.url?.toString() })} settled within ${timeoutMs} ms. ${describe()}`;
    });
  }

  /** Settled deliveries no call has taken yet. */
  get unclaimed(): readonly DeliveryView[] {
    return this.#settled;
  }

  clear(): void {
    this.#settled = [];
  }

  close(): void {
    this.#stop();
    this.#waiters = [];
  }

  #settle(d: DeliveryView): void {
    const waiter = this.#waiters.find((w) => matches(d, w.filter));
    if (waiter) {
      this.#waiters = this.#waiters.filter((w) => w !== waiter);
      waiter.resolve(d);
    } else {
      this.#settled.push(d);
    }
  }
}
