import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { DarajaClient } from 'daraja-client';
import {
  conformanceVariants,
  startEmulator,
  type CallbackVariant,
  type TestEmulator,
} from 'daraja-emulator/testing';
import { C2B_CONFIRMATION_PATH, C2B_VALIDATION_PATH, startShop, type Shop } from '../src/shop.js';
import { MemoryOrders, type Order } from '../src/orders.js';
import { mismatches } from './conformance-checks.js';

/** Every callback variant of the APIs the shop uses: M-Pesa Express, paybill (C2B) and refunds (B2C). */
const VARIANTS = conformanceVariants({ family: ['stk', 'c2b', 'b2c'] });

let emu: TestEmulator;
let careful: Shop;
let naive: Shop;
const carefulOrders = new MemoryOrders();
const naiveOrders = new MemoryOrders();

/** A fresh start: the emulator's ids come from its clock, so yesterday's orders could share a CheckoutRequestID. */
async function reset(): Promise<void> {
  await emu.reset();
  carefulOrders.clear();
  naiveOrders.clear();
}

beforeAll(async () => {
  emu = await startEmulator();
  const daraja = () =>
    new DarajaClient({
      ...emu.clientConfig(),
      initiatorName: 'testapi',
      securityCredential: Buffer.alloc(256, 7).toString('base64'),
    });
  careful = await startShop({ daraja: daraja(), orders: carefulOrders });
  naive = await startShop({ daraja: daraja(), orders: naiveOrders, handlers: 'naive' });
});
afterAll(async () => {
  await careful.close();
  await naive.close();
  await emu.close();
});
beforeEach(reset);

const post = async (url: string, body?: unknown) => {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (res.status >= 300) throw new Error(`${url} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as Order;
};

/** Plays a variant against a shop: the shop starts the payment as its customers would make it. */
async function play(shop: Shop, variant: CallbackVariant) {
  const run = await emu.play(variant, {
    c2b: { confirmationUrl: shop.url + C2B_CONFIRMATION_PATH, validationUrl: shop.url + C2B_VALIDATION_PATH },
    reconcile: () => post(shop.url + '/reconcile'),
    trigger: async (v) => {
      const id = v.AccountReference ?? '';
      const amount = Number(v.Amount);
      if (variant.family === 'stk')
        return post(shop.url + '/checkout', { phone: v.PhoneNumber, amount, orderId: id });
      if (variant.family === 'c2b') return post(shop.url + '/orders', { id, amount });
      const paid: Order = {
        id,
        phone: v.PhoneNumber ?? '',
        amount,
        status: 'paid',
        fulfilments: 1,
        duplicateCallbacks: 0,
      };
      await shop.orders.put(paid);
      return post(`${shop.url}/orders/${id}/refund`);
    },
  });
  return mismatches(variant, run, await shop.orders.get(run.values.AccountReference ?? ''));
}

it.each(VARIANTS.map((v) => [v.name, v.expect.summary, v] as const))(
  'the shop handles %s: %s',
  async (_name, _summary, variant) => {
    expect(await play(careful, variant)).toEqual([]);
  },
);

it('the naive handlers fail exactly the variants that catch their mistakes', async () => {
  const failed: Record<string, string[]> = {};
  for (const variant of VARIANTS) {
    await reset();
    const found = await play(naive, variant);
    if (found.length > 0) failed[variant.name] = found;
  }
  expect(Object.keys(failed).sort()).toEqual(
    [
      'stk-duplicate-callback', // fulfilled twice
      'stk-success-after-query-pending', // gave up while M-Pesa was still waiting for the PIN
      'stk-success-after-query-being-processed',
      'stk-callback-lost', // never asked M-Pesa, so a paid order stayed failed
      'stk-callback-late', // expired the order, then ignored the late success
      'c2b-validation-rejected', // accepted a payment to an account it never issued
      'c2b-duplicate-confirmation', // fulfilled twice
      'b2c-single-item-object', // ReferenceItem arrived as an object: the handler crashed and answered 500
      'b2c-duplicate-result', // refunded the amount twice in its books
    ].sort(),
  );
  expect(failed['b2c-single-item-object']).toContainEqual(expect.stringMatching(/answered HTTP 500/));
  expect(failed['stk-duplicate-callback']).toEqual(['fulfilled 2 times']);
});
