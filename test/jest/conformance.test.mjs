import { afterAll, beforeAll, beforeEach, expect, it } from '@jest/globals';
import { conformanceVariants, startEmulator } from 'daraja-emulator/testing';

/**
 * The conformance catalogue under jest, from the built package: one test per variant against a callback
 * handler that settles each CheckoutRequestID once, whatever arrives twice.
 */
let emu;
let sink;
const settled = new Map();

beforeAll(async () => {
  emu = await startEmulator();
  sink = await emu.callbackSink({
    reply: (request) => {
      const cb = request.body.Body.stkCallback;
      if (!settled.has(cb.CheckoutRequestID)) settled.set(cb.CheckoutRequestID, cb.ResultCode);
      return { status: 200, body: { ResultCode: 0, ResultDesc: 'Accepted' } };
    },
  });
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());

const variants = conformanceVariants({ family: 'stk', without: ['reconcile'] });

it.each(variants.map((v) => [v.name, v]))(
  'settles %s with the expected result code',
  async (_name, variant) => {
    const run = await emu.play(variant, { callbackUrl: sink.url + '/stk' });
    expect(run.error).toBeUndefined();
    expect(run.problems).toEqual([]);
    expect(settled.get(run.transactionId)).toBe(
      variant.expect.outcome === 'success' ? 0 : variant.expect.resultCode,
    );
  },
);
