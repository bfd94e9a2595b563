import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DarajaClient } from 'daraja-client';
import type { Random } from 'daraja-emulator';
import { startEmulator, SANDBOX_MSISDN, type TestEmulator } from 'daraja-emulator/testing';
import { capturingPoster } from '../support/capturing-poster.js';
import { stkPayment } from '../support/initiator-payments.js';
import { Emulator } from '../../emulator/src/internals.js';

/** A random source that always gives the same bytes: ids must stay unique even then. */
const stuck: Random = { next: () => 0.5, bytes: (size) => new Uint8Array(size).fill(7) };

describe('identifiers never repeat within one emulator', () => {
  let emu: TestEmulator;
  let client: DarajaClient;

  beforeAll(async () => {
    emu = await startEmulator({ seed: 1 });
    client = new DarajaClient(emu.clientConfig());
  });
  afterAll(() => emu.close());

  it('hands out a new CheckoutRequestID after the test kit resets, though the manual clock has not moved', async () => {
    const url = (await emu.callbackSink()).url + '/stk';
    const seen = new Set<string>();
    for (let round = 0; round < 3; round++) {
      await emu.reset();
      const ack = await client.stk.push({
        amount: 10,
        phoneNumber: SANDBOX_MSISDN,
        callbackUrl: url,
        accountReference: 'INV-1',
        transactionDesc: 'Order 1',
      });
      seen.add(ack.CheckoutRequestID);
    }
    expect(seen.size).toBe(3);
  });

  it('gives every push to one phone at one instant its own CheckoutRequestID, across resets', () => {
    const emulator = new Emulator({ clock: 'manual', poster: capturingPoster().poster });
    const ids = new Set<string>();
    for (let i = 0; i < 4; i++) {
      ids.add(stkPayment(emulator, 10 + i).id);
      emulator.reset();
    }
    expect(ids.size).toBe(4);
  });

  it('never repeats an M-Pesa receipt, even when the random source repeats itself', () => {
    const emulator = new Emulator({
      clock: 'manual',
      random: stuck,
      poster: capturingPoster().poster,
    });
    const receipts = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const paid = stkPayment(emulator, 10 + i);
      expect(paid.resultCode).toBe(0);
      receipts.add(paid.receipt ?? '');
      emulator.reset();
    }
    expect(receipts.size).toBe(5);
    for (const receipt of receipts) expect(receipt).toMatch(/^UA1[A-Z0-9]{7}$/);
  });
});
