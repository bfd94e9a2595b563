import { StkResult, type ResultCodeEntry } from 'daraja-client/wire';
import type { TransactionView } from 'daraja-client/emulator';
import { toShillings } from '../../ledger/records.js';
import { payBusiness } from '../../ledger/pay-business.js';
import { walletLimit } from '../../ledger/wallet-limits.js';
import { failedSms, paidBusinessSms } from '../../ledger/sms-text.js';
import type { StkDeps } from './service.js';
import { creditedOrg } from './credited-org.js';
import type { RecentPayments } from './recent-payments.js';

/** What charging a prompt did: the receipt of the payment, or the result that refused it. */
export type Charged = { receipt: string } | { refused: ResultCodeEntry };

/**
 * The customer accepted the prompt: checks the wallet limits (SPEC 15), moves the money from the wallet to
 * the paybill's Utility Account or the till's Merchant Account with the Pay Bill charges, and sends the
 * M-Pesa SMS, or says which result refuses the payment (the refusal's reason goes in the failure SMS).
 */
export function chargeForPrompt(deps: StkDeps, t: TransactionView, recent: RecentPayments): Charged {
  const { ledger, ids, scheduler, messages, settings } = deps;
  const now = scheduler.clock.now();
  const amount = t.amount ?? 0;
  if (amount > settings.current.stk.maxAmount) return { refused: StkResult.aboveMaximum };
  const credited = creditedOrg(ledger, t);
  if ('refused' in credited) {
    deps.journal?.explain(t.id, `When the customer answered: ${credited.why}`);
    return { refused: credited.refused };
  }
  const { org } = credited;
  const windowMs = settings.current.stk.duplicateWindowSeconds * 1000;
  const previous = recent.lastWithin(t, org.shortcode, now, windowMs);
  if (previous !== undefined) {
    deps.journal?.explain(
      t.id,
      `When the customer answered: ${t.phone ?? ''} already paid Ksh ${amount} to ${org.shortcode} ${Math.round((now - previous) / 1000)} s earlier. M-Pesa refuses the same amount from the same customer to the same shortcode within ${windowMs / 1000} s, so the payment ends with ${StkResult.ruleLimited.code} ${StkResult.ruleLimited.desc} (setting stk.duplicateWindowSeconds; 0 turns the rule off).`,
    );
    return { refused: StkResult.ruleLimited };
  }
  const money = settings.current.money;
  const phone = t.phone ?? '';
  const limit = walletLimit(ledger, money, { msisdn: phone, amount, direction: 'pays', now }, StkResult);
  if (limit) {
    messages.send(phone, failedSms(limit.sms), t.id);
    deps.journal?.explain(t.id, `When the customer answered: ${limit.why}`);
    return { refused: limit.result };
  }
  const receipt = ids.receipt(now);
  const moved = payBusiness(ledger, money, {
    msisdn: phone,
    org,
    amount,
    reason: 'M-Pesa Express payment',
    transactionId: t.id,
    receipt,
  });
  if (!moved.ok) {
    messages.send(
      t.phone ?? '',
      failedSms(`You do not have enough money in your M-PESA account to pay ${org.name}.`),
      t.id,
    );
    return { refused: StkResult.insufficientFunds };
  }
  recent.record(t, org.shortcode, now, windowMs);
  const balance = toShillings(ledger.customer(t.phone ?? '')?.balanceCents ?? 0);
  messages.send(
    t.phone ?? '',
    paidBusinessSms({
      receipt,
      amount,
      business: org.name,
      account: t.accountReference,
      at: now,
      balance,
      cost: moved.customerChargeKsh,
    }),
    t.id,
  );
  return { receipt };
}
