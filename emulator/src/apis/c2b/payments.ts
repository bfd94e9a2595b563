/**
 * Emulates a customer paying a paybill or till (Pay Bill / Buy Goods), whether the payment comes from the
 * phone (control API) or from C2B simulate: the PIN and wallet checks, external validation (when enabled
 * for the shortcode and a ValidationURL is registered) with its deadline and the ResponseType default,
 * the customer's wallet limits and the Pay Bill charges (`money.*`), the ledger movement, the customer's
 * SMS and the confirmation. Simplified: the merchant's own SMS is not shown.
 */
import type { C2BResponseType, ResultCodeEntry } from 'daraja-client/wire';
import type { C2bVersion, Decision, DeliveryView, TransactionView } from 'daraja-client/emulator';
import type { Ledger } from '../../ledger/ledger.js';
import { toCents, toShillings, type OrgRecord } from '../../ledger/records.js';
import { payBusiness } from '../../ledger/pay-business.js';
import { paybillCharges } from '../../ledger/tariffs.js';
import { walletLimit } from '../../ledger/wallet-limits.js';
import { failedSms, ksh, paidBusinessSms } from '../../ledger/sms-text.js';
import type { Transactions } from '../../ledger/transactions.js';
import type { Messages } from '../../ledger/messages.js';
import type { Outbox } from '../../callbacks/outbox.js';
import type { Clock } from '../../time/clock.js';
import type { IdFactory } from '../../ids/ids.js';
import type { SettingsHolder } from '../../config/settings-holder.js';
import type { Collection, Store } from '../../store/store.js';
import type { Registrations } from './registrations.js';
import { notificationBody, type NotificationInput } from './notification.js';
import { msisdnForm } from './msisdn-format.js';
import { readValidationAnswer } from './validation-answer.js';
import { C2bResult } from './results.js';

export interface PaymentDeps {
  ledger: Ledger;
  transactions: Transactions;
  messages: Messages;
  outbox: Outbox;
  clock: Clock;
  ids: IdFactory;
  settings: SettingsHolder;
  registrations: Registrations;
  store: Store;
}

/** A payment to start; the caller has checked that the shortcode and the customer exist. */
export interface PaymentRequest {
  shortcode: string;
  msisdn: string;
  amount: number;
  billRefNumber: string;
  transactionType: 'Pay Bill' | 'Buy Goods';
  by: Decision['by'];
  pin?: string;
  appId?: string;
  request: unknown;
  response: unknown;
  conversationId?: string;
  originatorConversationId?: string;
  /** The journal's explanation of the request, when a Daraja request started the payment. */
  notes?: string[];
}

/** What a payment waiting for validation needs later: the registration as it was when the payment began. */
interface PendingRecord {
  id: string;
  version: C2bVersion;
  responseType: C2BResponseType;
  confirmationUrl: string;
}

const VALIDATION_HOOK = 'c2b-validation';

export class C2bPayments {
  readonly #pending: Collection<PendingRecord>;

  constructor(private readonly deps: PaymentDeps) {
    this.#pending = deps.store.collection<PendingRecord>('c2b-pending', { cap: 100_000 });
    deps.outbox.onSettled(VALIDATION_HOOK, (d) => this.#validated(d));
  }

  /** Runs the synchronous part of a payment and returns the transaction (pending while validation runs). */
  start(req: PaymentRequest): TransactionView {
    const { ledger, clock, ids, registrations, settings, outbox, transactions } = this.deps;
    const now = clock.now();
    const org = ledger.org(req.shortcode) as OrgRecord;
    const customer = ledger.customer(req.msisdn);
    const t: TransactionView = {
      id: ids.receipt(now),
      type: 'c2b',
      status: 'pending',
      createdAt: now,
      updatedAt: now,
      ...(req.appId ? { appId: req.appId } : {}),
      shortcode: req.shortcode,
      phone: req.msisdn,
      amount: req.amount,
      ...(req.billRefNumber ? { accountReference: req.billRefNumber } : {}),
      description: req.transactionType,
      ...(req.conversationId ? { conversationId: req.conversationId } : {}),
      ...(req.originatorConversationId ? { originatorConversationId: req.originatorConversationId } : {}),
      request: req.request,
      response: req.response,
      deliveries: [],
    };
    if (req.pin !== undefined && customer?.pin !== req.pin) {
      this.deps.messages.send(req.msisdn, failedSms('You have entered the wrong PIN.'), t.id);
      return this.#finish(t, C2bResult.wrongPin, req.by);
    }
    const money = settings.current.money;
    const charge = org.kind === 'till' ? 0 : paybillCharges(req.amount, money).customer;
    if ((customer?.balanceCents ?? 0) < toCents(req.amount + charge))
      return this.#insufficient(t, org, req.by);
    const limit = walletLimit(ledger, money, {
      msisdn: req.msisdn,
      amount: req.amount,
      direction: 'pays',
      now,
    });
    if (limit) {
      req.notes?.push(limit.why);
      this.deps.messages.send(req.msisdn, failedSms(limit.sms), t.id);
      return this.#finish(t, limit.result, req.by);
    }
    const registration = registrations.get(req.shortcode);
    if (registration?.validationUrl && org.externalValidation) {
      this.#pending.put({
        id: t.id,
        version: registration.version,
        responseType: registration.responseType,
        confirmationUrl: registration.confirmationUrl,
      });
      const c2b = settings.current.c2b;
      // Stored before its callback is recorded: callback fault rules match on the transaction.
      transactions.put(t);
      const delivery = outbox.enqueue({
        kind: 'c2b-validation',
        url: registration.validationUrl,
        body: notificationBody(this.#notice(t, registration.version), { kind: 'validation' }),
        transactionId: t.id,
        delayMs: c2b.validationDelayMs,
        onSettled: VALIDATION_HOOK,
        timeoutMs: c2b.validationTimeoutMs,
        retries: 0,
      });
      const waiting = { ...t, deliveries: [delivery.id] };
      transactions.put(waiting);
      return waiting;
    }
    const target = registration
      ? { version: registration.version, confirmationUrl: registration.confirmationUrl }
      : undefined;
    return this.#complete(t, target, '', req.by);
  }

  /** The validation delivery settled: accept, reject, or apply the registered default action. */
  #validated(d: DeliveryView): void {
    const t = d.transactionId ? this.deps.transactions.get(d.transactionId) : undefined;
    const pending = t ? this.#pending.get(t.id) : undefined;
    if (!t || t.type !== 'c2b' || t.status !== 'pending' || !pending) return;
    this.#pending.delete(t.id);
    const answer = readValidationAnswer(d, this.deps.settings.current.c2b.validationTimeoutMs);
    const target = { version: pending.version, confirmationUrl: pending.confirmationUrl };
    if (answer.kind === 'accept') {
      this.#complete(t, target, answer.thirdPartyTransId, 'auto');
    } else if (answer.kind === 'reject') {
      const org = this.deps.ledger.org(t.shortcode);
      const account = t.accountReference ? ` for account ${t.accountReference}` : '';
      this.deps.messages.send(
        t.phone ?? '',
        failedSms(
          `${org?.name ?? t.shortcode} did not accept your payment of ${ksh(t.amount ?? 0)}${account}: ${answer.desc}.`,
        ),
        t.id,
      );
      this.#finish(t, { code: answer.code, desc: answer.desc }, 'auto');
    } else if (pending.responseType === 'Completed') {
      this.#complete(
        t,
        target,
        '',
        'timeout',
        `No validation answer (${answer.reason}); ResponseType Completed let the payment through.`,
      );
    } else {
      this.deps.messages.send(
        t.phone ?? '',
        failedSms(
          `Your payment of ${ksh(t.amount ?? 0)} to ${this.deps.ledger.org(t.shortcode)?.name ?? t.shortcode} could not be completed. Please try again later.`,
        ),
        t.id,
      );
      this.#finish(
        t,
        {
          ...C2bResult.validationUnanswered,
          desc: `${C2bResult.validationUnanswered.desc} (${answer.reason})`,
        },
        'timeout',
      );
    }
  }

  /** Moves the money, tells the customer, and sends the confirmation when URLs are registered. */
  #complete(
    t: TransactionView,
    target: { version: C2bVersion; confirmationUrl: string } | undefined,
    thirdPartyTransId: string,
    by: Decision['by'],
    note?: string,
  ): TransactionView {
    const { ledger, clock, messages, outbox, settings } = this.deps;
    const org = ledger.org(t.shortcode);
    if (!org) return this.#finish(t, C2bResult.unknownShortcode, by);
    const account = org.kind === 'till' ? 'Merchant Account' : 'Utility Account';
    const moved = payBusiness(ledger, settings.current.money, {
      msisdn: t.phone ?? '',
      org,
      amount: t.amount ?? 0,
      reason: `C2B ${t.description ?? 'payment'}`,
      transactionId: t.id,
      receipt: t.id,
    });
    if (!moved.ok) return this.#insufficient(t, org, by);
    const now = clock.now();
    const balance = toShillings(ledger.customer(t.phone ?? '')?.balanceCents ?? 0);
    messages.send(
      t.phone ?? '',
      paidBusinessSms({
        receipt: t.id,
        amount: t.amount ?? 0,
        business: org.name,
        account: t.accountReference,
        at: now,
        balance,
        cost: moved.customerChargeKsh,
      }),
      t.id,
    );
    const success = note
      ? { ...C2bResult.success, desc: `${C2bResult.success.desc} ${note}` }
      : C2bResult.success;
    // Stored before the confirmation is recorded: callback fault rules match on the transaction.
    const done = this.#finish({ ...t, receipt: t.id }, success, by);
    if (!target) return done;
    const orgBalance = toShillings(
      ledger.balanceCents({ type: 'org', shortcode: org.shortcode, account }) ?? 0,
    );
    const delivery = outbox.enqueue({
      kind: 'c2b-confirmation',
      url: target.confirmationUrl,
      body: notificationBody(this.#notice(t, target.version), {
        kind: 'confirmation',
        balance: orgBalance,
        thirdPartyTransId,
      }),
      transactionId: t.id,
      delayMs: settings.current.c2b.confirmationDelayMs,
    });
    const withDelivery = { ...done, deliveries: [...done.deliveries, delivery.id] };
    this.deps.transactions.put(withDelivery);
    return withDelivery;
  }

  #insufficient(t: TransactionView, org: OrgRecord, by: Decision['by']): TransactionView {
    this.deps.messages.send(
      t.phone ?? '',
      failedSms(`Insufficient funds in your M-PESA account to pay ${ksh(t.amount ?? 0)} to ${org.name}.`),
      t.id,
    );
    return this.#finish(t, C2bResult.insufficientFunds, by);
  }

  #finish(t: TransactionView, result: ResultCodeEntry, by: Decision['by']): TransactionView {
    const now = this.deps.clock.now();
    const done: TransactionView = {
      ...t,
      status: result.code === 0 ? 'completed' : 'failed',
      updatedAt: now,
      resultCode: result.code,
      resultDesc: result.desc,
      decision: { at: now, by, resultCode: result.code, resultDesc: result.desc },
    };
    this.deps.transactions.put(done);
    return done;
  }

  #notice(t: TransactionView, version: C2bVersion): NotificationInput {
    const customer = this.deps.ledger.customer(t.phone ?? '');
    return {
      transactionType: t.description === 'Buy Goods' ? 'Buy Goods' : 'Pay Bill',
      transId: t.id,
      at: t.createdAt,
      amount: t.amount ?? 0,
      shortcode: t.shortcode,
      billRefNumber: t.accountReference ?? '',
      msisdn: t.phone ?? '',
      msisdnForm: msisdnForm(version, this.deps.settings.current.c2b.msisdnFormat),
      customerName: customer?.name ?? '',
    };
  }
}
