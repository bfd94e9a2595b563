import type { SmsView, TransactionView } from 'daraja-client/emulator';
import { toShillings } from '../ledger/records.js';
import { DEFAULT_WAIT_MS, withDeadline } from './deadline.js';
import type { Emulator } from '../emulator.js';
import { internalsOf } from '../internals.js';
import type { KitContext } from './kit-context.js';

/** How long `prompt()` and the actions waiting for it may wait, in real milliseconds. */
export interface WaitOptions {
  timeoutMs?: number;
}

/**
 * A customer's handset: answers the STK prompt that an app's push opened on it, the way the person holding
 * it would. Each action waits for the prompt if it has not arrived yet and returns the finished transaction.
 */
export class Phone {
  constructor(
    /** The phone number, `2547…`. */
    readonly msisdn: string,
    private readonly kit: KitContext,
  ) {}

  /** The services behind the kit's emulator. */
  get #emulator(): Emulator {
    return internalsOf(this.kit.emulator);
  }

  /** The prompt open on this phone, waiting for one to arrive. */
  async prompt(options: WaitOptions = {}): Promise<TransactionView> {
    const { transactions, events } = this.#emulator;
    const open = () => transactions.list({ type: 'stk', status: 'pending', phone: this.msisdn, limit: 1 })[0];
    const now = open();
    if (now) return now;
    let stop: () => void = () => undefined;
    const arrived = new Promise<TransactionView>((resolve) => {
      stop = events.on((event) => {
        const t = event.type === 'transaction' ? event.transaction : undefined;
        if (t && t.type === 'stk' && t.status === 'pending' && t.phone === this.msisdn) resolve(t);
      });
    });
    const timeoutMs = options.timeoutMs ?? DEFAULT_WAIT_MS;
    return withDeadline(
      arrived,
      timeoutMs,
      () => `No STK prompt reached ${this.msisdn} within ${timeoutMs} ms.`,
    ).finally(() => stop());
  }

  /** Types `pin` (default: the customer's own PIN) and presses OK; a wrong PIN fails the payment (2001). */
  async accept(pin?: string, options: WaitOptions = {}): Promise<TransactionView> {
    const t = await this.prompt(options);
    const typed = pin ?? this.#emulator.ledger.customer(this.msisdn)?.pin ?? '';
    return this.#settle(this.#emulator.stk.accept(t.id, typed, 'phone'));
  }

  /** Presses Cancel (1032). */
  async decline(options: WaitOptions = {}): Promise<TransactionView> {
    const t = await this.prompt(options);
    return this.#settle(this.#emulator.stk.decline(t.id, 'phone'));
  }

  /**
   * Leaves the prompt unanswered until it times out (1037). On the manual clock this moves time to the
   * prompt's deadline, running whatever else falls due on the way; on the system clock it times out now.
   */
  async ignore(options: WaitOptions = {}): Promise<TransactionView> {
    const t = await this.prompt(options);
    const emulator = this.#emulator;
    if (emulator.clock.kind === 'manual') {
      await emulator.advance(Math.max(0, (t.expiresAt ?? emulator.clock.now()) - emulator.clock.now()));
      await this.kit.flush();
      return emulator.transactions.get(t.id) ?? t;
    }
    return this.#settle(emulator.stk.timeout(t.id));
  }

  /** Switches the handset off: prompts pushed from now on cannot reach it (1037 after the PIN timeout). */
  goOffline(): void {
    this.#setOffline(true);
  }

  /** Switches the handset back on. */
  goOnline(): void {
    this.#setOffline(false);
  }

  /** The wallet balance in shillings. */
  balance(): number {
    return toShillings(this.#customer().balanceCents);
  }

  /** SMS messages received, newest first. */
  messages(limit = 100): SmsView[] {
    return this.#emulator.messages.for(this.msisdn, limit);
  }

  async #settle(t: TransactionView): Promise<TransactionView> {
    await this.kit.flush();
    return this.#emulator.transactions.get(t.id) ?? t;
  }

  #setOffline(offline: boolean): void {
    this.#emulator.ledger.putCustomer({ ...this.#customer(), offline });
  }

  #customer() {
    const c = this.#emulator.ledger.customer(this.msisdn);
    if (!c)
      throw new Error(`${this.msisdn} is not a customer of this emulator; add it with the world option.`);
    return c;
  }
}
