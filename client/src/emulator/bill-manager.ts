import type { BillManagerInvoiceItem } from '../wire/bill-manager.js';

/** A paybill opted in to Bill Manager, as the control API reports it. */
export interface BillerView {
  shortcode: string;
  email: string;
  officialContact: string;
  sendReminders: boolean;
  callbackUrl: string;
  /** The `app_key` the opt-in answered; every later call sends it as the `appKey` header. */
  appKey: string;
  optedInAt: number;
  appId?: string;
}

export type InvoiceStatus = 'unpaid' | 'partially-paid' | 'paid' | 'cancelled';

/** An invoice as the control API and the phone see it (`GET /_emulator/bill-manager/invoices`). */
export interface InvoiceView {
  /** `<shortcode>:<externalReference>`. */
  id: string;
  shortcode: string;
  billerName: string;
  externalReference: string;
  billedFullName: string;
  /** `2547…`. */
  msisdn: string;
  billedPeriod: string;
  invoiceName: string;
  dueDate: string;
  accountReference: string;
  /** Shillings. */
  amount: number;
  paidAmount: number;
  invoiceItems: BillManagerInvoiceItem[];
  status: InvoiceStatus;
  createdAt: number;
  updatedAt: number;
  /** Receipts of the payments against it, oldest first. */
  payments: string[];
  /** Receipts the biller acknowledged through /reconciliation. */
  reconciled: string[];
}

/** The control API's Bill Manager routes (read-only: paying an invoice is a C2B payment). */
export const BillManagerControlPaths = {
  billers: '/_emulator/bill-manager/billers',
  invoices: '/_emulator/bill-manager/invoices',
} as const;
