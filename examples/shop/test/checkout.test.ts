import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DarajaClient } from 'daraja-client';
import { startEmulator, SANDBOX_MSISDN, type TestEmulator } from 'daraja-emulator/testing';
import { startShop, CALLBACK_PATH, type Shop } from '../src/shop.js';
import { MemoryOrders, type Order } from '../src/orders.js';

/** A customer with only Ksh 5 in the wallet. */
const BROKE = { msisdn: '254700000005', name: 'Short Of Cash', pin: '5555', balance: 5 };

/** Orders whose storage fails the next `failures` writes, like a database that is briefly down. */
class FlakyOrders extends MemoryOrders {
  failures = 0;
  override async put(order: Order): Promise<void> {
    if (this.failures > 0) {
      this.failures--;
      throw new Error('database unavailable');
    }
    return super.put(order);
  }
}

describe('shop checkout with M-Pesa Express', () => {
  let emu: TestEmulator;
  let shop: Shop;
  const orders = new FlakyOrders();
  const fulfilled: string[] = [];

  const checkout = async (phone = SANDBOX_MSISDN, amount = 100): Promise<Order> => {
    const res = await fetch(shop.url + '/checkout', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ phone, amount }),
    });
    expect(res.status).toBe(202);
    return (await res.json()) as Order;
  };
  const order = async (id: string): Promise<Order> =>
    (await (await fetch(`${shop.url}/orders/${id}`)).json()) as Order;

  beforeAll(async () => {
    emu = await startEmulator({ world: { customers: [BROKE] } });
    shop = await startShop({
      daraja: new DarajaClient(emu.clientConfig()),
      orders,
      fulfil: (o) => fulfilled.push(o.id),
    });
  });
  afterAll(async () => {
    await shop.close();
    await emu.close();
  });
  beforeEach(async () => {
    await emu.reset();
    orders.clear();
    orders.failures = 0;
    fulfilled.length = 0;
  });

  it('marks the order paid with the M-Pesa receipt when the customer enters the PIN', async () => {
    const placed = await checkout();
    await emu.phone(SANDBOX_MSISDN).accept();
    const callback = await emu.nextCallback({ transactionId: placed.checkoutRequestId });
    expect(callback).toMatchObject({ status: 'delivered', url: shop.url + CALLBACK_PATH });
    const paid = await order(placed.id);
    expect(paid).toMatchObject({
      status: 'paid',
      receipt: emu.transaction(placed.checkoutRequestId!)?.receipt,
    });
    expect(fulfilled).toEqual([placed.id]);
  });

  it.each([
    ['cancels the prompt', 1032, (e: TestEmulator) => e.phone(SANDBOX_MSISDN).decline()],
    ['lets the prompt time out', 1037, (e: TestEmulator) => e.phone(SANDBOX_MSISDN).ignore()],
    ['types the wrong PIN', 2001, (e: TestEmulator) => e.phone(SANDBOX_MSISDN).accept('9999')],
  ])('fails the order when the customer %s (%i)', async (_what, code, act) => {
    const placed = await checkout();
    await act(emu);
    await emu.nextCallback({ transactionId: placed.checkoutRequestId });
    expect(await order(placed.id)).toMatchObject({ status: 'failed', failure: { code } });
    expect(fulfilled).toEqual([]);
  });

  it('fails the order when the wallet cannot cover it, and takes no money', async () => {
    const placed = await checkout(BROKE.msisdn, 100);
    await emu.phone(BROKE.msisdn).accept();
    await emu.nextCallback({ transactionId: placed.checkoutRequestId });
    expect(await order(placed.id)).toMatchObject({ status: 'failed', failure: { code: 1 } });
    expect(emu.phone(BROKE.msisdn).balance()).toBe(5);
  });

  it('recovers a payment whose callback it could not record, by asking M-Pesa (STK query)', async () => {
    const placed = await checkout();
    orders.failures = 1;
    await emu.phone(SANDBOX_MSISDN).accept();
    const callback = await emu.nextCallback({ transactionId: placed.checkoutRequestId });
    expect(callback).toMatchObject({ status: 'failed', attempts: [{ status: 500 }] });
    expect((await order(placed.id)).status).toBe('pending');

    const settled = (await (await fetch(shop.url + '/reconcile', { method: 'POST' })).json()) as Order[];
    expect(settled.map((o) => [o.id, o.status])).toEqual([[placed.id, 'paid']]);
    expect(fulfilled).toEqual([placed.id]);
  });

  it('leaves an order pending while the customer has not answered, and settles it once they have', async () => {
    const placed = await checkout();
    expect(await shop.payments.reconcile()).toEqual([]);
    await emu.phone(SANDBOX_MSISDN).decline();
    await emu.nextCallback({ transactionId: placed.checkoutRequestId });
    expect(await shop.payments.reconcile()).toEqual([]);
    expect((await order(placed.id)).status).toBe('failed');
  });

  it('ignores a duplicate callback: the order is fulfilled once', async () => {
    const placed = await checkout();
    await emu.phone(SANDBOX_MSISDN).accept();
    const first = await emu.nextCallback({ transactionId: placed.checkoutRequestId });
    const resend = await fetch(`${emu.url}/_emulator/deliveries/${first.id}/resend`, { method: 'POST' });
    expect(resend.status).toBe(200);
    await emu.advance(0);
    const again = await emu.nextCallback({ transactionId: placed.checkoutRequestId });
    expect(again.attempts).toHaveLength(2);
    expect(again.attempts.map((a) => a.status)).toEqual([200, 200]);
    expect(await order(placed.id)).toMatchObject({ status: 'paid', fulfilments: 1, duplicateCallbacks: 1 });
    expect(fulfilled).toEqual([placed.id]);
  });

  it('ignores a callback that M-Pesa sends twice on its own (a fault rule duplicates it)', async () => {
    const rule = await fetch(emu.url + '/_emulator/faults', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        name: 'duplicate-stk-callback',
        match: { callback: 'stk-callback' },
        effect: { type: 'callback-duplicate', copies: 1 },
      }),
    });
    expect(rule.status).toBe(201);
    try {
      const placed = await checkout();
      await emu.phone(SANDBOX_MSISDN).accept();
      const both = [
        await emu.nextCallback({ transactionId: placed.checkoutRequestId }),
        await emu.nextCallback({ transactionId: placed.checkoutRequestId }),
      ];
      expect(both.map((d) => d.status)).toEqual(['delivered', 'delivered']);
      expect(both[0]?.id).not.toBe(both[1]?.id);
      expect(await order(placed.id)).toMatchObject({ status: 'paid', fulfilments: 1, duplicateCallbacks: 1 });
      expect(fulfilled).toEqual([placed.id]);
    } finally {
      await fetch(emu.url + '/_emulator/faults', { method: 'DELETE' });
    }
  });

  it('tells the customer when M-Pesa refuses the push (a prompt is already open on the phone)', async () => {
    await checkout();
    const res = await fetch(shop.url + '/checkout', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ phone: SANDBOX_MSISDN, amount: 10 }),
    });
    expect(res.status).toBe(502);
    expect(((await res.json()) as { error: string }).error).toMatch(/^M-Pesa refused the payment/);
  });
});
