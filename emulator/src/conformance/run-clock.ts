import type { Timers } from '../time/timers.js';
import type { ControlClient } from './control-client.js';

/**
 * Time as the run sees it: on a manual clock it is moved through the control API (instant); on a system
 * clock the run waits in real time and polls until the payment's callbacks have settled.
 */
export class RunClock {
  #manual = true;

  constructor(
    private readonly control: ControlClient,
    private readonly timers: Timers,
  ) {}

  async init(): Promise<void> {
    this.#manual = (await this.control.clock()).kind === 'manual';
  }

  /**
   * A manual clock is not moved back by a reset, so pushes in successive runs could share an instant, and
   * ids made from the time (CheckoutRequestID) would repeat: an app that keeps state across runs would take
   * a new payment for an old one. Each run starts a second later.
   */
  async freshInstant(): Promise<void> {
    if (this.#manual) await this.control.advance(1_000);
  }

  async advance(ms: number): Promise<void> {
    if (this.#manual) await this.control.advance(ms);
    else await this.#sleep(ms);
  }

  /** Until nothing about the transaction is still to come. */
  async settle(transactionId: string): Promise<void> {
    if (this.#manual) return this.control.runAll();
    for (let waited = 0; waited < 15 * 60_000; waited += 200) {
      const t = await this.control.transaction(transactionId);
      const open = (await this.control.deliveries(transactionId)).some(
        (d) => d.status === 'scheduled' || d.status === 'delivering',
      );
      if (t.status !== 'pending' && !open) return;
      await this.#sleep(200);
    }
  }

  #sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.timers.setTimeout(resolve, ms));
  }
}
