/**
 * Emulates B2B Express Checkout: a vendor's USSD push to a merchant's till. The prompt rings on the till's
 * nominated phone; the operator enters the PIN and confirms (or cancels, or lets it time out); M-Pesa then
 * moves the money from the till's Merchant Account to the vendor and calls `callbackUrl` back. Simplified:
 * the operator's PIN is the PIN of the nominated phone's M-Pesa customer; no B2B charges are taken; the
 * prompt's timeout is the STK PIN timeout (`stk.pinTimeoutMs`) and ends with 1037 (not documented).
 */
import {
  B2B_EXPRESS_CHECKOUT_ACK,
  DarajaErrors,
  ExpressCheckoutResult,
  type B2bExpressCheckoutAck,
  type ResultCodeEntry,
} from 'daraja-client/wire';
import type { Decision, TransactionView } from 'daraja-client/emulator';
import { DarajaError } from '../../http/daraja-error.js';
import type { Ledger } from '../../ledger/ledger.js';
import type { Journal } from '../../journal/journal.js';
import type { Transactions } from '../../ledger/transactions.js';
import type { Messages } from '../../ledger/messages.js';
import type { Outbox } from '../../callbacks/outbox.js';
import type { Scheduler } from '../../time/scheduler.js';
import type { IdFactory } from '../../ids/ids.js';
import type { SettingsHolder } from '../../config/settings-holder.js';
import { addCustomer } from '../../ledger/seed.js';
import { failedSms } from '../../ledger/sms-text.js';
import { maskSecrets } from '../../journal/mask.js';
import { answerable, StkStateError } from '../stk-push/stk-state-error.js';
import { expressCheckoutCallbackBody } from './callback.js';
import { payVendor } from './pay-vendor.js';
import type { ExpressCheckoutInput } from './validate.js';

export interface ExpressCheckoutDeps {
  ledger: Ledger;
  transactions: Transactions;
  messages: Messages;
  outbox: Outbox;
  scheduler: Scheduler;
  ids: IdFactory;
  settings: SettingsHolder;
  journal: Journal;
}

const TYPE = 'b2b-express-checkout';
/** Opening wallet of a nominated phone the emulator has not seen before. */
const NEW_OPERATOR = { name: 'Till operator', pin: '1234', balance: 0 };

export class ExpressCheckoutService {
  readonly #timeouts = new Map<string, number>();

  constructor(private readonly deps: ExpressCheckoutDeps) {}

  /** Accepts a validated push: checks the till, its nominated phone and the vendor, then rings the phone. */
  push(
    input: ExpressCheckoutInput,
    rawBody: unknown,
    appId: string | undefined,
    notes: string[],
  ): { ack: B2bExpressCheckoutAck; transaction: TransactionView } {
    const { ledger, transactions, ids, scheduler, settings } = this.deps;
    const now = scheduler.clock.now();
    const till = ledger.org(input.till);
    if (!till || till.kind !== 'till') {
      throw new DarajaError(
        DarajaErrors.invalidField('primaryShortCode'),
        till
          ? `primaryShortCode: ${input.till} is a ${till.kind}; B2B Express Checkout charges a till (Buy Goods shortcode).`
          : `primaryShortCode: no till ${input.till} in this emulator.`,
      );
    }
    const phone = till.nominatedNumber;
    if (!phone) {
      throw new DarajaError(
        DarajaErrors.invalidField('primaryShortCode'),
        `primaryShortCode: till ${input.till} has no nominated number, so no operator can get the prompt; set one with PUT /_emulator/express-checkout/tills/${input.till}/operator or "nominatedNumber" in the world config.`,
      );
    }
    if (!ledger.org(input.receiver)) {
      throw new DarajaError(
        DarajaErrors.invalidField('receiverShortCode'),
        `receiverShortCode: no paybill or till ${input.receiver} in this emulator.`,
      );
    }
    if (this.#openPromptOn(phone)) {
      throw new DarajaError(
        DarajaErrors.subscriberLocked,
        `The till's nominated phone ${phone} already has an Express Checkout prompt open; it takes one at a time.`,
      );
    }
    if (!ledger.customer(phone)) {
      addCustomer(ledger, { msisdn: phone, ...NEW_OPERATOR });
      notes.push(
        `${phone} (till ${input.till}'s nominated number) was not a known phone; the emulator added it with PIN ${NEW_OPERATOR.pin}.`,
      );
    }
    const transaction: TransactionView = {
      id: ids.conversationId(now),
      type: TYPE,
      status: 'pending',
      createdAt: now,
      updatedAt: now,
      ...(appId ? { appId } : {}),
      shortcode: input.till,
      partyB: input.receiver,
      phone,
      amount: input.amount,
      accountReference: input.paymentRef,
      description: input.partnerName,
      originatorConversationId: input.requestRefId,
      callbackUrl: input.callbackUrl,
      expiresAt: now + settings.current.stk.pinTimeoutMs,
      request: maskSecrets(rawBody),
      response: B2B_EXPRESS_CHECKOUT_ACK,
      deliveries: [],
    };
    transaction.conversationId = transaction.id;
    const offline = ledger.customer(phone)?.offline ?? false;
    if (offline) {
      transaction.unreachable = true;
      notes.push(
        `The nominated phone ${phone} is offline: the prompt cannot reach it and ends with ${ExpressCheckoutResult.noResponse.code} at its timeout.`,
      );
    }
    transactions.put(transaction);
    this.#plan(transaction);
    return { ack: B2B_EXPRESS_CHECKOUT_ACK, transaction };
  }

  /** The operator typed the PIN and confirmed. */
  accept(id: string, pin: string, by: Decision['by'] = 'phone'): TransactionView {
    const t = this.#reachable(this.#pending(id));
    const operator = this.deps.ledger.customer(t.phone ?? '');
    if (!operator || operator.pin !== pin) {
      this.deps.messages.send(t.phone ?? '', failedSms('You have entered the wrong PIN.'), t.id);
      return this.#finish(t, ExpressCheckoutResult.wrongPin, by);
    }
    const paid = payVendor(this.deps, t);
    if ('refused' in paid) {
      this.deps.journal.explain(t.id, `When the operator confirmed: ${paid.why}`);
      return this.#finish(t, paid.refused, by);
    }
    return this.#finish({ ...t, receipt: paid.receipt }, ExpressCheckoutResult.success, by);
  }

  /** The operator pressed Cancel. */
  decline(id: string, by: Decision['by'] = 'phone'): TransactionView {
    return this.#finish(this.#reachable(this.#pending(id)), ExpressCheckoutResult.cancelled, by);
  }

  /** Nobody answered before the timeout. */
  timeout(id: string, by: Decision['by'] = 'timeout'): TransactionView {
    return this.#finish(this.#pending(id), ExpressCheckoutResult.noResponse, by);
  }

  /** After a restart: schedules the timeout of every prompt still open. */
  recover(): void {
    for (const t of this.deps.transactions.values())
      if (t.type === TYPE && t.status === 'pending') this.#plan(t);
  }

  clear(): void {
    this.#timeouts.clear();
  }

  #plan(t: TransactionView): void {
    const { scheduler } = this.deps;
    const at = t.expiresAt ?? scheduler.clock.now();
    const job = scheduler.at(at, `express checkout timeout ${t.id}`, () => {
      if (this.deps.transactions.get(t.id)?.status === 'pending') this.timeout(t.id);
    });
    this.#timeouts.set(t.id, job);
  }

  #finish(t: TransactionView, result: ResultCodeEntry, by: Decision['by']): TransactionView {
    const { scheduler, transactions, outbox, settings } = this.deps;
    const now = scheduler.clock.now();
    const job = this.#timeouts.get(t.id);
    if (job !== undefined) scheduler.cancel(job);
    this.#timeouts.delete(t.id);
    const done: TransactionView = {
      ...t,
      status: result.code === ExpressCheckoutResult.success.code ? 'completed' : 'failed',
      updatedAt: now,
      resultCode: result.code,
      resultDesc: result.desc,
      decision: { at: now, by, resultCode: result.code, resultDesc: result.desc },
    };
    const delivery = outbox.enqueue({
      kind: 'express-checkout-callback',
      url: t.callbackUrl ?? '',
      body: expressCheckoutCallbackBody(done),
      transactionId: t.id,
      delayMs: settings.current.stk.callbackDelayMs,
    });
    const withDelivery = { ...done, deliveries: [...done.deliveries, delivery.id] };
    transactions.put(withDelivery);
    return withDelivery;
  }

  #pending(id: string): TransactionView {
    const t = this.deps.transactions.get(id);
    if (!t || t.type !== TYPE) throw new StkStateError('not_found', `No Express Checkout prompt ${id}.`);
    if (t.status !== 'pending')
      throw new StkStateError('not_pending', `Express Checkout prompt ${id} is already ${t.status}.`);
    return t;
  }

  #reachable(t: TransactionView): TransactionView {
    return answerable(t, this.deps.ledger.customer(t.phone ?? '')?.offline ?? false);
  }

  #openPromptOn(phone: string): boolean {
    for (const id of this.#timeouts.keys()) {
      const t = this.deps.transactions.get(id);
      if (t?.status === 'pending' && t.phone === phone) return true;
    }
    return false;
  }
}
