import { afterEach, describe, expect, it } from 'vitest';
import { DarajaError, DarajaValidationError, parseExpressCheckoutCallback } from 'daraja-client';
import { harness, type Harness } from './support.js';
import { capturingPoster } from '../support/capturing-poster.js';
import { decodeQrPng } from '../support/qr-decode.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const till = {
  shortcode: '373132',
  kind: 'till' as const,
  name: 'TEST SUPERMARKET',
  nominatedNumber: '254712345678',
  balances: { 'Merchant Account': 1_000 },
};

describe('daraja-client against a real emulator: B2B Express Checkout and Dynamic QR', () => {
  it('pushes to a till, and parses the callback the emulator sends once the operator pays', async () => {
    const sink = capturingPoster();
    h = await harness({ world: { shortcodes: [till] }, poster: sink.poster }, { generateId: () => 'req-42' });
    const ack = await h.client.b2bExpressCheckout.push({
      tillNumber: 373132,
      receiverShortCode: '600000',
      amount: 300,
      paymentRef: 'PO-9',
      callbackUrl: 'https://vendor.example/checkout',
      partnerName: 'Vendor Supplies',
    });
    expect(ack).toEqual({ code: '0', status: 'USSD Initiated Successfully' });
    const [prompt] = h.emulator.transactions.page({ type: 'b2b-express-checkout' }).items;
    const res = await fetch(`${h.server.url}/_emulator/express-checkout/${prompt?.id ?? ''}/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ pin: '1234' }),
    });
    expect(res.status).toBe(200);
    await h.emulator.runAll();
    const parsed = parseExpressCheckoutCallback(sink.received[0]?.body);
    expect(parsed).toMatchObject({ success: true, requestId: 'req-42', amount: 300 });
  });

  it('checks its input before sending', async () => {
    h = await harness();
    await expect(
      h.client.b2bExpressCheckout.push({
        tillNumber: 'till',
        receiverShortCode: '600000',
        amount: 1,
        paymentRef: 'x',
        callbackUrl: 'https://vendor.example',
        partnerName: 'v',
      }),
    ).rejects.toBeInstanceOf(DarajaValidationError);
  });

  it('generates a Dynamic QR code whose PNG reads TrxCode|CPI|Amount|RefNo', async () => {
    h = await harness({}, { shortcode: '373132' });
    const qr = await h.client.dynamicQr.generate({
      merchantName: 'TEST SUPERMARKET',
      refNo: 'Invoice 3',
      amount: 40,
    });
    expect(qr.ResponseCode).toBe('00');
    expect(decodeQrPng(qr.QRCode).text).toBe('BG|373132|40|Invoice 3');
  });

  it('surfaces the emulator refusing a till with no nominated phone as a DarajaError', async () => {
    h = await harness({ world: { shortcodes: [{ ...till, nominatedNumber: undefined }] } });
    const error = await h.client.b2bExpressCheckout
      .push({
        tillNumber: 373132,
        receiverShortCode: '600000',
        amount: 1,
        paymentRef: 'x',
        callbackUrl: 'https://vendor.example/cb',
        partnerName: 'v',
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DarajaError);
    expect((error as DarajaError).errorMessage).toBe('Bad Request - Invalid primaryShortCode');
  });
});
