import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MAGIC_PHONES } from 'daraja-client/emulator';
import { ManualClock } from 'daraja-emulator';
import { openStore } from '../../emulator/src/store/open-store.js';
import { token } from '../support/daraja-requests.js';
import { faultyEmulator, push, rawSink } from './fault-support.js';
import { Emulator } from '../../emulator/src/internals.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

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

  it('still decides an open prompt after a restart, where fault rules are not applied again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'magic-restart-'));
    dirs.push(dir);
    const path = join(dir, 'data.json');
    const settings = { stk: { decisionDelayMs: 10_000 } };
    const sink = rawSink();
    const first = new Emulator({
      clock: new ManualClock(),
      store: await openStore({ kind: 'file', path }),
      settings,
      poster: sink.poster,
    });
    const bearer = await token(first.app);
    first.faults.rules.add([
      { name: 'accept 5', match: { amount: 5 }, effect: { type: 'stk-outcome', outcome: 'accept' } },
    ]);
    const magic = await push(first, bearer, at('254700001032')).expect(200);
    await first.advance(1000);
    const ruled = await push(first, bearer, { Amount: 5 }).expect(200);
    await first.close();

    const second = new Emulator({
      clock: new ManualClock(first.clock.now()),
      store: await openStore({ kind: 'file', path }),
      settings,
      poster: sink.poster,
    });
    second.faults.rules.add([
      { name: 'accept 5', match: { amount: 5 }, effect: { type: 'stk-outcome', outcome: 'accept' } },
    ]);
    await second.advance(60_000);
    expect(second.transactions.get(magic.body.CheckoutRequestID)).toMatchObject({
      resultCode: 1032,
      rules: ['magic:254700001032'],
    });
    // The rule that decided before the restart is named, but the prompt now follows the settings (wait: 1037).
    expect(second.transactions.get(ruled.body.CheckoutRequestID)).toMatchObject({
      resultCode: 1037,
      rules: ['accept 5'],
    });
    await second.close();
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
