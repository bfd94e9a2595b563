import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { parseQrPayload } from 'daraja-client/wire';
import type { DeliveryView, TransactionView } from 'daraja-client/emulator';
import { sandboxAnswer, shapeOf } from '../support/captures.js';
import { capturingPoster } from '../support/capturing-poster.js';
import { post, token } from '../support/daraja-requests.js';
import { decodeQrPng } from '../support/qr-decode.js';
import { Emulator } from '../../emulator/src/internals.js';

const qrBody = (overrides: Record<string, unknown> = {}) => ({
  MerchantName: 'TEST SUPERMARKET',
  RefNo: 'Invoice Test',
  Amount: 1,
  TrxCode: 'BG',
  CPI: '373132',
  Size: '300',
  ...overrides,
});

async function start() {
  const sink = capturingPoster();
  const emulator = new Emulator({ clock: 'manual', store: 'memory', seed: 5, poster: sink.poster });
  const bearer = await token(emulator.app);
  const generate = (body: Record<string, unknown> = qrBody()) =>
    post(emulator.app, '/mpesa/qrcode/v1/generate', bearer, body);
  return { emulator, sink, bearer, generate };
}

describe('Dynamic QR', () => {
  it('answers as the sandbox did, with a 300×300 RGBA PNG that reads exactly like the sandbox code', async () => {
    const { generate } = await start();
    const res = await generate().expect(200);
    const sandbox = sandboxAnswer<{ QRCode: string }>('qr-generate.json');
    expect(shapeOf(res.body)).toEqual(shapeOf(sandbox.response));
    expect(res.body).toMatchObject({
      ResponseCode: '00',
      ResponseDescription: 'The service request is processed successfully.',
    });
    const ours = decodeQrPng(res.body.QRCode as string);
    const theirs = decodeQrPng(sandbox.response.QRCode);
    expect(ours).toEqual({ width: 300, height: 300, colorType: 6, text: 'BG|373132|1|Invoice Test' });
    // The sandbox's code for another CPI reads the same way: TrxCode|CPI|Amount|RefNo.
    expect(theirs.text).toMatch(/^BG\|\d+\|1\|Invoice Test$/);
    expect(parseQrPayload(ours.text ?? '')).toEqual({
      trxCode: 'BG',
      cpi: '373132',
      amount: 1,
      refNo: 'Invoice Test',
    });
  });

  it('draws the image at the Size asked for, and at 300 pixels without one', async () => {
    const { generate } = await start();
    const small = await generate(
      qrBody({ Size: 120, TrxCode: 'PB', CPI: 600000, Amount: '250', RefNo: 'ACC 7|x' }),
    ).expect(200);
    expect(decodeQrPng(small.body.QRCode as string)).toMatchObject({
      width: 120,
      text: 'PB|600000|250|ACC 7|x',
    });
    const { Size: _size, ...noSize } = qrBody();
    const plain = await generate(noSize).expect(200);
    expect(decodeQrPng(plain.body.QRCode as string).width).toBe(300);
  });

  it('keeps each code as a transaction so the dashboard can show and scan it', async () => {
    const { emulator, generate } = await start();
    await generate().expect(200);
    const list = (await request(emulator.app).get('/_emulator/transactions?type=dynamic-qr').expect(200))
      .body as TransactionView[];
    expect(list[0]).toMatchObject({
      type: 'dynamic-qr',
      status: 'completed',
      shortcode: '373132',
      amount: 1,
      accountReference: 'Invoice Test',
      description: 'TEST SUPERMARKET',
    });
    expect((list[0]?.response as { QRCode: string }).QRCode).toMatch(/^iVBORw0KGgo/);
  });

  it('a phone that scans the code pays the till through Buy Goods: money moves and the confirmation goes out', async () => {
    const { emulator, sink, bearer, generate } = await start();
    await post(emulator.app, '/mpesa/c2b/v1/registerurl', bearer, {
      ShortCode: '373132',
      ResponseType: 'Completed',
      ConfirmationURL: 'https://shop.example/confirm',
      ValidationURL: 'https://shop.example/validate',
    }).expect(200);
    const res = await generate(qrBody({ Amount: 75 })).expect(200);
    const scanned = parseQrPayload(decodeQrPng(res.body.QRCode as string).text ?? '');
    expect(scanned).toBeDefined();
    const payment = await request(emulator.app)
      .post('/_emulator/c2b/payments')
      .send({
        shortcode: scanned?.cpi,
        msisdn: '254708374149',
        amount: scanned?.amount,
        billRefNumber: scanned?.refNo,
        pin: '1234',
      })
      .expect(201);
    await emulator.runAll();
    expect((payment.body as TransactionView).status).toBe('completed');
    expect(
      (emulator.ledger.balanceCents({ type: 'org', shortcode: '373132', account: 'Merchant Account' }) ?? 0) /
        100,
    ).toBe(75);
    const confirmation = sink.received.find((r) => r.url === 'https://shop.example/confirm');
    expect(confirmation?.body).toMatchObject({
      TransactionType: 'Buy Goods',
      TransAmount: '75.00',
      BusinessShortCode: '373132',
      BillRefNumber: 'Invoice Test',
    });
    const deliveries = (
      await request(emulator.app).get('/_emulator/deliveries?kind=c2b-confirmation').expect(200)
    ).body as DeliveryView[];
    expect(deliveries).toHaveLength(1);
  });

  it.each([
    ['MerchantName', { MerchantName: '' }],
    ['RefNo', { RefNo: undefined }],
    ['Amount', { Amount: 'ten' }],
    ['TrxCode', { TrxCode: 'XX' }],
    ['CPI', { CPI: '12' }],
    ['CPI', { TrxCode: 'SM', CPI: '373132' }],
    ['Size', { Size: '5' }],
    ['Size', { Size: 'big' }],
  ])('blames %s in the error envelope, with the reason in the journal', async (field, overrides) => {
    const { emulator, generate } = await start();
    const res = await generate(qrBody(overrides)).expect(400);
    expect(res.body).toEqual({
      requestId: expect.any(String),
      errorCode: '400.002.02',
      errorMessage: `Bad Request - Invalid ${field}`,
    });
    const journal = (await request(emulator.app).get('/_emulator/journal').expect(200)).body as {
      explanation: string[];
    }[];
    expect(journal[0]?.explanation.join(' ')).toContain(`${field}:`);
  });

  it('reports the first bad field when several are bad', async () => {
    const { generate } = await start();
    const res = await generate(qrBody({ Amount: -1, TrxCode: 'nope', RefNo: '' })).expect(400);
    expect(res.body.errorMessage).toBe('Bad Request - Invalid RefNo');
  });

  it('answers a malformed body with Invalid Request Payload', async () => {
    const { emulator, bearer } = await start();
    const res = await request(emulator.app)
      .post('/mpesa/qrcode/v1/generate')
      .set('Authorization', `Bearer ${bearer}`)
      .set('Content-Type', 'application/json')
      .send('{"MerchantName": ')
      .expect(400);
    expect(res.body.errorCode).toMatch(/^400\.002\.0[25]$/);
  });

  it('explains in the journal that a code for an unknown till cannot be paid', async () => {
    const { emulator, generate } = await start();
    await generate(qrBody({ CPI: '5550001' })).expect(200);
    const journal = (await request(emulator.app).get('/_emulator/journal').expect(200)).body as {
      explanation: string[];
    }[];
    expect(journal[0]?.explanation.join(' ')).toContain('cannot pay');
  });
});
