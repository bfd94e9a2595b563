import type { BillerView, InvoiceView } from 'daraja-client/emulator';
import type { Collection, Store } from '../../store/store.js';

export type BillerRecord = BillerView & { id: string; logo?: string };

/** A payment pushed to a biller; kept so that each is pushed once and can be reconciled. */
export interface PaymentRecord {
  /** The M-Pesa receipt. */
  id: string;
  invoiceId: string;
  shortcode: string;
  amount: number;
  msisdn: string;
  at: number;
  reconciled: boolean;
}

/** Bill Manager's state in the store: billers by shortcode, invoices, and the payments pushed. */
export class BillBook {
  readonly billers: Collection<BillerRecord>;
  readonly invoices: Collection<InvoiceView>;
  readonly payments: Collection<PaymentRecord>;

  constructor(store: Store) {
    this.billers = store.collection<BillerRecord>('bill-manager-billers');
    this.invoices = store.collection<InvoiceView>('bill-manager-invoices', { cap: 100_000 });
    this.payments = store.collection<PaymentRecord>('bill-manager-payments', { cap: 100_000 });
  }

  billerByKey(appKey: string): BillerRecord | undefined {
    for (const b of this.billers.values()) if (b.appKey === appKey) return b;
    return undefined;
  }

  invoice(shortcode: string, externalReference: string): InvoiceView | undefined {
    return this.invoices.get(invoiceId(shortcode, externalReference));
  }

  /** Newest first, filtered by customer, biller or status. */
  listInvoices(filter: { phone?: string; shortcode?: string; status?: string } = {}): InvoiceView[] {
    return [...this.invoices.values()]
      .filter(
        (i) =>
          (!filter.phone || i.msisdn === filter.phone) &&
          (!filter.shortcode || i.shortcode === filter.shortcode) &&
          (!filter.status || i.status === filter.status),
      )
      .sort((a, b) => b.createdAt - a.createdAt);
  }

  /** The invoice a payment to `shortcode` with this account reference settles: the oldest still owing. */
  invoiceFor(shortcode: string, accountReference: string): InvoiceView | undefined {
    const ref = accountReference.trim().toLowerCase();
    const matching = [...this.invoices.values()]
      .filter(
        (i) =>
          i.shortcode === shortcode && i.accountReference.toLowerCase() === ref && i.status !== 'cancelled',
      )
      .sort((a, b) => a.createdAt - b.createdAt);
    return matching.find((i) => i.status !== 'paid') ?? matching.at(-1);
  }
}

export function invoiceId(shortcode: string, externalReference: string): string {
  return `${shortcode}:${externalReference}`;
}
