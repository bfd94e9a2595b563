/**
 * Emulates Bill Manager: opt-in of a paybill (or till), invoices sent to customers by SMS (one or up to
 * 1000 at a time; sending an unpaid invoice's externalReference again updates it), cancelling unpaid
 * invoices, the push of every payment made against an invoice's account reference to the biller's
 * callbackurl (retried, unlike other callbacks), and the biller's reconciliation, which sends the customer
 * an e-receipt. Payments themselves are ordinary C2B payments (phone, simulate), so the shortcode's C2B
 * confirmation still goes out. Simplified: reminders before the due date are not sent; the logo is kept
 * as given.
 */
import {
  BillManagerAnswers,
  DarajaErrors,
  type BillManagerAnswer,
  type BillManagerOptInResponse,
  type BillManagerPayment,
} from 'daraja-client/wire';
import type { InvoiceView, TransactionView } from 'daraja-client/emulator';
import { DarajaError } from '../../http/daraja-error.js';
import type { Ledger } from '../../ledger/ledger.js';
import type { Messages } from '../../ledger/messages.js';
import type { Outbox } from '../../callbacks/outbox.js';
import type { Clock } from '../../time/clock.js';
import type { IdFactory } from '../../ids/ids.js';
import type { SettingsHolder } from '../../config/settings-holder.js';
import type { EventBus } from '../../events/event-bus.js';
import { eatTimestamp } from '../../time/eat.js';
import { BillBook, invoiceId, type BillerRecord } from './records.js';
import { cancelledSms, invoiceSms, receiptSms } from './sms.js';
import type { InvoiceInput, OptInInput, ReconciliationInput } from './validate.js';
import { admitWalkIn } from '../../ledger/walk-in.js';

export interface BillManagerDeps {
  ledger: Ledger;
  messages: Messages;
  outbox: Outbox;
  clock: Clock;
  ids: IdFactory;
  settings: SettingsHolder;
  /** Completed customer payments arrive here as transaction events. */
  events: EventBus;
  book: BillBook;
}

export class BillManagerService {
  constructor(private readonly deps: BillManagerDeps) {
    deps.events.on(
      (event) => {
        if (event.type === 'transaction') this.#paid(event.transaction);
      },
      ['transaction'],
    );
  }

  optIn(
    input: OptInInput,
    appId: string | undefined,
    notes: string[],
  ): BillManagerOptInResponse | BillManagerAnswer {
    const { ledger, book, clock } = this.deps;
    const org = ledger.org(input.shortcode);
    if (!org || org.kind === 'b2c') {
      throw new DarajaError(
        DarajaErrors.invalidField('shortcode'),
        `shortcode: ${input.shortcode} is not a paybill or till in this emulator (GET /_emulator/shortcodes lists them).`,
      );
    }
    const existing = book.billers.get(input.shortcode);
    if (existing) {
      notes.push(
        `${input.shortcode} is already opted in (app_key ${existing.appKey}); change its details with /change-optin-details.`,
      );
      return { resmsg: 'Biller already Registered', rescode: '409' };
    }
    const appKey = `AG_${this.deps.ids.numericId(10)}_${this.deps.ids.numericId(9)}KJ`;
    book.billers.put({
      id: input.shortcode,
      shortcode: input.shortcode,
      email: input.email,
      officialContact: input.officialContact,
      sendReminders: input.sendReminders,
      callbackUrl: input.callbackUrl,
      appKey,
      optedInAt: clock.now(),
      ...(input.logo ? { logo: input.logo } : {}),
      ...(appId ? { appId } : {}),
    });
    return { app_key: appKey, ...BillManagerAnswers.success };
  }

  /** The biller an `appKey` header names; Bill Manager's calls after opt-in need one. */
  biller(appKey: string | undefined): BillerRecord {
    const biller = appKey ? this.deps.book.billerByKey(appKey) : undefined;
    if (!biller) {
      throw new DarajaError(
        DarajaErrors.invalidField('appKey'),
        appKey
          ? `appKey: ${appKey} is not the app_key of any opted-in shortcode.`
          : 'appKey: the header is missing; send the app_key that /optin answered as the "appKey" header.',
      );
    }
    return biller;
  }

  changeOptIn(biller: BillerRecord, input: OptInInput, notes: string[]): BillManagerAnswer {
    if (input.shortcode !== biller.shortcode)
      notes.push(
        `The body names shortcode ${input.shortcode}; the appKey is ${biller.shortcode}'s, which was updated.`,
      );
    const { logo: _old, ...rest } = biller;
    this.deps.book.billers.put({
      ...rest,
      email: input.email,
      officialContact: input.officialContact,
      sendReminders: input.sendReminders,
      callbackUrl: input.callbackUrl,
      ...(input.logo ? { logo: input.logo } : {}),
    });
    return { ...BillManagerAnswers.success };
  }

  /** Sends (or updates) invoices; refuses the whole call if any of them is paid already. */
  sendInvoices(biller: BillerRecord, inputs: InvoiceInput[], notes: string[]): BillManagerAnswer {
    const { book, clock, ledger, messages } = this.deps;
    const owing = inputs.filter((i) => {
      const existing = book.invoice(biller.shortcode, i.externalReference);
      return existing && existing.status !== 'unpaid';
    });
    if (owing.length > 0) {
      notes.push(
        `Invoice(s) ${owing.map((i) => i.externalReference).join(', ')} are paid, partly paid or cancelled and cannot be sent again.`,
      );
      return {
        Status_Message: 'partially or fully paid invoices cannot be updated.',
        resmsg: 'Conflict',
        rescode: '409',
        errors: owing.map((i) => ({ externalReference: i.externalReference })),
      };
    }
    const now = clock.now();
    const name = ledger.org(biller.shortcode)?.name ?? biller.shortcode;
    for (const input of inputs) {
      const id = invoiceId(biller.shortcode, input.externalReference);
      const previous = book.invoices.get(id);
      const walkIn = admitWalkIn(ledger, input.msisdn, input.billedFullName);
      if (walkIn) notes.push(walkIn);
      const invoice: InvoiceView = {
        id,
        shortcode: biller.shortcode,
        billerName: name,
        ...input,
        paidAmount: 0,
        status: 'unpaid',
        createdAt: previous?.createdAt ?? now,
        updatedAt: now,
        payments: [],
        reconciled: [],
      };
      book.invoices.put(invoice);
      messages.send(input.msisdn, invoiceSms(invoice, previous !== undefined));
    }
    if (inputs.length > 1) notes.push(`${inputs.length} invoices sent.`);
    return { ...BillManagerAnswers.invoiceSent };
  }

  /** Cancels unpaid invoices; paid or partly paid ones are refused with 409, unknown ones with 404. */
  cancel(biller: BillerRecord, refs: string[], bulk: boolean, notes: string[]): BillManagerAnswer {
    const { book, clock, messages } = this.deps;
    const errors: { externalReference: string; reason: string }[] = [];
    for (const ref of refs) {
      const invoice = book.invoice(biller.shortcode, ref);
      if (!invoice) errors.push({ externalReference: ref, reason: 'not found' });
      else if (invoice.status === 'paid' || invoice.status === 'partially-paid')
        errors.push({ externalReference: ref, reason: invoice.status });
      else if (invoice.status !== 'cancelled') {
        const cancelled: InvoiceView = { ...invoice, status: 'cancelled', updatedAt: clock.now() };
        book.invoices.put(cancelled);
        messages.send(invoice.msisdn, cancelledSms(cancelled));
      }
    }
    if (errors.length === 0) return { ...BillManagerAnswers.cancelled, errors: [] };
    notes.push(...errors.map((e) => `Invoice ${e.externalReference}: ${e.reason}.`));
    // The published single-cancel answers carry an empty list; a bulk call says which invoices failed.
    const listed = bulk ? errors : [];
    if (errors.every((e) => e.reason === 'not found'))
      return { Status_Message: 'Invoice not found.', resmsg: 'Not Found', rescode: '404', errors: listed };
    return { ...BillManagerAnswers.paidNotCancellable, errors: listed };
  }

  /** The biller acknowledges a payment: M-Pesa sends the customer an e-receipt. */
  reconcile(biller: BillerRecord, input: ReconciliationInput, notes: string[]): BillManagerAnswer {
    const { book, messages } = this.deps;
    const payment = book.payments.get(input.transactionId);
    if (!payment || payment.shortcode !== biller.shortcode) {
      notes.push(`transactionId ${input.transactionId} is not a payment pushed to ${biller.shortcode}.`);
      return { Status_Message: 'Transaction not found.', resmsg: 'Not Found', rescode: '404' };
    }
    const invoice = book.invoices.get(payment.invoiceId);
    if (invoice && invoice.externalReference !== input.externalReference)
      notes.push(
        `The payment was matched to invoice ${invoice.externalReference}; the reconciliation names ${input.externalReference}.`,
      );
    if (payment.reconciled) notes.push(`${payment.id} was reconciled before; the e-receipt is sent again.`);
    book.payments.put({ ...payment, reconciled: true });
    if (invoice) {
      book.invoices.put({
        ...invoice,
        reconciled: [...new Set([...invoice.reconciled, payment.id])],
        updatedAt: this.deps.clock.now(),
      });
      messages.send(payment.msisdn, receiptSms(invoice, payment), payment.id);
    }
    return { ...BillManagerAnswers.success };
  }

  /** A completed customer payment to an opted-in shortcode against an invoice's account reference. */
  #paid(t: TransactionView): void {
    if (t.type !== 'c2b' || t.status !== 'completed' || !t.accountReference || !t.phone) return;
    const { book, outbox, settings, clock } = this.deps;
    const biller = book.billers.get(t.shortcode);
    if (!biller || book.payments.get(t.id)) return;
    const invoice = book.invoiceFor(t.shortcode, t.accountReference);
    if (!invoice) return;
    const amount = t.amount ?? 0;
    book.payments.put({
      id: t.id,
      invoiceId: invoice.id,
      shortcode: t.shortcode,
      amount,
      msisdn: t.phone,
      at: t.updatedAt,
      reconciled: false,
    });
    const paidAmount = invoice.paidAmount + amount;
    book.invoices.put({
      ...invoice,
      paidAmount,
      status: paidAmount >= invoice.amount ? 'paid' : 'partially-paid',
      payments: [...invoice.payments, t.id],
      updatedAt: clock.now(),
    });
    const stamp = eatTimestamp(t.updatedAt);
    const body: BillManagerPayment = {
      transactionId: t.id,
      paidAmount: String(amount),
      msisdn: t.phone,
      dateCreated: `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}`,
      accountReference: t.accountReference,
      shortCode: t.shortcode,
    };
    const billManager = settings.current.billManager;
    outbox.enqueue({
      kind: 'bill-payment',
      url: biller.callbackUrl,
      body,
      transactionId: t.id,
      delayMs: billManager.paymentDelayMs,
      retries: billManager.paymentRetries,
    });
  }
}
