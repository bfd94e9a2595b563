/**
 * Emulates M-Pesa Ratiba (standing orders): the request is answered at once; the customer approves the
 * order with their PIN on the phone (or cancels, or lets it time out); one callback reports whether the
 * order was created; approved orders then debit the customer on schedule, on the emulator's clock, until
 * the EndDate. Simplified: no opt-in step of its own (approving the first order opts the customer in), no
 * Ratiba charges (the page's 5 % is unconfirmed); a failed debit is not retried.
 */
import { RatibaResult, type RatibaAck, type ResultCodeEntry } from 'daraja-client/wire';
import type { Decision, StandingOrderView, TransactionView } from 'daraja-client/emulator';
import type { Scheduler } from '../../time/scheduler.js';
import type { Journal } from '../../journal/journal.js';
import { failedSms } from '../../ledger/sms-text.js';
import { ratibaCallbackBody } from './callback.js';
import { runDebit, type DebitDeps } from './debit.js';
import { StandingOrders, refsOf, view, type StoredOrder } from './orders.js';
import { executionAt, firstIndexFrom } from './schedule.js';
import { OrderJobs } from './order-jobs.js';
import { orderRequest } from './order-request.js';
import type { RatibaInput } from './validate.js';
import { admitWalkIn } from '../../ledger/walk-in.js';

export interface RatibaDeps extends DebitDeps {
  scheduler: Scheduler;
  orders: StandingOrders;
  journal?: Journal;
}

/** A control action on an order that is not in a state to take it. */
export class RatibaStateError extends Error {
  constructor(
    readonly code: 'not_found' | 'not_pending' | 'not_active' | 'phone_unreachable',
    message: string,
  ) {
    super(message);
  }
}

export class RatibaService {
  readonly #jobs: OrderJobs;

  constructor(private readonly deps: RatibaDeps) {
    this.#jobs = new OrderJobs(deps.scheduler);
  }

  /** Accepts a validated request: records the order and puts the approval prompt on the phone. */
  create(
    input: RatibaInput,
    rawBody: unknown,
    appId: string | undefined,
    notes: string[],
  ): { ack: RatibaAck; transaction: TransactionView } {
    const { ids, clock, ledger, transactions, orders, settings } = this.deps;
    const now = clock.now();
    const walkIn = admitWalkIn(ledger, input.msisdn);
    if (walkIn) notes.push(walkIn);
    const { ack, order, transaction } = orderRequest(input, rawBody, {
      ids,
      now,
      expiresAt: now + settings.current.ratiba.promptTimeoutMs,
      appId,
      offline: ledger.customer(input.msisdn)?.offline === true,
    });
    orders.put(order);
    transactions.put(transaction);
    const refusal = this.#refusal(order, transaction);
    if (refusal) {
      notes.push(refusal.why);
      return { ack, transaction: this.#notCreated(order, refusal.result, 'auto') };
    }
    this.#planPrompt(order);
    return { ack, transaction };
  }

  /** The customer typed a PIN and pressed OK on the approval prompt. */
  accept(transactionId: string, pin: string, by: Decision['by'] = 'phone'): TransactionView {
    const order = this.#reachable(this.#awaiting(transactionId));
    const customer = this.deps.ledger.customer(order.msisdn);
    if (!customer || customer.pin !== pin) {
      this.deps.messages.send(order.msisdn, failedSms('You have entered the wrong PIN.'), transactionId);
      return this.#notCreated(order, RatibaResult.wrongPin, by);
    }
    return this.#created(order, by);
  }

  /** The customer pressed Cancel. */
  decline(transactionId: string, by: Decision['by'] = 'phone'): TransactionView {
    return this.#notCreated(this.#reachable(this.#awaiting(transactionId)), RatibaResult.cancelled, by);
  }

  /** The prompt ran out of time: 1037 when it never reached the phone, 1032 when it went unanswered. */
  timeout(transactionId: string, by: Decision['by'] = 'timeout'): TransactionView {
    const order = this.#awaiting(transactionId);
    const unreachable = this.deps.transactions.get(transactionId)?.unreachable === true;
    return this.#notCreated(order, unreachable ? RatibaResult.unreachable : RatibaResult.cancelled, by);
  }

  /** The customer stops an active order (M-Pesa menu, My Standing Orders). */
  stop(orderId: string): StandingOrderView {
    const order = this.deps.orders.get(orderId);
    if (!order) throw new RatibaStateError('not_found', `No standing order ${orderId}.`);
    if (order.status !== 'active')
      throw new RatibaStateError('not_active', `Standing order ${orderId} is ${order.status}.`);
    this.#jobs.cancel(orderId);
    const { nextAt: _dropped, ...rest } = order;
    const stopped: StoredOrder = { ...rest, status: 'stopped' };
    this.deps.orders.put(stopped);
    this.#touch(order.transactionId);
    return view(stopped);
  }

  /** After a restart: the prompts still open and the next debit of every active order, late ones first. */
  recover(): void {
    for (const order of this.deps.orders.values()) {
      if (order.status === 'awaiting-approval') this.#planPrompt(order);
      else if (order.status === 'active') this.#planDebit(order);
    }
  }

  clear(): void {
    this.#jobs.clear();
  }

  /** Outcomes decided before the prompt: another prompt open on the phone, a live order of that name. */
  #refusal(order: StoredOrder, t: TransactionView): { result: ResultCodeEntry; why: string } | undefined {
    const { transactions, orders } = this.deps;
    const busy = transactions
      .list({ phone: order.msisdn, status: 'pending' })
      .find((o) => o.id !== t.id && (o.type === 'stk' || o.type === 'standing-order'));
    if (busy) {
      return {
        result: RatibaResult.locked,
        why: `${order.msisdn} already has a prompt open (${busy.id}); the order is refused with 1001 in the callback.`,
      };
    }
    if (orders.sameName(order.msisdn, order.name)) {
      return {
        result: RatibaResult.duplicateName,
        why: `${order.msisdn} already has an active standing order named "${order.name}"; the callback answers 1050.`,
      };
    }
    return undefined;
  }

  #planPrompt(order: StoredOrder): void {
    const t = this.deps.transactions.get(order.transactionId);
    const at = t?.expiresAt ?? this.deps.clock.now();
    this.#jobs.schedule(order.id, at, `ratiba prompt timeout ${order.transactionId}`, () => {
      if (this.deps.orders.get(order.id)?.status === 'awaiting-approval') this.timeout(order.transactionId);
    });
  }

  #planDebit(order: StoredOrder): void {
    if (order.nextAt === undefined) return;
    this.#jobs.schedule(order.id, order.nextAt, `ratiba debit ${order.id} #${order.nextIndex}`, () =>
      this.#debit(order.id),
    );
  }

  #debit(orderId: string): void {
    const order = this.deps.orders.get(orderId);
    if (!order || order.status !== 'active') return;
    const t = runDebit(this.deps, order);
    const paid = t.status === 'completed';
    const nextIndex = order.nextIndex + 1;
    const { nextAt: _previous, ...rest } = order;
    const nextAt = this.#executionAt(order, nextIndex);
    const next: StoredOrder = {
      ...rest,
      nextIndex,
      ...(nextAt !== undefined ? { nextAt } : {}),
      status: nextAt === undefined ? 'ended' : 'active',
      debits: paid ? StandingOrders.withDebit(order, t.id) : order.debits,
      paidCount: order.paidCount + (paid ? 1 : 0),
      failedCount: order.failedCount + (paid ? 0 : 1),
    };
    this.deps.orders.put(next);
    this.#jobs.ran(orderId);
    if (nextAt !== undefined) this.#planDebit(next);
    this.#touch(order.transactionId);
  }

  #created(order: StoredOrder, by: Decision['by']): TransactionView {
    const now = this.deps.clock.now();
    const hour = this.deps.settings.current.ratiba.debitHourEat;
    const nextIndex = firstIndexFrom(order.startDate, order.endDate, order.frequency, hour, now);
    const due = this.#executionAt(order, nextIndex);
    const active: StoredOrder = {
      ...order,
      status: due === undefined ? 'ended' : 'active',
      nextIndex,
      ...(due !== undefined ? { nextAt: Math.max(due, now) } : {}),
    };
    if (nextIndex > 0)
      this.deps.journal?.explain(
        order.transactionId,
        `Approved after ${nextIndex} execution date(s) had passed; those are skipped and debits start with execution ${nextIndex + 1}.`,
      );
    this.deps.orders.put(active);
    const done = this.#finish(active, RatibaResult.created, by);
    this.#jobs.cancel(order.id);
    this.#planDebit(active);
    return done;
  }

  #notCreated(order: StoredOrder, result: ResultCodeEntry, by: Decision['by']): TransactionView {
    this.#jobs.cancel(order.id);
    const ended: StoredOrder = { ...order, status: 'not-created' };
    this.deps.orders.put(ended);
    return this.#finish(ended, result, by);
  }

  /** Ends the approval transaction and sends the callback. */
  #finish(order: StoredOrder, result: ResultCodeEntry, by: Decision['by']): TransactionView {
    const { transactions, outbox, clock, settings } = this.deps;
    const now = clock.now();
    const t = transactions.get(order.transactionId) as TransactionView;
    const ok = result.code === RatibaResult.created.code;
    const done: TransactionView = {
      ...t,
      status: ok ? 'completed' : 'failed',
      updatedAt: now,
      resultCode: result.code,
      resultDesc: result.desc,
      decision: { at: now, by, resultCode: result.code, resultDesc: result.desc },
      ...(ok ? { receipt: order.id } : {}),
    };
    transactions.put(done);
    const delivery = outbox.enqueue({
      kind: 'ratiba-callback',
      url: order.callbackUrl,
      body: ratibaCallbackBody(refsOf(order), order.msisdn, result, ok ? view(order) : undefined),
      transactionId: t.id,
      delayMs: settings.current.ratiba.callbackDelayMs,
    });
    const withDelivery = { ...done, deliveries: [...done.deliveries, delivery.id] };
    transactions.put(withDelivery);
    return withDelivery;
  }

  #executionAt(order: StoredOrder, index: number): number | undefined {
    const hour = this.deps.settings.current.ratiba.debitHourEat;
    return executionAt(order.startDate, order.endDate, order.frequency, hour, index);
  }

  /** Re-emits the approval transaction, so that views of the order (phone, dashboard) refresh. */
  #touch(transactionId: string): void {
    const t = this.deps.transactions.get(transactionId);
    if (t) this.deps.transactions.put({ ...t, updatedAt: this.deps.clock.now() });
  }

  /** As for STK: a prompt that never reached the phone, or a phone now offline, cannot be answered on it. */
  #reachable(order: StoredOrder): StoredOrder {
    const unreachable = this.deps.transactions.get(order.transactionId)?.unreachable === true;
    if (unreachable || this.deps.ledger.customer(order.msisdn)?.offline)
      throw new RatibaStateError(
        'phone_unreachable',
        unreachable
          ? `The prompt of ${order.transactionId} never reached ${order.msisdn} (it was offline); it ends with 1037 at its timeout.`
          : `${order.msisdn} has no network: it cannot answer the prompt until it is back online.`,
      );
    return order;
  }

  #awaiting(transactionId: string): StoredOrder {
    const order = this.deps.orders.byTransaction(transactionId);
    if (!order) throw new RatibaStateError('not_found', `No standing order request ${transactionId}.`);
    if (order.status !== 'awaiting-approval')
      throw new RatibaStateError(
        'not_pending',
        `Standing order request ${transactionId} is already answered (${order.status}).`,
      );
    return order;
  }
}
