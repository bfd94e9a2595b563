import { ExpressCheckoutResult, type ResultCodeEntry } from 'daraja-client/wire';
import type { TransactionView } from 'daraja-client/emulator';
import { toCents, toShillings } from '../../ledger/records.js';
import { ksh, smsDateTime } from '../../ledger/sms-text.js';
import type { ExpressCheckoutDeps } from './service.js';

/** Where an organisation receives a business payment: a till's Merchant Account, anyone else's Utility Account. */
function receivingAccount(kind: string): string {
  return kind === 'till' ? 'Merchant Account' : 'Utility Account';
}

/**
 * The operator confirmed: moves the amount from the till's Merchant Account to the vendor on the shared
 * ledger and sends the operator M-Pesa's SMS, or says which result refuses the payment and why.
 */
export function payVendor(
  deps: ExpressCheckoutDeps,
  t: TransactionView,
): { receipt: string } | { refused: ResultCodeEntry; why: string } {
  const { ledger, ids, scheduler, messages } = deps;
  const now = scheduler.clock.now();
  const till = ledger.org(t.shortcode);
  const vendor = ledger.org(t.partyB ?? '');
  if (!till || !vendor) {
    return { refused: ExpressCheckoutResult.notPermitted, why: 'the till or the vendor no longer exists.' };
  }
  const amount = t.amount ?? 0;
  const receipt = ids.receipt(now);
  const moved = ledger.transfer({
    from: { type: 'org', shortcode: till.shortcode, account: 'Merchant Account' },
    to: { type: 'org', shortcode: vendor.shortcode, account: receivingAccount(vendor.kind) },
    amountCents: toCents(amount),
    reason: 'B2B Express Checkout',
    transactionId: t.id,
    receipt,
  });
  if (!moved.ok) {
    const balance = toShillings(
      ledger.balanceCents({ type: 'org', shortcode: till.shortcode, account: 'Merchant Account' }) ?? 0,
    );
    return {
      refused: ExpressCheckoutResult.insufficientFunds,
      why: `till ${till.shortcode}'s Merchant Account holds ${ksh(balance)}, less than the ${ksh(amount)} asked for.`,
    };
  }
  messages.send(
    t.phone ?? '',
    `${receipt} Confirmed. ${ksh(amount)} paid from ${till.name} to ${vendor.name} for payment reference ${t.accountReference ?? ''} on ${smsDateTime(now)}.`,
    t.id,
  );
  return { receipt };
}
