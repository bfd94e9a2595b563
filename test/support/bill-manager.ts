import type { Express } from 'express';
import request from 'supertest';
import type { Test } from 'supertest';
import type { InvoiceView } from 'daraja-client/emulator';
import { post } from './daraja-requests.js';

export const BILLS = '/v1/billmanager-invoice';
export const BILLER_CALLBACK = 'https://school.example/bills/payments';

export function optInBody(overrides: Record<string, unknown> = {}) {
  return {
    shortcode: '600984',
    email: 'accounts@school.example',
    officialContact: '0710000000',
    sendReminders: '1',
    logo: 'image',
    callbackurl: BILLER_CALLBACK,
    ...overrides,
  };
}

export function invoiceBody(overrides: Record<string, unknown> = {}) {
  return {
    externalReference: 'INV2345',
    billedFullName: 'Jane Wanjiku',
    billedPhoneNumber: '0712345678',
    billedPeriod: 'January 2026',
    invoiceName: 'School fees',
    dueDate: '2026-01-31',
    accountReference: 'ADM-77',
    amount: '800',
    invoiceItems: [
      { itemName: 'tuition', amount: '700' },
      { itemName: 'lunch', amount: '100' },
    ],
    ...overrides,
  };
}

/** A Bill Manager call with the bearer token and, after opt-in, the appKey header. */
export function bills(app: Express, bearer: string, op: string, body: unknown, appKey?: string): Test {
  const req = post(app, `${BILLS}/${op}`, bearer, body);
  return appKey ? req.set('appKey', appKey) : req;
}

export async function invoicesOf(app: Express, phone: string): Promise<InvoiceView[]> {
  return (await request(app).get('/_emulator/bill-manager/invoices').query({ phone }).expect(200))
    .body as InvoiceView[];
}
