import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { b2cBody, balanceBody, paths, reversalBody, send, startInitiator } from '../support/initiator.js';
import { c2bPayment, stkPayment } from '../support/initiator-payments.js';
import type { Emulator } from '../../emulator/src/internals.js';

/** A small seeded generator, so a failing run can be replayed. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every balance that is below zero, apart from the Charges Paid Account, which Daraja lets go negative. */
function negatives(emulator: Emulator): string[] {
  const out: string[] = [];
  for (const c of emulator.ledger.customers.values())
    if (c.balanceCents < 0) out.push(`${c.msisdn}: ${c.balanceCents}`);
  for (const o of emulator.ledger.orgs.values()) {
    for (const [name, cents] of Object.entries(o.accounts)) {
      if (cents < 0 && name !== 'Charges Paid Account') out.push(`${o.shortcode} ${name}: ${cents}`);
    }
  }
  return out;
}

const PHONES = [
  '254708374149',
  '254712345678',
  '254722000000',
  '254110000001',
  '254799000001',
  '254799000002',
];
const OPERATIONS = 3_000;

describe('Money conservation', () => {
  it(`keeps every shilling accounted for over ${OPERATIONS} mixed STK, C2B, B2C, reversal and adjustment operations`, async () => {
    const { emulator, bearer } = await startInitiator({ b2c: { chargeKsh: 7.5 } });
    const random = mulberry32(20261128);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const start = emulator.ledger.conservationCents();
    const receipts: { receipt: string; shortcode: string; amount: number }[] = [];
    const counts: Record<string, number> = {};
    const count = (name: string) => (counts[name] = (counts[name] ?? 0) + 1);

    for (let i = 0; i < OPERATIONS; i++) {
      const roll = random();
      if (roll < 0.3) {
        const shortcode = pick(['174379', '373132']);
        const amount = 1 + Math.floor(random() * 2_000);
        const phone = pick(PHONES.slice(0, 4));
        const paid = stkPayment(
          emulator,
          amount,
          shortcode,
          phone,
          random() < 0.9 ? (emulator.ledger.customer(phone)?.pin ?? '1234') : '0000',
        );
        count(`stk ${paid.status}`);
        if (paid.receipt) receipts.push({ receipt: paid.receipt, shortcode, amount });
      } else if (roll < 0.45) {
        const amount = 1 + Math.floor(random() * 3_000);
        const paid = await c2bPayment(
          emulator,
          amount,
          pick(['600984', '600000']),
          pick(PHONES.slice(0, 4)),
        ).catch(() => undefined);
        count(`c2b ${paid?.status ?? 'refused'}`);
        if (paid?.status === 'completed')
          receipts.push({ receipt: paid.id, shortcode: paid.shortcode, amount });
      } else if (roll < 0.75) {
        const amount = pick([5, 10, 99, 1_000, 25_000, 260_000]) + Math.floor(random() * 100);
        const api = pick([paths.b2cV3, paths.b2cV1, paths.b2pochi]);
        const body = b2cBody({
          OriginatorConversationID: `oc-${i}`,
          Amount: amount,
          PartyA: pick(['600997', '600984', '600000']),
          PartyB: pick(PHONES),
          ...(api === paths.b2pochi ? { CommandID: 'BusinessPayToPochi' } : {}),
        });
        await send(emulator.app, api, bearer, body).expect(200);
        count('b2c');
      } else if (roll < 0.9 && receipts.length > 0) {
        const target = pick(receipts);
        const wrongAmount = random() < 0.1;
        await send(
          emulator.app,
          paths.reversal,
          bearer,
          reversalBody({
            TransactionID: target.receipt,
            ReceiverParty: target.shortcode,
            Amount: target.amount + (wrongAmount ? 1 : 0),
          }),
        ).expect(200);
        count('reversal');
      } else if (roll < 0.97) {
        const shortcode = pick(['600997', '600984', '174379', '373132']);
        const name =
          shortcode === '373132' ? 'Merchant Account' : pick(['Utility Account', 'Working Account']);
        await request(emulator.app)
          .patch(`/_emulator/shortcodes/${shortcode}`)
          .send({ balances: { [name]: Math.floor(random() * 1_000_000) / 100 } })
          .expect(200);
        count('adjustment');
      } else {
        await send(
          emulator.app,
          paths.balance,
          bearer,
          balanceBody({ PartyA: pick(['600997', '600984']) }),
        ).expect(200);
        count('balance');
      }
      // Time moves on as in real life (CheckoutRequestIDs carry the millisecond), delivering due callbacks.
      await emulator.advance(1_000);
      expect(emulator.ledger.conservationCents()).toBe(start);
      expect(negatives(emulator)).toEqual([]);
    }
    await emulator.runAll();

    // The run exercised every kind of operation, successes and failures alike.
    expect(counts['stk completed']).toBeGreaterThan(100);
    expect(counts['stk failed']).toBeGreaterThan(10);
    expect(counts['c2b completed']).toBeGreaterThan(50);
    const byType = (type: string, status: string) =>
      emulator.transactions.list({ type, status, limit: 100_000 }).length;
    expect(byType('b2c', 'completed')).toBeGreaterThan(100);
    expect(byType('b2c', 'failed')).toBeGreaterThan(50);
    expect(byType('reversal', 'completed')).toBeGreaterThan(20);
    expect(byType('reversal', 'failed')).toBeGreaterThan(20);
    // Every reversed payment has exactly one successful reversal.
    const reversed = emulator.transactions.list({ status: 'reversed', limit: 100_000 });
    const reversals = emulator.transactions.list({ type: 'reversal', status: 'completed', limit: 100_000 });
    expect(reversed.length).toBe(reversals.length);
    expect(new Set(reversals.map((r) => r.originalTransactionId)).size).toBe(reversals.length);
    // Charges went to the world, so the Charges Paid Accounts are negative by exactly the charges.
    const charges = [...emulator.ledger.movements.values()].filter((m) => m.reason === 'B2C charge');
    const chargesPaid = [...emulator.ledger.orgs.values()].reduce(
      (sum, o) => sum + (o.accounts['Charges Paid Account'] ?? 0),
      0,
    );
    expect(chargesPaid).toBe(-charges.reduce((sum, m) => sum + m.amountCents, 0));
  }, 120_000);
});
