import type { DeliveryKind, DeliveryView, Settings } from 'daraja-client/emulator';
import type { Collection, Store } from '../store/store.js';
import type { EventBus } from '../events/event-bus.js';
import type { Scheduler } from '../time/scheduler.js';
import type { IdFactory } from '../ids/ids.js';
import type { HttpPoster } from './http-post.js';

export interface EnqueueInput {
  kind: DeliveryKind;
  url: string;
  body: unknown;
  transactionId?: string;
  delayMs?: number;
  /** Runs after the final attempt (e.g. C2B validation reads the merchant's answer). */
  onSettled?: string;
  /** Overrides callbacks.timeoutMs when shorter (C2B validation has its own deadline). */
  timeoutMs?: number;
  /** Overrides callbacks.retries (C2B validation is asked once). */
  retries?: number;
}

type StoredDelivery = DeliveryView & { onSettled?: string; timeoutMs?: number; retries?: number };

export type SettledHook = (delivery: DeliveryView) => void;

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
  readonly #queue: string[] = [];
  #inFlight = 0;
  #waiters: (() => void)[] = [];

  constructor(
    store: Store,
    private readonly scheduler: Scheduler,
    private readonly events: EventBus,
    private readonly ids: IdFactory,
    private readonly settings: () => Settings['callbacks'],
    private readonly post: HttpPoster,
    cap = 100_000,
  ) {
    this.#items = store.collection<DeliveryView>('deliveries', { cap });
  }

  /** Registers what to do when deliveries tagged `name` settle. */
  onSettled(name: string, hook: SettledHook): void {
    this.#hooks.set(name, hook);
  }

  enqueue(input: EnqueueInput): DeliveryView {
    const delivery: StoredDelivery = {
      id: this.ids.internalId(),
      kind: input.kind,
      url: input.url,
      body: input.body,
      dueAt: this.scheduler.clock.now() + Math.max(0, input.delayMs ?? 0),
      status: 'scheduled',
      attempts: [],
      ...(input.transactionId ? { transactionId: input.transactionId } : {}),
      ...(input.onSettled ? { onSettled: input.onSettled } : {}),
      ...(input.timeoutMs !== undefined ? { timeoutMs: input.timeoutMs } : {}),
      ...(input.retries !== undefined ? { retries: input.retries } : {}),
    };
    this.#save(delivery);
    this.#schedule(delivery);
    return delivery;
  }

  get(id: string): DeliveryView | undefined {
    return this.#items.get(id);
  }

  /** Newest first. */
  list(filter: { transactionId?: string; status?: string; kind?: string; limit?: number } = {}): DeliveryView[] {
    const all = [...this.#items.values()];
    const out: DeliveryView[] = [];
    for (let i = all.length - 1; i >= 0 && out.length < (filter.limit ?? 200); i--) {
      const d = all[i] as DeliveryView;
      if (filter.transactionId && d.transactionId !== filter.transactionId) continue;
      if (filter.status && d.status !== filter.status) continue;
      if (filter.kind && d.kind !== filter.kind) continue;
      out.push(d);
    }
    return out;
  }

  /** Sends a delivery again now, as a new attempt on the same record. */
  resend(id: string): DeliveryView | undefined {
    const d = this.#items.get(id);
    if (!d) return undefined;
    const again = { ...d, status: 'scheduled' as const, dueAt: this.scheduler.clock.now() };
    this.#save(again);
    this.#schedule(again);
    return again;
  }

  cancel(id: string): void {
    const d = this.#items.get(id);
    const job = this.#jobs.get(id);
    if (job !== undefined) this.scheduler.cancel(job);
    if (d && d.status === 'scheduled') this.#save({ ...d, status: 'cancelled' });
  }

  /** After a restart: schedules again what was due but not yet delivered. */
  recover(): void {
    for (const d of this.#items.values()) {
      if (d.status === 'scheduled' || d.status === 'delivering') this.#schedule(d);
    }
  }

  /** Resolves when nothing is being delivered or waiting for a slot. */
  async drained(): Promise<void> {
    if (this.#inFlight === 0 && this.#queue.length === 0) return;
    await new Promise<void>((resolve) => this.#waiters.push(resolve));
  }

  get inFlight(): number {
    return this.#inFlight;
  }

  #schedule(d: DeliveryView): void {
    const previous = this.#jobs.get(d.id);
    if (previous !== undefined) this.scheduler.cancel(previous);
    const job = this.scheduler.at(d.dueAt, `deliver ${d.kind} ${d.id}`, () => this.#admit(d.id));
    this.#jobs.set(d.id, job);
  }

  #admit(id: string): Promise<void> | undefined {
    this.#jobs.delete(id);
    if (this.#inFlight >= this.settings().maxInFlight) {
      this.#queue.push(id);
      return undefined;
    }
    return this.#deliver(id);
  }

  async #deliver(id: string): Promise<void> {
    const d = this.#items.get(id);
    if (!d || d.status === 'cancelled' || d.status === 'delivered') return this.#next();
    this.#inFlight++;
    const settings = this.settings();
    try {
      this.#save({ ...d, status: 'delivering' });
      const at = this.scheduler.clock.now();
      const own = d as StoredDelivery;
      const timeoutMs = Math.min(settings.timeoutMs, own.timeoutMs ?? settings.timeoutMs);
      const result = await this.post(d.url, JSON.stringify(d.body), timeoutMs);
      const ok = result.status !== undefined && result.status >= 200 && result.status < 300 && !result.error;
      const attempt = {
        at,
        durationMs: result.durationMs,
        ...(result.status !== undefined ? { status: result.status } : {}),
        ...(result.body !== undefined ? { responseBody: result.body } : {}),
        ...(result.error ? { error: result.error } : {}),
      };
      const current = this.#items.get(id) ?? d;
      const attempts = [...current.attempts, attempt];
      const failedAttempts = attempts.filter((a) => a.error || !a.status || a.status >= 300).length;
      if (!ok && failedAttempts <= (own.retries ?? settings.retries)) {
        const retry: DeliveryView = {
          ...current,
          attempts,
          status: 'scheduled',
          dueAt: this.scheduler.clock.now() + settings.retryDelayMs * 2 ** (failedAttempts - 1),
        };
        this.#save(retry);
        this.#schedule(retry);
      } else {
        const done: DeliveryView = { ...current, attempts, status: ok ? 'delivered' : 'failed' };
        this.#save(done);
        const hookName = (done as DeliveryView & { onSettled?: string }).onSettled;
        if (hookName) this.#hooks.get(hookName)?.(done);
      }
    } finally {
      this.#inFlight--;
      await this.#next();
    }
  }

  async #next(): Promise<void> {
    const id = this.#queue.shift();
    if (id !== undefined) return this.#deliver(id);
    if (this.#inFlight === 0) {
      const waiters = this.#waiters;
      this.#waiters = [];
      for (const w of waiters) w();
    }
  }

  #save(d: DeliveryView): void {
    this.#items.put(d);
    this.events.emit({ type: 'delivery', delivery: d });
  }
}
