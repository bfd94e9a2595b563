import { describe, expect, it } from 'vitest';
import { MAGIC_PHONES } from 'daraja-client/emulator';
import { faultyEmulator, push } from './fault-support.js';

const at = (phone: string) => ({ PartyA: phone, PhoneNumber: phone });

const EXPECTED: Record<string, [number, string, number]> = {
  '254700000000': [0, 'The service request is processed successfully.', 0],
  '254700000001': [1, 'The balance is insufficient for the transaction.', 0],
  '254700000017': [17, 'Rule limited.', 0],
  '254700000026': [26, 'System busy. The service request is rejected.', 0],
  '254700001001': [
    1001,
    'Unable to lock subscriber, a transaction is already in process for the current subscriber.',
    0,
  ],
  '254700001019': [1019, 'Transaction has expired.', 0],
  '254700001025': [1025, 'An error occurred while sending a push request.', 0],
  '254700001032': [1032, 'Request cancelled by user', 0],
  '254700001037': [1037, 'No response from user.', 60_000],
  '254700000037': [1037, 'DS timeout user cannot be reached', 60_000],
  '254700002001': [2001, 'The initiator information is invalid.', 0],
  '254700002028': [2028, 'The request is not permitted according to product assignment.', 0],
  '254700008006': [8006, 'The security credential is locked.', 0],
  '254700009999': [9999, 'Error Occurred while sending push request.', 0],
};

describe('magic phone numbers', () => {
  it('has an expected outcome for every documented number', () => {
    expect(MAGIC_PHONES.map((m) => m.phone).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(MAGIC_PHONES.map((m) => [m.phone, m.description] as const))('%s: %s', async (phone) => {
    const [code, desc, waitMs] = EXPECTED[phone] ?? [NaN, '', 0];
    const { emulator, bearer, sink } = await faultyEmulator();
    const res = await push(emulator, bearer, at(phone)).expect(200);
    if (waitMs > 0) {
      await emulator.advance(waitMs - 1);
      expect(sink.received).toHaveLength(0);
    }
    await emulator.advance(1);
    expect(sink.json()[0]?.Body.stkCallback).toMatchObject({ ResultCode: code, ResultDesc: desc });
    expect(emulator.transactions.get(res.body.CheckoutRequestID)?.rules).toEqual([`magic:${phone}`]);
  });

  it('wins over the per-phone and default outcomes', async () => {
    const { emulator, bearer, sink } = await faultyEmulator([], {
      stk: { defaultOutcome: 'accept', phoneOutcomes: { '254700001032': 'accept' } },
    });
    await push(emulator, bearer, at('254700001032')).expect(200);
    await emulator.advance(0);
    expect(sink.json()[0]?.Body.stkCallback.ResultCode).toBe(1032);
  });

  it('loses to a fault rule, which is named alone on the transaction', async () => {
    const { emulator, bearer, sink } = await faultyEmulator([
      { name: 'force-success', effect: { type: 'stk-outcome', outcome: 'accept' } },
    ]);
    const res = await push(emulator, bearer, at('254700001032')).expect(200);
    await emulator.advance(0);
    expect(sink.json()[0]?.Body.stkCallback.ResultCode).toBe(0);
    expect(emulator.transactions.get(res.body.CheckoutRequestID)?.rules).toEqual(['force-success']);
  });

  it('keeps its outcome when a rule only changes the decision delay', async () => {
    const { emulator, bearer, sink } = await faultyEmulator([
      { name: 'slow', effect: { type: 'stk-outcome', decisionDelayMs: 3000 } },
    ]);
    await push(emulator, bearer, at('254700001032')).expect(200);
    await emulator.advance(2999);
    expect(sink.received).toHaveLength(0);
    await emulator.advance(1);
    expect(sink.json()[0]?.Body.stkCallback.ResultCode).toBe(1032);
  });

  it('is switched off by magic.enabled = false: the number then behaves like any other', async () => {
    const { emulator, bearer, sink } = await faultyEmulator([], { magic: { enabled: false } });
    const res = await push(emulator, bearer, at('254700001032')).expect(200);
    await emulator.advance(59_999);
    expect(sink.received).toHaveLength(0);
    expect(emulator.transactions.get(res.body.CheckoutRequestID)?.rules).toBeUndefined();
    await emulator.advance(1);
    expect(sink.json()[0]?.Body.stkCallback.ResultCode).toBe(1037);
  });
});
