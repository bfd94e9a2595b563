import type { TransactionView } from 'daraja-client/emulator';
import type { Ledger } from '../../ledger/ledger.js';
import type { Transactions } from '../../ledger/transactions.js';
import type { Messages } from '../../ledger/messages.js';
import type { Outbox } from '../../callbacks/outbox.js';
import type { Clock } from '../../time/clock.js';
import type { IdFactory } from '../../ids/ids.js';
import type { SettingsHolder } from '../../config/settings-holder.js';
import { toShillings } from '../../ledger/records.js';
import { payBusiness } from '../../ledger/pay-business.js';
import { walletLimit } from '../../ledger/wallet-limits.js';
import { failedSms, ksh, paidBusinessSms } from '../../ledger/sms-text.js';
import type { Registrations } from '../c2b/registrations.js';
import { notificationBody } from '../c2b/notification.js';
import { msisdnForm } from '../c2b/msisdn-format.js';
import type { StoredOrder } from './orders.js';

export interface DebitDeps {
  ledger: Ledger;
  transactions: Transactions;
  messages: Messages;
  outbox: Outbox;
  clock: Clock;
  ids: IdFactory;
  settings: SettingsHolder;
  /** The shortcodes' C2B URLs: a debit is a customer payment and is confirmed like one. */
  registrations: Registrations;
}

/**
 * One execution of a standing order: the customer's wallet pays the paybill or till (with its wallet
 * limits and the Pay Bill charges, as any customer payment), the customer gets M-Pesa's SMS, and the
 * receiving shortcode's C2B confirmation URL hears of it (`ratiba.debitNotice`). A wallet that cannot pay
 * fails this execution only; the order stays active. Returns the debit's transaction.
 */
export function runDebit(deps: DebitDeps, order: StoredOrder): TransactionView {
  const { ledger, transactions, messages, clock, ids, settings } = deps;
  const now = clock.now();
  const receipt = ids.receipt(now);
  const base: TransactionView = {
    id: receipt,
    type: 'standing-order-debit',
    status: 'pending',
    createdAt: now,
    updatedAt: now,
    ...(order.appId ? { appId: order.appId } : {}),
    shortcode: order.shortcode,
    phone: order.msisdn,
    amount: order.amount,
    accountReference: order.accountReference,
    description: `Standing order ${order.name} (${order.id})`,
    originalTransactionId: order.transactionId,
    request: { standingOrder: order.id, execution: order.nextIndex },
    response: null,
    deliveries: [],
  };
  const fail = (desc: string, sms: string): TransactionView => {
    messages.send(order.msisdn, failedSms(sms), receipt);
    const failed: TransactionView = {
      ...base,
      status: 'failed',
      resultCode: 1,
      resultDesc: desc,
      decision: { at: now, by: 'auto', resultCode: 1, resultDesc: desc },
    };
    transactions.put(failed);
    return failed;
  };
  const org = ledger.org(order.shortcode);
  if (!org)
    return fail(
      'The receiving shortcode no longer exists',
      `Standing order ${order.name} could not be paid.`,
    );
  const money = settings.current.money;
  const limit = walletLimit(ledger, money, {
    msisdn: order.msisdn,
    amount: order.amount,
    direction: 'pays',
    now,
  });
  if (limit) return fail(limit.why, limit.sms);
  const moved = payBusiness(ledger, money, {
    msisdn: order.msisdn,
    org,
    amount: order.amount,
    reason: `Standing order ${order.name}`,
    transactionId: receipt,
    receipt,
  });
  if (!moved.ok) {
    return fail(
      'The balance is insufficient for the transaction',
      `Insufficient funds in your M-PESA account to pay ${ksh(order.amount)} to ${org.name} for standing order ${order.name}.`,
    );
  }
  const balance = toShillings(ledger.customer(order.msisdn)?.balanceCents ?? 0);
  messages.send(
    order.msisdn,
    paidBusinessSms({
      receipt,
      amount: order.amount,
      business: org.name,
      account: order.accountReference,
      at: now,
      balance,
      cost: moved.customerChargeKsh,
    }),
    receipt,
  );
  const paid: TransactionView = {
    ...base,
    status: 'completed',
    receipt,
    resultCode: 0,
    resultDesc: 'The service request is processed successfully.',
    decision: {
      at: now,
      by: 'auto',
      resultCode: 0,
      resultDesc: 'The service request is processed successfully.',
    },
  };
  transactions.put(paid);
  return confirm(deps, paid, org.kind === 'till' ? 'till' : 'paybill');
}

/** Sends the receiving shortcode's C2B confirmation for a debit, when it registered URLs. */
function confirm(deps: DebitDeps, t: TransactionView, kind: 'paybill' | 'till'): TransactionView {
  const { ledger, outbox, settings, registrations, transactions } = deps;
  const registration = registrations.get(t.shortcode);
  if (settings.current.ratiba.debitNotice === 'none' || !registration) return t;
  const account = kind === 'till' ? 'Merchant Account' : 'Utility Account';
  const orgBalance = toShillings(ledger.balanceCents({ type: 'org', shortcode: t.shortcode, account }) ?? 0);
  const delivery = outbox.enqueue({
    kind: 'c2b-confirmation',
    url: registration.confirmationUrl,
    body: notificationBody(
      {
        transactionType: kind === 'till' ? 'Buy Goods' : 'Pay Bill',
        transId: t.id,
        at: t.createdAt,
        amount: t.amount ?? 0,
        shortcode: t.shortcode,
        billRefNumber: t.accountReference ?? '',
        msisdn: t.phone ?? '',
        msisdnForm: msisdnForm(registration.version, settings.current.c2b.msisdnFormat),
        customerName: ledger.customer(t.phone ?? '')?.name ?? '',
      },
      { kind: 'confirmation', balance: orgBalance, thirdPartyTransId: '' },
    ),
    transactionId: t.id,
    delayMs: settings.current.c2b.confirmationDelayMs,
  });
  const withDelivery = { ...t, deliveries: [delivery.id] };
  transactions.put(withDelivery);
  return withDelivery;
}
