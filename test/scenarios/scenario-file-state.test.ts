import { describe, expect, it } from 'vitest';
import request from 'supertest';
import type { StateDocument } from 'daraja-client/emulator';
import { post, stkBody, token } from '../support/daraja-requests.js';
import { rawSink } from './fault-support.js';
import { Emulator } from '../../emulator/src/internals.js';

const PUSH = '/mpesa/stkpush/v1/processrequest';

/** An emulator with some history: a paid push, a customer, a fault rule, settings, and an open prompt. */
async function busyEmulator() {
  const sink = rawSink();
  const emulator = new Emulator({
    clock: 'manual',
    seed: 9,
    poster: sink.poster,
    settings: { stk: { defaultOutcome: 'accept' } },
  });
  const bearer = await token(emulator.app);
  await post(emulator.app, PUSH, bearer, stkBody(emulator.clock.now())).expect(200);
  await emulator.advance(1000);
  await request(emulator.app)
    .post('/_emulator/customers')
    .send({ msisdn: '254799000001', name: 'Otieno', balance: 42 })
    .expect(201);
  await request(emulator.app)
    .post('/_emulator/faults')
    .send({ name: 'busy', match: { amount: 77 }, effect: { type: 'error', error: 'system-busy' } })
    .expect(201);
  await request(emulator.app)
    .patch('/_emulator/settings')
    .send({ stk: { defaultOutcome: 'wait' }, rateLimit: { tps: 50 } })
    .expect(200);
  const open = await post(
    emulator.app,
    PUSH,
    bearer,
    stkBody(emulator.clock.now(), { PartyA: '254799000001', PhoneNumber: '254799000001' }),
  ).expect(200);
  return { emulator, bearer, sink, openId: open.body.CheckoutRequestID as string };
}

describe('state export and import', () => {
  it('exports every collection, the settings, the world and the rules', async () => {
    const { emulator } = await busyEmulator();
    const res = await request(emulator.app).get('/_emulator/state').expect(200);
    const doc = res.body as StateDocument;
    expect(doc).toMatchObject({
      format: 'daraja-emulator-state',
      version: 1,
      exportedAt: emulator.clock.now(),
    });
    expect(Object.keys(doc.collections)).toEqual(
      expect.arrayContaining([
        'customers',
        'shortcodes',
        'movements',
        'transactions',
        'deliveries',
        'journal',
        'tokens',
        'messages',
      ]),
    );
    expect(doc.collections.transactions).toHaveLength(2);
    expect(doc.settings.rateLimit.tps).toBe(50);
    expect(doc.faults).toEqual([
      {
        id: 'rule-1',
        name: 'busy',
        enabled: true,
        match: { amount: 77 },
        effect: { type: 'error', error: 'system-busy' },
      },
    ]);
  });

  it('round-trips: a new emulator given the document exports the same document and carries on where the first stopped', async () => {
    const first = await busyEmulator();
    const doc = (await request(first.emulator.app).get('/_emulator/state').expect(200)).body as StateDocument;

    const sink = rawSink();
    const second = new Emulator({ clock: 'manual', poster: sink.poster });
    await request(second.app).put('/_emulator/state').send(doc).expect(204);
    const again = (await request(second.app).get('/_emulator/state').expect(200)).body as StateDocument;
    expect(again).toEqual(doc);

    // Tokens, balances and rules came along.
    await post(second.app, PUSH, first.bearer, stkBody(second.clock.now(), { Amount: 77 })).expect(500);
    expect(second.ledger.customer('254799000001')?.balanceCents).toBe(4200);
    expect(second.ledger.conservationCents()).toBe(0);
    // The prompt left open is still timed: it times out on the new emulator and its callback goes out.
    expect(second.transactions.get(first.openId)?.status).toBe('pending');
    await second.advance(60_000);
    expect(second.transactions.get(first.openId)?.resultCode).toBe(1037);
    expect(sink.json().map((b) => b.Body.stkCallback.CheckoutRequestID)).toEqual([first.openId]);
  });

  it('replaces what the target held before', async () => {
    const { emulator } = await busyEmulator();
    const empty = new Emulator({ clock: 'manual' });
    const doc = (await request(empty.app).get('/_emulator/state').expect(200)).body as StateDocument;
    await request(emulator.app).put('/_emulator/state').send(doc).expect(204);
    expect(emulator.transactions.list({})).toEqual([]);
    expect(emulator.faults.rules.list()).toEqual([]);
    expect(emulator.settings.current.rateLimit.tps).toBe(0);
    expect(emulator.ledger.customer('254799000001')).toBeUndefined();
  });

  it.each([
    [{}, /"format"/],
    [{ format: 'daraja-emulator-state', version: 2 }, /version/],
    [
      {
        format: 'daraja-emulator-state',
        version: 1,
        exportedAt: 0,
        settings: {},
        world: { apps: [], shortcodes: [], customers: [] },
        faults: [],
        collections: { customers: [{ msisdn: 'x' }] },
      },
      /collections.customers must be a list of records/,
    ],
    [
      {
        format: 'daraja-emulator-state',
        version: 1,
        exportedAt: 0,
        settings: { stk: { defaultOutcome: 'maybe' } },
        world: { apps: [], shortcodes: [], customers: [] },
        faults: [],
        collections: {},
      },
      /settings: Setting "stk.defaultOutcome"/,
    ],
    [
      {
        format: 'daraja-emulator-state',
        version: 1,
        exportedAt: 0,
        settings: {},
        world: { apps: [], shortcodes: [], customers: [] },
        faults: [{ effect: {} }],
        collections: {},
      },
      /faults\[0\]/,
    ],
  ])('refuses a broken document with a 400 and keeps the state (%#)', async (doc, message) => {
    const { emulator } = await busyEmulator();
    const res = await request(emulator.app).put('/_emulator/state').send(doc).expect(400);
    expect(res.body.error).toMatchObject({ code: 'invalid_state' });
    expect(res.body.error.message).toMatch(message);
    expect(emulator.transactions.list({})).toHaveLength(2);
  });
});
