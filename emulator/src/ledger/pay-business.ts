import type { MoneySettings } from 'daraja-client/emulator';
import type { Ledger } from './ledger.js';
import { toCents, type OrgRecord } from './records.js';
import { paybillCharges } from './tariffs.js';

export interface BusinessPayment {
  msisdn: string;
  org: OrgRecord;
  amount: number;
  reason: string;
  transactionId: string;
  receipt: string;
}

/** What a customer's payment to a business did: the charge the customer paid, or too little money. */
export type PaidBusiness = { ok: true; customerChargeKsh: number } | { ok: false };

/** The reason of the movements that pay Pay Bill charges to M-Pesa. */
export const PAYBILL_CHARGE_REASON = 'Pay Bill charge';

/**
 * Moves a customer's payment (STK or C2B) to the paybill's Utility Account or the till's Merchant Account,
 * and pays M-Pesa the Pay Bill charges of the configured tariff (SPEC 24.3): the customer's share from the
 * wallet, the business's from its Charges Paid Account, which may go negative. Nothing moves unless the
 * wallet covers the amount and the customer's charge.
 */
export function payBusiness(ledger: Ledger, money: MoneySettings, p: BusinessPayment): PaidBusiness {
  const charges = p.org.kind === 'till' ? { customer: 0, business: 0 } : paybillCharges(p.amount, money);
  const wallet = ledger.customer(p.msisdn)?.balanceCents ?? 0;
  if (wallet < toCents(p.amount + charges.customer)) return { ok: false };
  const account = p.org.kind === 'till' ? 'Merchant Account' : 'Utility Account';
  const tags = { transactionId: p.transactionId, receipt: p.receipt };
  const moved = ledger.transfer({
    from: { type: 'customer', msisdn: p.msisdn },
    to: { type: 'org', shortcode: p.org.shortcode, account },
    amountCents: toCents(p.amount),
    reason: p.reason,
    ...tags,
  });
  if (!moved.ok) return { ok: false };
  if (charges.customer > 0) {
    ledger.transfer({
      from: { type: 'customer', msisdn: p.msisdn },
      to: { type: 'operator' },
      amountCents: toCents(charges.customer),
      reason: PAYBILL_CHARGE_REASON,
      ...tags,
    });
  }
  if (charges.business > 0) {
    ledger.transfer({
      from: { type: 'org', shortcode: p.org.shortcode, account: 'Charges Paid Account' },
      to: { type: 'operator' },
      amountCents: toCents(charges.business),
      reason: PAYBILL_CHARGE_REASON,
      allowNegative: true,
      ...tags,
    });
  }
  return { ok: true, customerChargeKsh: charges.customer };
}
