import type { Scheduler } from '../../time/scheduler.js';

/** The one scheduled job of each standing order: its approval prompt's timeout, then its next debit. */
export class OrderJobs {
  readonly #jobs = new Map<string, number>();

  constructor(private readonly scheduler: Scheduler) {}

  /** Replaces the order's job with `run` at `at` on the emulator clock. */
  schedule(orderId: string, at: number, label: string, run: () => void): void {
    this.cancel(orderId);
    this.#jobs.set(orderId, this.scheduler.at(at, label, run));
  }

  cancel(orderId: string): void {
    const job = this.#jobs.get(orderId);
    if (job !== undefined) this.scheduler.cancel(job);
    this.#jobs.delete(orderId);
  }

  /** The job ran: forget it without cancelling. */
  ran(orderId: string): void {
    this.#jobs.delete(orderId);
  }

  clear(): void {
    this.#jobs.clear();
  }
}
