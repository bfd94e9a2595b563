import { describe, expect, it } from 'vitest';
import type { SmsView, TransactionView } from 'daraja-client/emulator';
import { capture, keyOrder, sandboxAnswer, shapeOf } from '../support/captures.js';
import { post } from '../support/daraja-requests.js';
import {
  OPERATOR,
  OPERATOR_PIN,
  TILL,
  VENDOR,
  checkoutBody,
  control,
  startCheckout,
} from '../support/express-checkout.js';

describe('B2B Express Checkout', () => {
  it('rings the till operator, who pays the vendor with the PIN: money moves till to vendor and the callback matches the portal sample', async () => {
    const { emulator, push, openPrompt, callbacks, balance } = await startCheckout(5_000);
    const vendorBefore = balance(VENDOR, 'Utility Account');
    const ack = await push().expect(200);
    expect(ack.body).toEqual({ code: '0', status: 'USSD Initiated Successfully' });
    const prompt = await openPrompt();
    expect(prompt).toMatchObject({
      shortcode: TILL,
      partyB: VENDOR,
      amount: 100,
      accountReference: 'INV-2231',
      description: 'Vendor Supplies',
    });
    await control(emulator.app)
      .post(`/_emulator/express-checkout/${prompt.id}/accept`)
      .send({ pin: OPERATOR_PIN })
      .expect(200);
    const [callback] = await callbacks();
    const sample = capture('portal-samples/express-checkout-callback-success.json');
    expect(keyOrder(callback)).toEqual(keyOrder(sample));
    expect(shapeOf(callback)).toEqual(shapeOf(sample));
    expect(callback).toMatchObject({
      resultCode: '0',
      amount: '100.0',
      requestId: checkoutBody().RequestRefID,
      conversationID: prompt.id,
      status: 'SUCCESS',
    });
    expect(balance(TILL, 'Merchant Account')).toBe(4_900);
    expect(balance(VENDOR, 'Utility Account')).toBe(vendorBefore + 100);
    const done = (await control(emulator.app).get(`/_emulator/transactions/${prompt.id}`).expect(200))
      .body as TransactionView;
    expect(done).toMatchObject({
      status: 'completed',
      receipt: (callback as { transactionId: string }).transactionId,
    });
    const sms = (await control(emulator.app).get(`/_emulator/customers/${OPERATOR}/messages`).expect(200))
      .body as SmsView[];
    expect(sms.some((m) => m.text.includes('paid from TEST SUPERMARKET to Safaricom Daraja 000'))).toBe(true);
  });

  it('sends the cancellation sample (4001 with paymentReference) when the operator cancels, and moves no money', async () => {
    const { emulator, push, openPrompt, callbacks, balance } = await startCheckout(5_000);
    await push().expect(200);
    const prompt = await openPrompt();
    await control(emulator.app).post(`/_emulator/express-checkout/${prompt.id}/decline`).expect(200);
    const [callback] = await callbacks();
    const sample = capture('portal-samples/express-checkout-callback-cancelled.json');
    expect(keyOrder(callback)).toEqual(keyOrder(sample));
    expect(callback).toEqual({
      resultCode: '4001',
      resultDesc: 'User cancelled transaction',
      requestId: checkoutBody().RequestRefID,
      amount: '100.0',
      paymentReference: 'INV-2231',
    });
    expect(balance(TILL, 'Merchant Account')).toBe(5_000);
  });

  it.each([
    ['a wrong PIN', '9999', 5_000, '2001'],
    ['a till without enough money', OPERATOR_PIN, 50, '1'],
  ])('answers %s with a failure callback and moves no money', async (_what, pin, tillBalance, code) => {
    const { emulator, push, openPrompt, callbacks, balance } = await startCheckout(tillBalance);
    await push().expect(200);
    const prompt = await openPrompt();
    await control(emulator.app)
      .post(`/_emulator/express-checkout/${prompt.id}/accept`)
      .send({ pin })
      .expect(200);
    const [callback] = await callbacks();
    expect(callback).toMatchObject({ resultCode: code, paymentReference: 'INV-2231', amount: '100.0' });
    expect(balance(TILL, 'Merchant Account')).toBe(tillBalance);
  });

  it('ends an unanswered prompt at the PIN timeout on the emulator clock', async () => {
    const { emulator, push, callbacks } = await startCheckout();
    await push().expect(200);
    await emulator.advance(emulator.settings.current.stk.pinTimeoutMs);
    const [callback] = await callbacks();
    expect(callback).toMatchObject({ resultCode: '1037', requestId: checkoutBody().RequestRefID });
  });

  it('refuses a second push while the operator still has a prompt open', async () => {
    const { push } = await startCheckout();
    await push().expect(200);
    const second = await push(checkoutBody({ RequestRefID: 'another' })).expect(500);
    expect(second.body).toMatchObject({ errorCode: '500.001.1001' });
  });

  it.each([
    ['primaryShortCode', { primaryShortCode: 'abc' }],
    ['receiverShortCode', { receiverShortCode: undefined }],
    ['amount', { amount: '0' }],
    ['paymentRef', { paymentRef: '' }],
    ['callbackUrl', { callbackUrl: 'not a url' }],
    ['partnerName', { partnerName: undefined }],
    ['RequestRefID', { RequestRefID: undefined }],
    ['primaryShortCode', { primaryShortCode: '600984' }],
    ['primaryShortCode', { primaryShortCode: '9999999' }],
    ['receiverShortCode', { receiverShortCode: '7654321' }],
  ])('blames %s in the error envelope, with the reason in the journal', async (field, overrides) => {
    const { emulator, push } = await startCheckout();
    const res = await push(checkoutBody(overrides)).expect(400);
    expect(res.body).toEqual({
      requestId: expect.any(String),
      errorCode: '400.002.02',
      errorMessage: `Bad Request - Invalid ${field}`,
    });
    const journal = (await control(emulator.app).get('/_emulator/journal').expect(200)).body as {
      explanation: string[];
    }[];
    expect(journal[0]?.explanation.join(' ')).toContain(field);
  });

  it('reports the first bad field when several are bad', async () => {
    const { push } = await startCheckout();
    const res = await push(checkoutBody({ amount: 'x', partnerName: '' })).expect(400);
    expect(res.body.errorMessage).toBe('Bad Request - Invalid amount');
  });

  it('tells a body written with CallBackURL that this API spells it callbackUrl', async () => {
    const { emulator, push } = await startCheckout();
    const { callbackUrl, ...rest } = checkoutBody();
    await push({ ...rest, CallBackURL: callbackUrl }).expect(400);
    const journal = (await control(emulator.app).get('/_emulator/journal').expect(200)).body as {
      explanation: string[];
    }[];
    expect(journal[0]?.explanation.join(' ')).toContain('camelCase');
  });

  it('answers a bad token with the bare 401 the sandbox sends on this API', async () => {
    const { emulator } = await startCheckout();
    const res = await post(emulator.app, '/v1/ussdpush/get-msisdn', 'not-a-token', checkoutBody()).expect(
      401,
    );
    const sample = sandboxAnswer('b2b-express-checkout.json');
    expect(shapeOf(res.body)).toEqual(shapeOf(sample.response));
    expect(res.body).toMatchObject({ errorCode: '401', errorMessage: 'Unauthorized - Invalid Access Token' });
  });

  it('rings the phone a till is given as its nominated number through the control API', async () => {
    const { emulator, push, openPrompt } = await startCheckout();
    await control(emulator.app)
      .put(`/_emulator/express-checkout/tills/${TILL}/operator`)
      .send({ msisdn: '254110000001' })
      .expect(200);
    await push().expect(200);
    expect((await openPrompt('254110000001')).phone).toBe('254110000001');
  });

  it('lets a fault rule drop the callback like any other callback', async () => {
    const { emulator, push, openPrompt, callbacks } = await startCheckout();
    await control(emulator.app)
      .post('/_emulator/faults')
      .send({
        name: 'lose it',
        match: { callback: 'express-checkout-callback' },
        effect: { type: 'callback-drop' },
      })
      .expect(201);
    await push().expect(200);
    const prompt = await openPrompt();
    await control(emulator.app).post(`/_emulator/express-checkout/${prompt.id}/decline`).expect(200);
    expect(await callbacks()).toEqual([]);
  });

  it('answers with a fault rule on the endpoint as with the other APIs', async () => {
    const { emulator, push } = await startCheckout();
    await control(emulator.app)
      .post('/_emulator/faults')
      .send({ match: { endpoint: 'b2b-express-checkout' }, effect: { type: 'error', error: 'spike-arrest' } })
      .expect(201);
    const res = await push().expect(500);
    expect(res.body.errorCode).toBe('500.003.02');
  });
});
