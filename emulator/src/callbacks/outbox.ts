import type { DeliveryFilter, DeliveryView, Settings } from 'daraja-client/emulator';
import { deliveryMatches } from 'daraja-client/emulator';
import { pageNewestFirst, type Page } from '../store/newest-first.js';
import { attemptOutcome } from './attempt-outcome.js';
import type { Collection, Store } from '../store/store.js';
import type { EventBus } from '../events/event-bus.js';
import type { Scheduler } from '../time/scheduler.js';
import type { IdFactory } from '../ids/ids.js';
import type { HttpPoster, PostResult } from './http-post.js';
import type {
  DeliveryTransform,
  EnqueueInput,
  PlannedDelivery,
  SettledHook,
  StoredDelivery,
} from './delivery-plan.js';
import { DueQueue } from './due-queue.js';

export type { DeliveryTransform, EnqueueInput, PlannedDelivery, SettledHook } from './delivery-plan.js';

/**
 * The outbox: services record that a body is due at a URL at a time; the dispatcher posts it then, on the
 * emulator clock, records every attempt and retries only if configured (Daraja does not retry).
 * Deliveries in flight are capped; the rest wait their turn, so a burst of due callbacks never stalls
 * the API. Pending deliveries are stored, so a restart sends what was promised before it.
 */
export class Outbox {
  readonly #items: Collection<DeliveryView>;
  readonly #hooks = new Map<string, SettledHook>();
  readonly #jobs = new Map<string, number>();
  readonly #queue = new DueQueue();
  #inFlight = 0;
  #waiters: (() => void)[] = [];
  /** Ids of deliveries held back behind the next one to the same URL. */
  readonly #held = new Set<string>();
  /**
   * Deliveries not settled yet. The store keeps a capped history and drops its oldest records first, which
   * under a backlog of callbacks can be ones still waiting; a promised callback must go out all the same.
   */
  readonly #unsettled = new Map<string, DeliveryView>();
  /**
   * Deliveries being sent right now. Their stored status stays `scheduled` (a restart sends them again
   * either way) and is shown as `delivering`: one write fewer per callback.
   */
  readonly #sending = new Set<string>();
  /** Fault rules' hook on every new delivery (see PlannedDelivery). */
  transform: DeliveryTransform | undefined;
  /** Set by stop(): deliveries in flight finish, no new one starts. */
  #stopped = false;

  constructor(
    private readonly store: Store,
    private readonly scheduler: Scheduler,
    private readonly events: EventBus,
    private readonly ids: IdFactory,
    private readonly settings: () => Settings['callbacks'],
    private readonly post: HttpPoster,
    cap = 100_000,
  ) {
    this.#items = store.collection<DeliveryView>('deliveries', { cap });
    events.on(
      (event) => {
        if (event.type !== 'reset') return;
        this.#unsettled.clear();
        this.#queue.clear();
      },
      ['reset'],
    );
  }

  /** Registers what to do when deliveries tagged `name` settle. */
  onSettled(name: string, hook: SettledHook): void {
    this.#hooks.set(name, hook);
  }

  /** Records a delivery (or what the transform makes of it) and schedules it; returns the first one. */
  enqueue(input: EnqueueInput): DeliveryView {
    const planned = this.transform?.(input) ?? [];
    const [first, ...rest] = planned.length > 0 ? planned : [input];
    const created = this.#create(first as PlannedDelivery);
    for (const p of rest) this.#create(p);
    return created;
  }

  #create(input: PlannedDelivery): DeliveryView {
    const delivery: StoredDelivery = {
      id: this.ids.internalId(),
      kind: input.kind,
      url: input.url,
      body: input.body,
      dueAt: this.scheduler.clock.now() + Math.max(0, input.delayMs ?? 0),
      status: input.drop ? 'cancelled' : 'scheduled',
      attempts: [],
      ...(input.transactionId ? { transactionId: input.transactionId } : {}),
      ...(input.onSettled ? { onSettled: input.onSettled } : {}),
      ...(input.timeoutMs !== undefined ? { timeoutMs: input.timeoutMs } : {}),
      ...(input.retries !== undefined ? { retries: input.retries } : {}),
      ...(input.bodyText !== undefined ? { bodyText: input.bodyText } : {}),
      ...(input.behindNext ? { behindNext: true } : {}),
      ...(input.rules?.length ? { rules: input.rules } : {}),
    };
    delivery.revision = this.#save(delivery).revision;
    if (input.drop) {
      // The service learns of it when it would have been delivered, never inside its own enqueue call.
      const hook = delivery.onSettled ? this.#hooks.get(delivery.onSettled) : undefined;
      if (hook) {
        this.scheduler.at(delivery.dueAt, `dropped ${delivery.kind} ${delivery.id}`, () => hook(delivery));
      }
      return delivery;
    }
    this.#schedule(delivery);
    if (input.behindNext) this.#held.add(delivery.id);
    else this.#releaseHeld(delivery.url, delivery.dueAt);
    return delivery;
  }

  /** Held deliveries to this URL become due with the new one; scheduled after it, they go out after it. */
  #releaseHeld(url: string, dueAt: number): void {
    const release: StoredDelivery[] = [];
    for (const id of this.#held) {
      const delivery = this.#items.get(id) as StoredDelivery | undefined;
      if (!delivery || delivery.status !== 'scheduled') this.#held.delete(id);
      else if (delivery.url === url) release.push(delivery);
    }
    for (const delivery of release) {
      this.#held.delete(delivery.id);
      const { behindNext: _held, ...rest } = delivery;
      const again: StoredDelivery = { ...rest, dueAt };
      this.#save(again);
      this.#schedule(again);
    }
  }

  get(id: string): DeliveryView | undefined {
    const delivery = this.#items.get(id);
    return delivery && this.#view(delivery);
  }

  #view(delivery: DeliveryView): DeliveryView {
    return delivery.status === 'scheduled' && this.#sending.has(delivery.id)
      ? { ...delivery, status: 'delivering' }
      : delivery;
  }

  /** Newest first. */
  list(filter: DeliveryFilter = {}): DeliveryView[] {
    return this.page(filter).items;
  }

  /** One page, newest first, of the deliveries that pass the filter, with their count. */
  page(filter: DeliveryFilter = {}): Page<DeliveryView> {
    const page = pageNewestFirst(
      this.#items.values(),
      (stored) => deliveryMatches(this.#view(stored), filter),
      filter,
    );
    return { items: page.items.map((d) => this.#view(d)), total: page.total };
  }

  /** Sends a delivery again now, as a new attempt on the same record. */
  resend(id: string): DeliveryView | undefined {
    const delivery = this.#items.get(id);
    if (!delivery) return undefined;
    const again = this.#save({ ...delivery, status: 'scheduled', dueAt: this.scheduler.clock.now() });
    this.#schedule(again);
    return again;
  }

  cancel(id: string): void {
    const delivery = this.#items.get(id);
    const job = this.#jobs.get(id);
    if (job !== undefined) this.scheduler.cancel(job);
    if (delivery && delivery.status === 'scheduled' && !this.#sending.has(id))
      this.#save({ ...delivery, status: 'cancelled' });
  }

  /** After a restart: schedules again what was due but not yet delivered. */
  recover(): void {
    for (const delivery of this.#items.values()) {
      if (delivery.status === 'scheduled' || delivery.status === 'delivering') this.#schedule(delivery);
      if (delivery.status === 'scheduled' && (delivery as StoredDelivery).behindNext)
        this.#held.add(delivery.id);
    }
  }

  /**
   * Starts no more deliveries: those in flight finish (and are recorded), the rest stay stored as scheduled
   * and go out after a restart. Shutting down this way sends no callback twice when targets answer in time.
   */
  stop(): void {
    this.#stopped = true;
    this.#queue.clear();
  }

  /** Resolves when nothing is being delivered or waiting for a slot. */
  async drained(): Promise<void> {
    if (this.#inFlight === 0 && (this.#queue.length === 0 || this.#stopped)) return;
    await new Promise<void>((resolve) => this.#waiters.push(resolve));
  }

  get inFlight(): number {
    return this.#inFlight;
  }

  /** Deliveries that are due and wait for a slot (settings.callbacks.maxInFlight are in flight). */
  get waiting(): number {
    return this.#queue.length;
  }

  /** Resolves once fewer than `limit` due deliveries wait for a slot. */
  waitingBelow(limit: number): Promise<void> {
    return this.#queue.below(limit);
  }

  #schedule(delivery: DeliveryView): void {
    const previous = this.#jobs.get(delivery.id);
    if (previous !== undefined) this.scheduler.cancel(previous);
    const job = this.scheduler.at(delivery.dueAt, `deliver ${delivery.kind} ${delivery.id}`, () =>
      this.#admit(delivery.id),
    );
    this.#jobs.set(delivery.id, job);
  }

  #admit(id: string): Promise<void> | undefined {
    this.#jobs.delete(id);
    if (this.#stopped) return undefined;
    if (this.#inFlight >= this.settings().maxInFlight) {
      this.#queue.push(id);
      return undefined;
    }
    return this.#deliver(id);
  }

  async #deliver(id: string): Promise<void> {
    const delivery = this.#items.get(id) ?? this.#unsettled.get(id);
    if (!delivery || delivery.status === 'cancelled' || delivery.status === 'delivered') return this.#next();
    this.#inFlight++;
    this.#sending.add(id);
    const settings = this.settings();
    try {
      if (this.events.wants('delivery'))
        this.events.emit({
          type: 'delivery',
          delivery: { ...delivery, status: 'delivering', revision: (delivery.revision ?? 0) + 1 },
        });
      const at = this.scheduler.clock.now();
      const own = delivery as StoredDelivery;
      const timeoutMs = Math.min(settings.timeoutMs, own.timeoutMs ?? settings.timeoutMs);
      const result = await this.post(delivery.url, own.bodyText ?? JSON.stringify(delivery.body), timeoutMs);
      // The attempt, the delivery's new state and what its settling changes go to the log together.
      this.store.begin();
      try {
        this.#settle(id, delivery, own, result, at);
      } finally {
        this.store.commit();
      }
    } finally {
      this.#sending.delete(id);
      this.#inFlight--;
      await this.#next();
    }
  }

  #settle(id: string, sent: DeliveryView, own: StoredDelivery, result: PostResult, at: number): void {
    const settings = this.settings();
    const current = this.#items.get(id) ?? this.#unsettled.get(id) ?? sent;
    const now = this.scheduler.clock.now();
    const outcome = attemptOutcome(current, result, at, now, own.retries ?? settings.retries, settings);
    this.#save(outcome.delivery);
    if (outcome.retry) return this.#schedule(outcome.delivery);
    const hookName = (outcome.delivery as DeliveryView & { onSettled?: string }).onSettled;
    if (hookName) this.#hooks.get(hookName)?.(outcome.delivery);
  }

  async #next(): Promise<void> {
    const id = this.#stopped ? undefined : this.#queue.shift();
    if (id !== undefined) return this.#deliver(id);
    if (this.#inFlight === 0) {
      const waiters = this.#waiters;
      this.#waiters = [];
      for (const w of waiters) w();
    }
  }

  #save(change: DeliveryView): DeliveryView {
    // One more than the stored view, or two while it is being sent: the `delivering` event took one.
    const stored = this.#items.get(change.id) ?? this.#unsettled.get(change.id);
    const step = this.#sending.has(change.id) ? 2 : 1;
    const delivery: DeliveryView = { ...change, revision: (stored?.revision ?? 0) + step };
    if (delivery.status === 'scheduled' || delivery.status === 'delivering')
      this.#unsettled.set(delivery.id, delivery);
    else this.#unsettled.delete(delivery.id);
    this.#items.put(delivery);
    this.events.emit({ type: 'delivery', delivery });
    return delivery;
  }
}
