import { expect, it } from 'vitest';
import {
  MatchersV3,
  synchronousBodyHandler,
  type MessageConsumerPact,
  type PactV3,
} from '@pact-foundation/pact';
import {
  B2B_EXPRESS_CHECKOUT_ACK,
  DYNAMIC_QR_DESCRIPTION,
  DarajaPaths,
  ExpressCheckoutResult,
  parseExpressCheckoutCallback,
} from 'daraja-client';
import { authenticated, bearer, clientFor, tokenInteraction } from '../support/pact-setup.js';
import { executeTest } from '../support/execute-test.js';
import { conversationId, jsonContentType, receipt } from '../support/daraja-matchers.js';

const { equal, regex, string } = MatchersV3;

/** The request the client sends: its RequestRefID is generated, so any non-empty string will do. */
const PUSH = {
  primaryShortCode: '373132',
  receiverShortCode: '600000',
  amount: '100',
  paymentRef: 'INV-2231',
  callbackUrl: 'https://consumer.example/daraja/express-checkout',
  partnerName: 'Vendor Supplies',
};

/** B2B Express Checkout's push and Dynamic QR's generate, sent by the client. */
export function expressCheckoutQrContracts(pact: PactV3): void {
  it('pushes a B2B Express Checkout prompt to a till', async () => {
    tokenInteraction(pact);
    authenticated(pact)
      .uponReceiving('a B2B Express Checkout push to a till')
      .withRequest({
        method: 'POST',
        path: DarajaPaths.b2bExpressCheckout,
        headers: bearer(),
        body: { ...PUSH, RequestRefID: string('0b4d1c3e-5f6a-4b7c-8d9e-0f1a2b3c4d5e') },
      })
      .willRespondWith({
        status: 200,
        headers: jsonContentType,
        body: { code: equal(B2B_EXPRESS_CHECKOUT_ACK.code), status: equal(B2B_EXPRESS_CHECKOUT_ACK.status) },
      });
    await executeTest(pact, async (server) => {
      const ack = await clientFor(server.url).b2bExpressCheckout.push({
        tillNumber: PUSH.primaryShortCode,
        receiverShortCode: PUSH.receiverShortCode,
        amount: 100,
        paymentRef: PUSH.paymentRef,
        callbackUrl: PUSH.callbackUrl,
        partnerName: PUSH.partnerName,
      });
      expect(ack.code).toBe('0');
    });
  });

  it('generates a Dynamic QR code', async () => {
    tokenInteraction(pact);
    authenticated(pact)
      .uponReceiving('a Dynamic QR code for a till')
      .withRequest({
        method: 'POST',
        path: DarajaPaths.dynamicQr,
        headers: bearer(),
        body: {
          MerchantName: 'TEST SUPERMARKET',
          RefNo: 'Invoice Test',
          Amount: 1,
          TrxCode: 'BG',
          CPI: '373132',
          Size: '300',
        },
      })
      .willRespondWith({
        status: 200,
        headers: jsonContentType,
        body: {
          ResponseCode: equal('00'),
          ResponseDescription: equal(DYNAMIC_QR_DESCRIPTION),
          QRCode: regex(/^iVBORw0KGgo[A-Za-z0-9+/=]+$/, 'iVBORw0KGgoAAAANSUhEUgAAASwAAAEs'),
        },
      });
    await executeTest(pact, async (server) => {
      const qr = await clientFor(server.url).dynamicQr.generate({
        merchantName: 'TEST SUPERMARKET',
        refNo: 'Invoice Test',
        amount: 1,
        trxCode: 'BG',
        cpi: '373132',
      });
      expect(qr.QRCode).toMatch(/^iVBORw0KGgo/);
    });
  });
}

/** The Express Checkout callbacks, read by the client's parser. */
export function expressCheckoutCallbackContracts(pact: MessageConsumerPact): void {
  it('parses the Express Checkout callback of a payment the till operator confirmed', () =>
    pact
      .expectsToReceive('a B2B Express Checkout callback for a payment the operator confirmed')
      .withContent({
        resultCode: equal('0'),
        resultDesc: equal(ExpressCheckoutResult.success.desc),
        amount: regex(/^\d+\.\d+$/, '100.0'),
        requestId: string('pact-express-0001'),
        resultType: equal('0'),
        conversationID: conversationId(),
        transactionId: receipt(),
        status: equal('SUCCESS'),
      })
      .verify(
        synchronousBodyHandler((body) => {
          const callback = parseExpressCheckoutCallback(body);
          if (!callback.success) throw new Error('expected a payment');
          expect(callback.amount).toBe(100);
        }),
      ));

  it('parses the Express Checkout callback of a push the till operator cancelled', () =>
    pact
      .expectsToReceive('a B2B Express Checkout callback for a push the operator cancelled')
      .withContent({
        resultCode: equal(ExpressCheckoutResult.cancelled.code),
        resultDesc: equal(ExpressCheckoutResult.cancelled.desc),
        requestId: string('pact-express-0001'),
        amount: regex(/^\d+\.\d+$/, '100.0'),
        paymentReference: string('INV-2231'),
      })
      .verify(
        synchronousBodyHandler((body) => {
          const callback = parseExpressCheckoutCallback(body);
          expect(callback).toMatchObject({
            success: false,
            resultCode: '4001',
            paymentReference: 'INV-2231',
          });
        }),
      ));
}
