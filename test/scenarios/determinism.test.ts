import { describe, expect, it } from 'vitest';
import type { FaultRuleInput } from 'daraja-client/emulator';
import { faultyEmulator, push } from './fault-support.js';

const RULES: FaultRuleInput[] = [
  {
    name: 'flaky gateway',
    match: { endpoint: 'stk-push' },
    probability: 0.3,
    effect: { type: 'error', error: 'spike-arrest' },
  },
  { name: 'slow', probability: 0.5, effect: { type: 'delay', ms: { min: 0, max: 0 } } },
  { name: 'coin', probability: 0.5, effect: { type: 'stk-outcome', outcome: 'decline' } },
  { name: 'late callbacks', probability: 0.5, effect: { type: 'callback-delay', ms: { mean: 2000 } } },
  { name: 'echo', every: 3, effect: { type: 'callback-duplicate' } },
];

const PHONES = [
  '254708374149',
  '254712345678',
  '254722000000',
  '254110000001',
  '254700001032',
  '254700000000',
];

/** Runs the same session of pushes against a fresh emulator and returns everything observable. */
async function session(seed: string) {
  const { emulator, bearer, sink } = await faultyEmulator(RULES, { stk: { defaultOutcome: 'accept' } }, seed);
  const answers: unknown[] = [];
  for (let i = 0; i < 24; i++) {
    const phone = PHONES[i % PHONES.length] as string;
    const res = await push(emulator, bearer, { PartyA: phone, PhoneNumber: phone, Amount: 1 + (i % 4) });
    answers.push([res.status, res.body]);
    await emulator.advance(1500);
  }
  await emulator.advance(120_000);
  return {
    answers,
    transactions: emulator.transactions
      .list({})
      .map((t) => [t.id, t.merchantRequestId, t.receipt, t.resultCode, t.rules]),
    journal: emulator.journal.list().map((e) => [e.id, e.status, e.rules]),
    deliveries: emulator.outbox.list().map((d) => [d.id, d.dueAt, d.status, d.rules]),
    callbacks: sink.received.map((r) => r.text),
    counters: emulator.faults.rules.list().map((r) => [r.name, r.matched, r.fired]),
  };
}

describe('determinism', () => {
  it('gives the same outcomes, ids and callbacks, in the same order, for the same seed and requests', async () => {
    const a = await session('repeatable');
    const b = await session('repeatable');
    expect(b).toEqual(a);
    const fired = a.counters.map((c) => c[2] as number);
    expect(fired.every((n) => n > 0)).toBe(true);
  });

  it('gives different ids and draws for a different seed', async () => {
    const a = await session('repeatable');
    const c = await session('another');
    expect(c.transactions.map((t) => t[1])).not.toEqual(a.transactions.map((t) => t[1]));
    expect(c.counters).not.toEqual(a.counters);
  });
});
