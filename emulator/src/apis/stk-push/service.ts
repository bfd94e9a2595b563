/**
 * Emulates M-Pesa Express (STK push): the gateway's synchronous checks, the prompt on the customer's phone,
 * the customer's decision (by a person through the control API, or automatically by configuration), the
 * ledger movement and the callback. Simplified: no USSD length limits (1025) and no per-customer daily
 * limits; those codes can still be produced by configuring them as outcomes.
 */
import {
  DarajaErrors,
  StkResult,
  STK_ACK_DESCRIPTION,
  type ResultCodeEntry,
  type StkPushAck,
} from 'daraja-client/wire';
import type { Decision, TransactionView } from 'daraja-client/emulator';
import { DarajaError } from '../../http/daraja-error.js';
import type { Ledger } from '../../ledger/ledger.js';
import type { Journal } from '../../journal/journal.js';
import { failedSms } from '../../ledger/sms-text.js';
import type { Transactions } from '../../ledger/transactions.js';
import type { Messages } from '../../ledger/messages.js';
import type { Outbox } from '../../callbacks/outbox.js';
import type { Scheduler } from '../../time/scheduler.js';
import type { IdFactory } from '../../ids/ids.js';
import type { SettingsHolder } from '../../config/settings-holder.js';
import { maskSecrets } from '../../journal/mask.js';
import { stkCallbackBody } from './callback.js';
import { answerable, StkStateError } from './stk-state-error.js';
import { chargeForPrompt } from './charge.js';
import { RecentPayments } from './recent-payments.js';
import { outcomeFor, type PlannedOutcome } from './outcome.js';
import { checkStkCredentials } from './credentials.js';
import type { StkPushInput } from './validate.js';
import { admitWalkIn } from '../../ledger/walk-in.js';

/** The payment behind a prompt that ended in success. */
type Paid = Pick<TransactionView, 'receipt' | 'conversationId'>;

export interface StkDeps {
  ledger: Ledger;
  transactions: Transactions;
  messages: Messages;
  outbox: Outbox;
  scheduler: Scheduler;
  ids: IdFactory;
  settings: SettingsHolder;
  /** Where outcomes decided after the acknowledgement are explained (the push request's entry). */
  journal?: Journal;
  /** Fault rules and magic numbers: consulted before the per-phone and default outcomes. */
  outcomeOverride?: (t: TransactionView, recovering: boolean) => OutcomeOverride | undefined;
}

/**
 * What decides a prompt ahead of the settings. `outcome` unset keeps the usual outcome; `decisionDelayMs`
 * unset keeps the setting; `rules` are recorded on the transaction.
 */
export interface OutcomeOverride {
  outcome?: PlannedOutcome;
  decisionDelayMs?: number;
  by: Decision['by'];
  rules: string[];
}

export class StkService {
  readonly #jobs = new Map<string, number[]>();
  /** The open prompt of each phone, so the subscriber lock is one lookup however many prompts are open. */
  readonly #openByPhone = new Map<string, string>();
  readonly #recent = new RecentPayments();

  constructor(private readonly deps: StkDeps) {}

  /**
   * Accepts a validated push: checks merchant, password and subscriber lock, then opens the prompt.
   * `given.checkoutRequestId` is for in-process callers that must reproduce a recorded id (provider states
   * of a pact verification); HTTP requests never set it.
   */
  push(
    input: StkPushInput,
    rawBody: unknown,
    appId: string | undefined,
    notes: string[],
    given: { checkoutRequestId?: string } = {},
  ): { ack: StkPushAck; transaction: TransactionView } {
    const { ledger, transactions, ids, scheduler, settings } = this.deps;
    const now = scheduler.clock.now();
    if (given.checkoutRequestId !== undefined && transactions.get(given.checkoutRequestId)) {
      throw new StkStateError('exists', `STK transaction ${given.checkoutRequestId} already exists.`);
    }
    const org = checkStkCredentials(
      ledger,
      settings.current,
      input.shortcode,
      input.password,
      input.timestamp,
      now,
      notes,
    );
    const wantsTill = input.transactionType === 'CustomerBuyGoodsOnline';
    if (wantsTill !== (org.kind === 'till')) {
      throw new DarajaError(
        DarajaErrors.invalidField('TransactionType'),
        `TransactionType: shortcode ${org.shortcode} is a ${org.kind}; use ${org.kind === 'till' ? 'CustomerBuyGoodsOnline' : 'CustomerPayBillOnline'}.`,
      );
    }
    if (this.#openPromptFor(input.phone)) {
      throw new DarajaError(
        DarajaErrors.subscriberLocked,
        `${input.phone} already has a prompt open; Daraja allows one at a time per phone until it is answered or times out.`,
      );
    }
    const walkIn = admitWalkIn(ledger, input.phone);
    if (walkIn) notes.push(walkIn);
    const ack: StkPushAck = {
      MerchantRequestID: ids.merchantRequestId(),
      CheckoutRequestID: given.checkoutRequestId ?? this.#freshCheckoutId(now, input.phone),
      ResponseCode: '0',
      ResponseDescription: STK_ACK_DESCRIPTION,
      CustomerMessage: STK_ACK_DESCRIPTION,
    };
    const transaction: TransactionView = {
      id: ack.CheckoutRequestID,
      type: 'stk',
      status: 'pending',
      createdAt: now,
      updatedAt: now,
      ...(appId ? { appId } : {}),
      shortcode: input.shortcode,
      phone: input.phone,
      amount: input.amount,
      accountReference: input.accountReference,
      description: input.description,
      merchantRequestId: ack.MerchantRequestID,
      callbackUrl: input.callbackUrl,
      expiresAt: now + settings.current.stk.pinTimeoutMs,
      request: maskSecrets(rawBody),
      response: ack,
      deliveries: [],
      partyB: input.partyB,
    };
    transactions.put(transaction);
    this.#plan(transaction, false);
    // Planning may have recorded the fault rules that will decide this prompt.
    return { ack, transaction: transactions.get(transaction.id) ?? transaction };
  }

  /** The customer typed a PIN and pressed OK. */
  accept(id: string, pin: string, by: Decision['by'] = 'phone'): TransactionView {
    const t = this.#reachable(this.#pending(id));
    const customer = this.deps.ledger.customer(t.phone ?? '');
    if (!customer || customer.pin !== pin) return this.#finish(t, StkResult.wrongPin, by);
    return this.#pay(t, by);
  }

  /** The customer pressed Cancel. */
  decline(id: string, by: Decision['by'] = 'phone'): TransactionView {
    return this.#finish(this.#reachable(this.#pending(id)), StkResult.cancelled, by);
  }

  /** The prompt ran out of time unanswered; one that never reached the phone ends as unreachable. */
  timeout(id: string, by: Decision['by'] = 'timeout'): TransactionView {
    const t = this.#pending(id);
    return this.#finish(t, t.unreachable ? StkResult.unreachable : StkResult.noResponse, by);
  }

  /** Ends the prompt with any result code (fault rules and configured outcomes). */
  resolve(id: string, result: ResultCodeEntry, by: Decision['by']): TransactionView {
    const t = this.#pending(id);
    return result.code === 0 ? this.#pay(t, by) : this.#finish(t, result, by);
  }

  /** After a restart: plans again every prompt that was still open. */
  recover(): void {
    const windowMs = this.deps.settings.current.stk.duplicateWindowSeconds * 1000;
    for (const t of this.deps.transactions.values()) {
      if (t.type === 'stk' && t.status === 'pending') this.#plan(t, true);
      if (t.type === 'stk' && t.receipt !== undefined && t.decision)
        this.#recent.record(t, t.partyB ?? t.shortcode, t.decision.at, windowMs);
    }
  }

  clear(): void {
    this.#jobs.clear();
    this.#openByPhone.clear();
    this.#recent.clear();
  }

  #plan(t: TransactionView, recovering: boolean): void {
    const { scheduler, ledger, settings } = this.deps;
    const stk = settings.current.stk;
    const customer = ledger.customer(t.phone ?? '');
    const override = this.deps.outcomeOverride?.(t, recovering);
    const planned: PlannedOutcome =
      override?.outcome ?? outcomeFor(t.phone ?? '', customer?.offline ?? false, stk);
    const unreachable = planned.kind === 'unreachable';
    if (!recovering && (override?.rules.length || unreachable)) {
      this.deps.transactions.put({
        ...t,
        ...(override?.rules.length ? { rules: [...(t.rules ?? []), ...override.rules] } : {}),
        ...(unreachable ? { unreachable: true as const } : {}),
      });
    }
    const by: Decision['by'] = override?.outcome ? override.by : 'auto';
    const expiresAt = t.expiresAt ?? scheduler.clock.now();
    const jobs = [
      scheduler.at(expiresAt, `stk timeout ${t.id}`, () =>
        this.#ifPending(t.id, () =>
          unreachable
            ? this.#finish(this.#pending(t.id), StkResult.unreachable, 'timeout')
            : this.timeout(t.id),
        ),
      ),
    ];
    if (planned.kind !== 'wait' && !unreachable) {
      const delayMs = override?.decisionDelayMs ?? stk.decisionDelayMs;
      const at = Math.max(scheduler.clock.now(), t.createdAt + delayMs);
      jobs.push(
        scheduler.at(at, `stk decision ${t.id}`, () =>
          this.#ifPending(t.id, () => {
            if (planned.kind === 'accept') this.#pay(this.#pending(t.id), by);
            else if (planned.kind === 'wrong-pin') this.#finish(this.#pending(t.id), StkResult.wrongPin, by);
            else this.resolve(t.id, planned.result, by);
          }),
        ),
      );
    }
    this.#jobs.set(t.id, jobs);
    if (t.phone) this.#openByPhone.set(t.phone, t.id);
  }

  #pay(t: TransactionView, by: Decision['by']): TransactionView {
    const charged = chargeForPrompt(this.deps, t, this.#recent);
    if (!('receipt' in charged)) return this.#finish(t, charged.refused, by);
    // The payment's own conversation in M-Pesa, which Transaction Status reports (SPEC 8).
    const conversationId = this.deps.ids.conversationId(this.deps.scheduler.clock.now());
    return this.#finish(t, StkResult.success, by, { receipt: charged.receipt, conversationId });
  }

  /** Ends the prompt; `paid` names the payment of a successful one (its fields follow the prompt's own). */
  #finish(t: TransactionView, result: ResultCodeEntry, by: Decision['by'], paid?: Paid): TransactionView {
    const { scheduler, transactions, outbox, settings } = this.deps;
    const now = scheduler.clock.now();
    for (const job of this.#jobs.get(t.id) ?? []) scheduler.cancel(job);
    this.#jobs.delete(t.id);
    if (t.phone && this.#openByPhone.get(t.phone) === t.id) this.#openByPhone.delete(t.phone);
    // One copy of the prompt: the delivery's id is added to it once the callback is enqueued.
    const done: TransactionView = {
      ...t,
      ...paid,
      status: result.code === 0 ? 'completed' : 'failed',
      updatedAt: now,
      resultCode: result.code,
      resultDesc: result.desc,
      decision: { at: now, by, resultCode: result.code, resultDesc: result.desc },
    };
    if (result.code === StkResult.wrongPin.code) {
      this.deps.messages.send(t.phone ?? '', failedSms('You have entered the wrong PIN.'), t.id);
    }
    const delivery = outbox.enqueue({
      kind: 'stk-callback',
      url: t.callbackUrl ?? '',
      body: stkCallbackBody(done, now),
      transactionId: t.id,
      delayMs: settings.current.stk.callbackDelayMs,
    });
    done.deliveries = [...t.deliveries, delivery.id];
    transactions.put(done);
    return done;
  }

  /**
   * The id carries the time to the millisecond and the phone; two pushes to one phone in the same
   * millisecond (common on a manual clock) take the next free millisecond so that neither is overwritten.
   */
  #freshCheckoutId(now: number, phone: string): string {
    let id = this.deps.ids.checkoutRequestId(now, phone);
    for (let step = 1; this.deps.transactions.get(id); step++)
      id = this.deps.ids.checkoutRequestId(now + step, phone);
    return id;
  }

  #pending(id: string): TransactionView {
    const t = this.deps.transactions.get(id);
    if (!t || t.type !== 'stk') throw new StkStateError('not_found', `No STK transaction ${id}.`);
    if (t.status !== 'pending')
      throw new StkStateError('not_pending', `STK transaction ${id} is already ${t.status}.`);
    return t;
  }

  #reachable(t: TransactionView): TransactionView {
    return answerable(t, this.deps.ledger.customer(t.phone ?? '')?.offline ?? false);
  }

  #ifPending(id: string, run: () => void): void {
    if (this.deps.transactions.get(id)?.status === 'pending') run();
  }

  #openPromptFor(phone: string): boolean {
    const id = this.#openByPhone.get(phone);
    return id !== undefined && this.deps.transactions.get(id)?.status === 'pending';
  }
}
