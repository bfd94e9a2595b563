import { describe, expect, it } from 'vitest';
import type { DeliveryKind, FaultMatch, SettingsPatch } from 'daraja-client/emulator';
import { post, stkBody } from '../support/daraja-requests.js';
import { b2cBody, paths, startInitiator } from '../support/initiator.js';
import { register, registerBody, setValidation, simulate, simulateBody } from '../support/c2b.js';
import type { Emulator } from '../../emulator/src/internals.js';

/**
 * Every kind of callback, made by a request whose transaction has known fields: a rule on any one of those
 * fields (with the callback kind) must drop that callback, and a rule on another value must leave it alone.
 */
interface Kind {
  kind: DeliveryKind;
  settings?: SettingsPatch;
  /** The transaction's fields, each with a value the transaction does not have. */
  fields: Record<keyof Omit<FaultMatch, 'callback'>, [hit: unknown, miss: unknown]>;
  trigger(emulator: Emulator, bearer: string): Promise<unknown>;
}

const b2c = {
  endpoint: ['b2c', 'b2pochi'],
  app: ['consumer-key', 'other-app'],
  shortcode: ['600997', '600000'],
  phone: ['254708374149', '254712345678'],
  amount: [{ min: 50, max: 50 }, 51],
  accountReference: [undefined, 'INV-001'],
} as const;

const c2b = {
  endpoint: ['c2b-simulate', 'b2c'],
  app: ['consumer-key', 'other-app'],
  shortcode: ['600984', '600997'],
  phone: ['254708374149', '254712345678'],
  amount: [100, { min: 101 }],
  accountReference: ['INV-001', 'INV-002'],
} as const;

const kinds: Kind[] = [
  {
    kind: 'stk-callback',
    settings: { stk: { defaultOutcome: 'accept' } },
    fields: {
      endpoint: ['stk-push', 'b2c'],
      app: ['consumer-key', 'other-app'],
      shortcode: ['174379', '600984'],
      phone: ['254708374149', '254712345678'],
      amount: [1, 2],
      accountReference: ['accountref', 'other'],
    },
    trigger: (e, bearer) => post(e.app, '/mpesa/stkpush/v1/processrequest', bearer, stkBody(e.clock.now())),
  },
  {
    kind: 'result',
    fields: b2c,
    trigger: (e, bearer) => post(e.app, paths.b2cV3, bearer, b2cBody({ Amount: 50 })),
  },
  {
    kind: 'queue-timeout',
    settings: { initiator: { outcomes: { b2c: 'queue-timeout' } } },
    fields: b2c,
    trigger: (e, bearer) => post(e.app, paths.b2cV3, bearer, b2cBody({ Amount: 50 })),
  },
  {
    kind: 'c2b-validation',
    fields: c2b,
    trigger: async (e, bearer) => {
      await register(e.app, bearer, registerBody()).expect(200);
      await setValidation(e.app, '600984', true).expect(200);
      return simulate(e.app, bearer, simulateBody()).expect(200);
    },
  },
  {
    kind: 'c2b-confirmation',
    fields: c2b,
    trigger: async (e, bearer) => {
      await register(e.app, bearer, registerBody()).expect(200);
      return simulate(e.app, bearer, simulateBody()).expect(200);
    },
  },
];

const cases = kinds.flatMap((k) =>
  Object.entries(k.fields).flatMap(([field, [hit, miss]]) => [
    ...(hit === undefined ? [] : [{ ...k, field, value: hit, fires: true }]),
    { ...k, field, value: miss, fires: false },
  ]),
);

async function run(k: Kind, match: FaultMatch) {
  const { emulator, bearer } = await startInitiator(k.settings);
  emulator.faults.rules.add([{ name: 'drop', match, effect: { type: 'callback-drop' } }]);
  await k.trigger(emulator, bearer);
  await emulator.runAll();
  const deliveries = emulator.outbox.list({ kind: k.kind });
  expect(deliveries).toHaveLength(1);
  return { delivery: deliveries[0], rule: emulator.faults.rules.list()[0] };
}

describe('callback rules matched on the transaction', () => {
  it.each(cases)(
    'a $kind callback is dropped by a rule on $field $value: $fires',
    async ({ fires, field, value, ...k }) => {
      const { delivery, rule } = await run(k, { [field]: value, callback: k.kind });
      expect(delivery?.status).toBe(fires ? 'cancelled' : 'delivered');
      expect(rule).toMatchObject({ matched: fires ? 1 : 0, fired: fires ? 1 : 0 });
      if (fires) expect(delivery?.rules).toEqual(['drop']);
    },
  );

  it.each(kinds)('a $kind callback is matched by all its fields at once', async (k) => {
    const match = Object.fromEntries(
      Object.entries(k.fields)
        .filter(([, [hit]]) => hit !== undefined)
        .map(([field, [hit]]) => [field, hit]),
    );
    const { delivery, rule } = await run(k, { ...match, callback: k.kind });
    expect(delivery?.status).toBe('cancelled');
    expect(rule).toMatchObject({ matched: 1, fired: 1 });
  });
});
