import request from 'supertest';
import type { Express } from 'express';
import type { B2bExpressCheckoutCallback } from 'daraja-client/wire';
import type { TransactionView } from 'daraja-client/emulator';
import { capturingPoster } from './capturing-poster.js';
import { post, token } from './daraja-requests.js';
import { Emulator } from '../../emulator/src/internals.js';

export const CHECKOUT_URL = 'https://vendor.example/express-checkout';
export const TILL = '373132';
export const VENDOR = '600000';
/** Jane Wanjiku runs the default world's till: its nominated number. */
export const OPERATOR = '254712345678';
export const OPERATOR_PIN = '1234';

export function checkoutBody(overrides: Record<string, unknown> = {}) {
  return {
    primaryShortCode: TILL,
    receiverShortCode: VENDOR,
    amount: '100',
    paymentRef: 'INV-2231',
    callbackUrl: CHECKOUT_URL,
    partnerName: 'Vendor Supplies',
    RequestRefID: '404e1aec-19e0-4ce3-973d-bd92e94c8021',
    ...overrides,
  };
}

/** A manual-clock emulator whose till holds `tillBalance` in its Merchant Account, and a token. */
export async function startCheckout(tillBalance = 5_000) {
  const sink = capturingPoster();
  const emulator = new Emulator({
    clock: 'manual',
    store: 'memory',
    seed: 3,
    poster: sink.poster,
    world: {
      shortcodes: [
        {
          shortcode: TILL,
          kind: 'till',
          name: 'TEST SUPERMARKET',
          nominatedNumber: OPERATOR,
          balances: { 'Merchant Account': tillBalance },
        },
      ],
    },
  });
  const bearer = await token(emulator.app);
  const push = (body: Record<string, unknown> = checkoutBody()) =>
    post(emulator.app, '/v1/ussdpush/get-msisdn', bearer, body);
  const callbacks = async (): Promise<B2bExpressCheckoutCallback[]> => {
    await emulator.runAll();
    return sink.received
      .filter((r) => r.url === CHECKOUT_URL)
      .map((r) => r.body as B2bExpressCheckoutCallback);
  };
  const openPrompt = async (phone = OPERATOR): Promise<TransactionView> => {
    const list = await control(emulator.app)
      .get(`/_emulator/transactions?type=b2b-express-checkout&status=pending&phone=${phone}`)
      .expect(200);
    const first = (list.body as TransactionView[])[0];
    if (!first) throw new Error(`no open prompt on ${phone}`);
    return first;
  };
  const balance = (shortcode: string, account: string) =>
    (emulator.ledger.balanceCents({ type: 'org', shortcode, account }) ?? 0) / 100;
  return { emulator, sink, bearer, push, callbacks, openPrompt, balance };
}

export function control(app: Express) {
  return request(app);
}
