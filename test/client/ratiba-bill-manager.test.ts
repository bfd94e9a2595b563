import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { parseBillManagerPayment, parseRatibaCallback } from 'daraja-client';
import { capturingPoster } from '../support/capturing-poster.js';
import { capture } from '../support/captures.js';
import { harness } from './support.js';

const DAY = 24 * 60 * 60 * 1000;

describe('daraja-client: Ratiba and Bill Manager', () => {
  it('creates a standing order, and parses the created callback the emulator sends once the customer approves', async () => {
    const sink = capturingPoster();
    const h = await harness({ poster: sink.poster });
    try {
      const ack = await h.client.ratiba.createStandingOrder({
        name: 'Rent',
        startDate: '20260110',
        endDate: '20260410',
        shortcode: '600984',
        amount: 1500,
        phoneNumber: '0708374149',
        frequency: 'monthly',
        callbackUrl: 'https://app.example/ratiba',
        accountReference: 'FLAT-4',
        description: 'Rent',
        customStoId: 'rent-2026',
      });
      expect(ack.ResponseHeader.responseCode).toBe('200');
      const id = ack.ResponseHeader.responseRefID;
      await request(h.emulator.app).post(`/_emulator/ratiba/${id}/accept`).send({ pin: '1234' }).expect(200);
      await h.emulator.advance(120 * DAY);
      const parsed = parseRatibaCallback(
        sink.received.find((d) => d.url === 'https://app.example/ratiba')?.body,
      );
      expect(parsed).toMatchObject({
        created: true,
        responseCode: '0',
        responseRefId: id,
        requestRefId: 'rent-2026',
      });
      expect(parsed.data.standingOrderName).toBe('Rent');
      const orders = (await request(h.emulator.app).get('/_emulator/ratiba/orders')).body as {
        paidCount: number;
      }[];
      expect(orders[0]?.paidCount).toBe(4);
    } finally {
      await h.close();
    }
  });

  it('reads both published callback casings', () => {
    expect(parseRatibaCallback(capture('portal-samples/ratiba-callback-success.json'))).toMatchObject({
      created: true,
      standingOrderId: '2571168',
    });
    expect(parseRatibaCallback(capture('portal-samples/ratiba-callback-failure.json'))).toMatchObject({
      created: false,
      responseCode: '1037',
      data: { Status: 'ERROR' },
    });
  });

  it('opts in, sends and cancels invoices with the appKey header, and parses the payment push', async () => {
    const sink = capturingPoster();
    const h = await harness({ poster: sink.poster });
    try {
      const bills = h.client.billManager;
      const { app_key: appKey } = await bills.optIn({
        shortcode: '600000',
        email: 'billing@water.example',
        officialContact: '0710000000',
        sendReminders: true,
        callbackUrl: 'https://water.example/payments',
      });
      const invoice = {
        externalReference: 'W-1',
        billedFullName: 'Amina Hassan',
        billedPhoneNumber: '0110000001',
        billedPeriod: 'January 2026',
        invoiceName: 'Water',
        dueDate: '2026-01-20',
        accountReference: 'METER-9',
        amount: '450',
      };
      expect(await bills.sendInvoice(appKey, invoice)).toMatchObject({ rescode: '200' });
      expect(await bills.sendInvoices(appKey, [{ ...invoice, externalReference: 'W-2' }])).toMatchObject({
        rescode: '200',
      });
      expect(await bills.cancelInvoice(appKey, 'W-2')).toMatchObject({ rescode: '200' });
      await request(h.emulator.app)
        .post('/_emulator/c2b/payments')
        .send({ shortcode: '600000', msisdn: '254110000001', amount: 450, billRefNumber: 'METER-9' })
        .expect(201);
      await h.emulator.runAll();
      const push = parseBillManagerPayment(
        sink.received.find((d) => d.url === 'https://water.example/payments')?.body,
      );
      expect(push).toMatchObject({ paidAmount: 450, accountReference: 'METER-9', shortCode: '600000' });
      expect(
        await bills.reconcile(appKey, {
          paymentDate: push.dateCreated,
          paidAmount: '450',
          accountReference: 'METER-9',
          transactionId: push.transactionId,
          phoneNumber: '0110000001',
          fullName: 'Amina Hassan',
          invoiceName: 'Water',
          externalReference: 'W-1',
        }),
      ).toEqual({ resmsg: 'Success', rescode: '200' });
    } finally {
      await h.close();
    }
  });
});
