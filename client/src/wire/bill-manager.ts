import type { NumberLike } from './common.js';

/**
 * Bill Manager (SPEC 19): a biller opts its paybill in, sends invoices that customers receive by SMS,
 * hears of every payment against an invoice's account reference, and acknowledges it ("reconciliation")
 * so that M-Pesa sends the customer an e-receipt. camelCase bodies; answers carry `resmsg`/`rescode`.
 */
export interface BillManagerOptInRequest {
  shortcode: NumberLike;
  email: string;
  officialContact: string;
  /** `1` on, `0` off. */
  sendReminders: NumberLike;
  logo?: string;
  /** All lower case. */
  callbackurl: string;
}

export interface BillManagerOptInResponse {
  app_key: string;
  resmsg: string;
  rescode: string;
}

/** The answer most Bill Manager calls share. */
export interface BillManagerAnswer {
  resmsg: string;
  rescode: string;
  Status_Message?: string;
  errors?: unknown[];
}

export interface BillManagerInvoiceItem {
  itemName: string;
  amount: NumberLike;
}

export interface BillManagerInvoice {
  externalReference: string;
  billedFullName: string;
  /** Local form `07XXXXXXXX`. */
  billedPhoneNumber: string;
  /** e.g. `August 2021`. */
  billedPeriod: string;
  invoiceName: string;
  /** `2021-10-12` or `2021-09-15 00:00:00.00`. */
  dueDate: string;
  accountReference: string;
  amount: NumberLike;
  invoiceItems?: BillManagerInvoiceItem[];
}

/** What the biller's `callbackurl` receives for each payment. */
export interface BillManagerPayment {
  transactionId: string;
  paidAmount: string;
  msisdn: string;
  /** `YYYY-MM-DD`. */
  dateCreated: string;
  accountReference: string;
  shortCode: string;
}

/** The biller's acknowledgement of a payment, which lets M-Pesa send the customer an e-receipt. */
export interface BillManagerReconciliation {
  paymentDate: string;
  paidAmount: NumberLike;
  accountReference: string;
  transactionId: string;
  phoneNumber: string;
  fullName: string;
  invoiceName: string;
  externalReference: string;
}

export const BillManagerAnswers = {
  success: { resmsg: 'Success', rescode: '200' },
  invoiceSent: { Status_Message: 'Invoice sent successfully', resmsg: 'Success', rescode: '200' },
  /** One "l", as published. */
  cancelled: {
    Status_Message: 'Invoice cancelled successfuly.',
    resmsg: 'Success',
    rescode: '200',
    errors: [],
  },
  paidNotCancellable: {
    Status_Message: 'partially or fully paid invoices cannot be cancelled.',
    resmsg: 'Conflict',
    rescode: '409',
    errors: [],
  },
} as const;
