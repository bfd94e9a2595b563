import { PULL_TRANSACTION_TYPES, type PullTransaction } from 'daraja-client/wire';
import type { Ledger } from '../../ledger/ledger.js';
import type { Transactions } from '../../ledger/transactions.js';
import type { MovementRecord } from '../../ledger/records.js';
import { amountText } from '../account-balance/balance-string.js';

export interface RowWindow {
  shortcode: string;
  from: number;
  to: number;
}

/** `2020-08-05T10:13:00Z`: the documented form, without milliseconds. */
const isoSeconds = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * The shortcode's C2B payments in a time window, oldest first: every ledger movement that carried a customer's
 * payment (STK or C2B) into one of its accounts. Charges and reversals are movements of their own and are
 * not rows; a reversed payment keeps its row, as the original transaction still happened.
 */
export function pullRows(ledger: Ledger, transactions: Transactions, w: RowWindow): PullTransaction[] {
  const org = ledger.org(w.shortcode);
  if (!org) return [];
  const rows: PullTransaction[] = [];
  for (const m of ledger.movements.values()) {
    if (m.at < w.from || m.at > w.to || !isPayment(m, w.shortcode)) continue;
    const msisdn = (m.from as { msisdn: string }).msisdn;
    const t = m.transactionId ? transactions.get(m.transactionId) : undefined;
    rows.push({
      transactionId: m.receipt as string,
      trxDate: isoSeconds(m.at),
      // The documented sample writes the payer as a number without 254.
      msisdn: Number(msisdn.slice(3)),
      sender: ledger.customer(msisdn)?.name ?? '',
      transactiontype: org.kind === 'till' ? PULL_TRANSACTION_TYPES.till : PULL_TRANSACTION_TYPES.paybill,
      billreference: t?.accountReference ?? '',
      amount: amountText(m.amountCents),
      organizationname: org.name,
    });
  }
  return rows;
}

function isPayment(m: MovementRecord, shortcode: string): boolean {
  return (
    m.receipt !== undefined &&
    m.from.type === 'customer' &&
    m.to.type === 'org' &&
    m.to.shortcode === shortcode
  );
}
