import { describe, expect, it } from 'vitest';
import request from 'supertest';
import type { FaultMatch, FaultRuleInput } from 'daraja-client/emulator';
import { eat, password, post, stkBody, token } from '../support/daraja-requests.js';
import { faultyEmulator, push } from './fault-support.js';
import { Emulator } from '../../emulator/src/internals.js';

const BUSY = { type: 'error', error: 'system-busy' } as const;
const ACCEPT = { stk: { defaultOutcome: 'accept' as const } };

/** Pushes one STK request per override and returns the HTTP statuses (time moves on between them). */
async function statuses(
  rules: FaultRuleInput[],
  bodies: Record<string, unknown>[],
  seed: number | string = 1,
) {
  const { emulator, bearer } = await faultyEmulator(rules, ACCEPT, seed);
  const out: number[] = [];
  for (const body of bodies) {
    out.push((await push(emulator, bearer, body)).status);
    await emulator.advance(1000);
  }
  return { out, emulator };
}

const OTHER_PHONE = { PartyA: '254712345678', PhoneNumber: '254712345678' };

describe('fault rule matchers', () => {
  it.each<[string, FaultMatch, Record<string, unknown>, Record<string, unknown>]>([
    ['endpoint by API name', { endpoint: 'stk-push' }, {}, {}],
    ['endpoint by DarajaPaths key', { endpoint: 'stkPush' }, {}, {}],
    ['endpoint by path', { endpoint: '/mpesa/stkpush/v1/processrequest' }, {}, {}],
    [
      'shortcode',
      { shortcode: '373132' },
      { BusinessShortCode: 373132, PartyB: '373132', TransactionType: 'CustomerBuyGoodsOnline' },
      {},
    ],
    ['phone', { phone: '254712345678' }, OTHER_PHONE, {}],
    ['exact amount', { amount: 10 }, { Amount: 10 }, { Amount: 11 }],
    ['amount range', { amount: { min: 100, max: 200 } }, { Amount: '150' }, { Amount: 201 }],
    [
      'account reference',
      { accountReference: ['INV-1', 'INV-2'] },
      { AccountReference: 'INV-2' },
      { AccountReference: 'INV-3' },
    ],
    [
      'several fields together',
      { phone: '254712345678', amount: 10 },
      { ...OTHER_PHONE, Amount: 10 },
      { ...OTHER_PHONE, Amount: 9 },
    ],
  ])('fires on %s and not otherwise', async (_name, match, hit, miss) => {
    const body = (b: Record<string, unknown>) =>
      b.BusinessShortCode === 373132
        ? { ...b, Password: password(eat(Date.UTC(2026, 0, 1, 9)), '373132') }
        : b;
    const { out } = await statuses([{ match, effect: BUSY }], [body(hit), body(miss)]);
    const missed = Object.keys(miss).length === 0 ? undefined : out[1];
    expect(out[0]).toBe(500);
    if (missed !== undefined) expect(missed).toBe(200);
  });

  it('does not fire for other endpoints', async () => {
    const { emulator, bearer } = await faultyEmulator([{ match: { endpoint: 'stk-query' }, effect: BUSY }]);
    await push(emulator, bearer).expect(200);
    const query = await request(emulator.app)
      .post('/mpesa/stkpushquery/v1/query')
      .set('Authorization', `Bearer ${bearer}`)
      .send({})
      .expect(500);
    expect(query.body.errorMessage).toBe('System is busy. Please try again in few minutes.');
  });

  it('matches the app by configured name or by consumer key', async () => {
    const emulator = new Emulator({
      clock: 'manual',
      world: { apps: [{ name: 'shop', consumerKey: 'shopkey', consumerSecret: 'shopsecret' }] },
      settings: ACCEPT,
    });
    const shop = await token(emulator.app, 'shopkey', 'shopsecret');
    const stranger = await token(emulator.app, 'strangerkey', 's');
    const other = await token(emulator.app, 'otherkey', 's');
    emulator.faults.rules.add([{ match: { app: ['shop', 'strangerkey'] }, effect: BUSY }]);
    const now = () => emulator.clock.now();
    await post(emulator.app, '/mpesa/stkpush/v1/processrequest', shop, stkBody(now())).expect(500);
    await post(emulator.app, '/mpesa/stkpush/v1/processrequest', stranger, stkBody(now())).expect(500);
    await post(emulator.app, '/mpesa/stkpush/v1/processrequest', other, stkBody(now())).expect(200);
  });

  it('fires only on the n-th matching request with nth', async () => {
    const { out } = await statuses([{ nth: 3, effect: BUSY }], [{}, {}, {}, {}, {}]);
    expect(out).toEqual([200, 200, 500, 200, 200]);
  });

  it('fires on every n-th matching request with every, at most `times` times', async () => {
    const { out, emulator } = await statuses(
      [{ every: 2, times: 2, effect: BUSY }],
      [{}, {}, {}, {}, {}, {}, {}],
    );
    expect(out).toEqual([200, 500, 200, 500, 200, 200, 200]);
    expect(emulator.faults.rules.list()[0]).toMatchObject({ matched: 7, fired: 2 });
  });

  it('fires once with times: 1', async () => {
    const { out } = await statuses([{ times: 1, effect: BUSY }], [{}, {}, {}]);
    expect(out).toEqual([500, 200, 200]);
  });

  it('counts only requests that match the other fields', async () => {
    const { out } = await statuses(
      [{ match: { amount: 5 }, nth: 2, effect: BUSY }],
      [{ Amount: 5 }, { Amount: 6 }, { Amount: 5 }],
    );
    expect(out).toEqual([200, 200, 500]);
  });

  it('fires with the given probability, the same way for the same seed', async () => {
    const bodies = Array.from({ length: 40 }, () => ({}));
    const rule: FaultRuleInput = { probability: 0.5, effect: BUSY };
    const a = await statuses([rule], bodies, 'alpha');
    const b = await statuses([rule], bodies, 'alpha');
    const c = await statuses([rule], bodies, 'beta');
    expect(a.out).toEqual(b.out);
    expect(a.out).not.toEqual(c.out);
    const fired = a.out.filter((s) => s === 500).length;
    expect(fired).toBeGreaterThan(8);
    expect(fired).toBeLessThan(32);
  });

  it('uses the rule’s own seed when it has one, whatever the emulator’s seed', async () => {
    const bodies = Array.from({ length: 20 }, () => ({}));
    const rule: FaultRuleInput = { probability: 0.5, seed: 42, effect: BUSY };
    const a = await statuses([rule], bodies, 'one');
    const b = await statuses([rule], bodies, 'two');
    expect(a.out).toEqual(b.out);
  });

  it('never fires with probability 0 and always with probability 1', async () => {
    const { out } = await statuses(
      [
        { match: { amount: 1 }, probability: 0, effect: BUSY },
        { match: { amount: 2 }, probability: 1, effect: BUSY },
      ],
      [{ Amount: 1 }, { Amount: 1 }, { Amount: 2 }, { Amount: 2 }],
    );
    expect(out).toEqual([200, 200, 500, 500]);
  });

  it('skips disabled rules', async () => {
    const { out } = await statuses([{ enabled: false, effect: BUSY }], [{}]);
    expect(out).toEqual([200]);
  });
});
