import type { InvoiceView, StandingOrderView, TransactionView } from 'daraja-client/emulator';
import { T0 } from '../../test/fixtures';

/** A standing order of John's to the sandbox paybill, waiting for his PIN. */
export function standingOrder(overrides: Partial<StandingOrderView> = {}): StandingOrderView {
  return {
    id: '2571168',
    transactionId: '4dd9b5d9-d738-42ba-9326-2cc99e966000',
    name: 'Gym membership',
    msisdn: '254708374149',
    shortcode: '174379',
    kind: 'paybill',
    amount: 500,
    accountReference: 'GYM001',
    description: 'Membership',
    frequency: 'monthly',
    frequencyCode: '5',
    startDate: '20260105',
    endDate: '20261231',
    callbackUrl: 'https://shop.example/ratiba',
    status: 'awaiting-approval',
    createdAt: T0,
    nextIndex: 0,
    debits: [],
    paidCount: 0,
    failedCount: 0,
    ...overrides,
  };
}

/** The approval transaction of that order, as the emulator reports it. */
export function orderTransaction(overrides: Partial<TransactionView> = {}): TransactionView {
  return {
    id: '4dd9b5d9-d738-42ba-9326-2cc99e966000',
    type: 'standing-order',
    status: 'pending',
    createdAt: T0,
    updatedAt: T0,
    shortcode: '174379',
    phone: '254708374149',
    amount: 500,
    request: {},
    response: {},
    deliveries: [],
    ...overrides,
  };
}

/** An unpaid invoice of John's from the sandbox paybill. */
export function invoice(overrides: Partial<InvoiceView> = {}): InvoiceView {
  return {
    id: '174379:INV-7',
    shortcode: '174379',
    billerName: 'DARAJA SANDBOX',
    externalReference: 'INV-7',
    billedFullName: 'John Doe',
    msisdn: '254708374149',
    billedPeriod: 'January 2026',
    invoiceName: 'Water',
    dueDate: '2026-01-31',
    accountReference: 'W-77',
    amount: 800,
    paidAmount: 0,
    invoiceItems: [],
    status: 'unpaid',
    createdAt: T0,
    updatedAt: T0,
    payments: [],
    reconciled: [],
    ...overrides,
  };
}
