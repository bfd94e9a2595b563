import type { InvoiceView } from 'daraja-client/emulator';
import { ksh } from '../../ledger/sms-text.js';
import type { PaymentRecord } from './records.js';

/** The e-invoice SMS: what is owed, by when, and how to pay it. */
export function invoiceSms(invoice: InvoiceView, updated: boolean): string {
  return (
    `${invoice.billerName}: ${updated ? 'Updated invoice. ' : ''}Dear ${invoice.billedFullName}, your ${invoice.invoiceName} ` +
    `invoice ${invoice.externalReference} for ${invoice.billedPeriod} of ${ksh(invoice.amount)} is due on ` +
    `${invoice.dueDate.slice(0, 10)}. Pay via M-PESA Paybill ${invoice.shortcode}, account ${invoice.accountReference}.`
  );
}

export function cancelledSms(invoice: InvoiceView): string {
  return `${invoice.billerName}: invoice ${invoice.externalReference} for ${invoice.invoiceName} (${invoice.billedPeriod}) has been cancelled. Do not pay it.`;
}

/** The e-receipt M-Pesa sends once the biller reconciles a payment. */
export function receiptSms(invoice: InvoiceView, payment: PaymentRecord): string {
  const balance = Math.max(0, invoice.amount - invoice.paidAmount);
  return (
    `${invoice.billerName}: e-receipt. ${payment.id} confirmed. ${ksh(payment.amount)} received for ` +
    `${invoice.invoiceName} invoice ${invoice.externalReference}.` +
    (balance > 0 ? ` Balance due ${ksh(balance)}.` : ' Paid in full. Thank you.')
  );
}
