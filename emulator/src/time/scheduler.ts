import type { Clock } from './clock.js';
import { ManualClock } from './clock.js';
import type { Timers } from './timers.js';
import { JobQueue, type Job } from './job-queue.js';

/** A job waiting to run, as the control API shows it. */
export interface PendingJob {
  id: number;
  at: number;
  label: string;
}

/**
 * Runs work at a time on the emulator clock. With the system clock one real timer is armed for the
 * earliest job; with a manual clock nothing runs until `advance()` or `runAll()`.
 */
export class Scheduler {
  readonly #clock: Clock;
  readonly #timers: Timers;
  readonly #jobs = new JobQueue();
  #seq = 0;
  #armed: { at: number; handle: unknown } | undefined;
  #inFlight = new Set<Promise<unknown>>();
  #running = false;
  #closed = false;
  /**
   * Groups the writes of each job's synchronous part (the store: see Store.begin), so that a job making a
   * dozen records costs one log write; anything a job sends out leaves on a later tick, after the commit.
   */
  group: { begin(): void; commit(): void } | undefined;

  constructor(clock: Clock, timers: Timers) {
    this.#clock = clock;
    this.#timers = timers;
  }

  get clock(): Clock {
    return this.#clock;
  }

  /** Schedules `run` at `at` (ms on the emulator clock); returns a handle for `cancel`. */
  at(at: number, label: string, run: () => unknown): number {
    const job: Job = { id: ++this.#seq, at, label, run };
    this.#jobs.add(job);
    this.#arm();
    return job.id;
  }

  /** Schedules `run` after `delayMs` on the emulator clock. */
  after(delayMs: number, label: string, run: () => unknown): number {
    return this.at(this.#clock.now() + Math.max(0, delayMs), label, run);
  }

  cancel(id: number): void {
    if (this.#jobs.cancel(id)) this.#arm();
  }

  /** Waiting jobs in due order, the first `limit` of them. */
  pending(limit?: number): PendingJob[] {
    return this.#jobs.list(limit).map(({ id, at, label }) => ({ id, at, label }));
  }

  get size(): number {
    return this.#jobs.size;
  }

  /** Manual clock: moves time forward by `ms`, running everything that falls due, in order. */
  async advance(ms: number): Promise<number> {
    const clock = this.#manual();
    const target = clock.now() + Math.max(0, ms);
    let ran = 0;
    for (let job = this.#jobs.peek(); job && job.at <= target; job = this.#jobs.peek()) {
      clock.set(job.at);
      ran += await this.#runOne();
    }
    clock.set(target);
    await this.idle();
    return ran;
  }

  /** Manual clock: runs all pending work now, moving time to each job's due time in turn. */
  async runAll(limit = 100_000): Promise<number> {
    const clock = this.#manual();
    let ran = 0;
    for (let job = this.#jobs.peek(); job && ran < limit; job = this.#jobs.peek()) {
      clock.set(job.at);
      ran += await this.#runOne();
    }
    await this.idle();
    return ran;
  }

  /** Resolves once every job that has started has finished. */
  async idle(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.allSettled([...this.#inFlight]);
  }

  /** Drops every pending job (used by reset). */
  clear(): void {
    this.#jobs.clear();
    this.#arm();
  }

  close(): void {
    this.#closed = true;
    this.clear();
  }

  #manual(): ManualClock {
    if (!(this.#clock instanceof ManualClock)) throw new Error('the clock is not manual');
    return this.#clock;
  }

  async #runOne(): Promise<number> {
    const job = this.#jobs.shift();
    if (!job) return 0;
    const result = this.#start(job);
    if (result) await result;
    return 1;
  }

  #start(job: Job): Promise<unknown> | undefined {
    try {
      const value = this.#run(job);
      if (value instanceof Promise) {
        const tracked = value.catch(() => undefined).finally(() => this.#inFlight.delete(tracked));
        this.#inFlight.add(tracked);
        return tracked;
      }
    } catch {
      // A failing job must not stop the others; services record their own failures.
    }
    return undefined;
  }

  #run(job: Job): unknown {
    const group = this.group;
    if (!group) return job.run();
    group.begin();
    try {
      return job.run();
    } finally {
      group.commit();
    }
  }

  #arm(): void {
    if (this.#clock.kind === 'manual' || this.#closed) return;
    const first = this.#jobs.peek();
    if (this.#armed && (!first || this.#armed.at !== first.at)) {
      this.#timers.clearTimeout(this.#armed.handle);
      this.#armed = undefined;
    }
    if (!first || this.#armed) return;
    const delay = Math.max(0, first.at - this.#clock.now());
    const handle = this.#timers.setTimeout(() => this.#fire(), Math.min(delay, 2 ** 31 - 1));
    this.#armed = { at: first.at, handle };
  }

  #fire(): void {
    this.#armed = undefined;
    if (this.#running) return;
    this.#running = true;
    try {
      const now = this.#clock.now();
      for (let job = this.#jobs.peek(); job && job.at <= now; job = this.#jobs.peek()) {
        this.#start(this.#jobs.shift() as Job);
      }
    } finally {
      this.#running = false;
      this.#arm();
    }
  }
}
