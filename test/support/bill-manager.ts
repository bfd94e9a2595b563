import type { Express } from 'express';
import request from 'supertest';
import type { Test } from 'supertest';
import type { InvoiceView } from 'daraja-client/emulator';
import type { BillManagerPayment } from 'daraja-client/wire';
import { Emulator } from '../../emulator/src/internals.js';
import { capturingPoster } from './capturing-poster.js';
import { post, token } from './daraja-requests.js';

export const BILLS = '/v1/billmanager-invoice';
/** Jane Wanjiku, the default world's customer whom invoiceBody() bills (as 0712345678). */
export const JANE = '254712345678';
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

/**
 * An emulator on the manual clock with 600984 opted in to Bill Manager; its outbound callbacks are captured,
 * and the biller's payment pushes are answered by `answer`.
 */
export async function startBillManager(
  answer: () => { status: number; body: string } = () => ({
    status: 200,
    body: '{"resmsg":"Success","rescode":"200"}',
  }),
) {
  const sink = capturingPoster(answer);
  const emulator = new Emulator({ clock: 'manual', poster: sink.poster, seed: 11 });
  const bearer = await token(emulator.app);
  const opt = await bills(emulator.app, bearer, 'optin', optInBody()).expect(200);
  const appKey = opt.body.app_key as string;
  const pushes = () =>
    sink.received.filter((d) => d.url === BILLER_CALLBACK).map((d) => d.body as BillManagerPayment);
  const sms = async (msisdn: string) =>
    (
      (await request(emulator.app).get(`/_emulator/customers/${msisdn}/messages`)).body as { text: string }[]
    ).map((m) => m.text);
  return { emulator, bearer, appKey, sink, pushes, sms, opt };
}
