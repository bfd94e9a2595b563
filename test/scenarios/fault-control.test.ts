import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { token } from '../support/daraja-requests.js';
import { faultyEmulator, push } from './fault-support.js';
import { Emulator } from '../../emulator/src/internals.js';

const BUSY = { type: 'error', error: 'system-busy' } as const;

describe('fault rules through the control API', () => {
  it('adds, lists with counters, removes one and removes all', async () => {
    const { emulator, bearer } = await faultyEmulator();
    const app = emulator.app;
    const created = await request(app)
      .post('/_emulator/faults')
      .send({ name: 'busy stk', match: { endpoint: 'stk-push' }, effect: BUSY })
      .expect(201);
    expect(created.body).toMatchObject({
      id: 'rule-1',
      name: 'busy stk',
      enabled: true,
      matched: 0,
      fired: 0,
    });
    const more = await request(app)
      .post('/_emulator/faults')
      .send([
        { id: 'slow', effect: { type: 'delay', ms: 0 } },
        { effect: { type: 'hang' }, enabled: false },
      ])
      .expect(201);
    expect(more.body.map((r: { id: string }) => r.id)).toEqual(['slow', 'rule-2']);

    await push(emulator, bearer).expect(500);
    const list = await request(app).get('/_emulator/faults').expect(200);
    expect(list.body.map((r: { id: string; fired: number }) => [r.id, r.fired])).toEqual([
      ['rule-1', 1],
      ['slow', 0],
      ['rule-2', 0],
    ]);
    expect(emulator.journal.list()[0]?.rules).toEqual(['busy stk']);

    await request(app).get('/_emulator/faults/slow').expect(200);
    await request(app).delete('/_emulator/faults/rule-1').expect(204);
    await request(app).delete('/_emulator/faults/rule-1').expect(404);
    await push(emulator, bearer).expect(200);
    await request(app).delete('/_emulator/faults').expect(204);
    expect((await request(app).get('/_emulator/faults')).body).toEqual([]);
  });

  it('replaces every rule with PUT', async () => {
    const { emulator } = await faultyEmulator([{ effect: BUSY }, { effect: BUSY }]);
    const res = await request(emulator.app)
      .put('/_emulator/faults')
      .send({ rules: [{ name: 'only', effect: BUSY }] })
      .expect(200);
    expect(res.body.map((r: { name: string }) => r.name)).toEqual(['only']);
  });

  it.each([
    [{}, /"effect.type" must be one of/],
    [{ effect: { type: 'explode' } }, /"effect.type" must be one of/],
    [{ effect: BUSY, nth: 0 }, /"nth" must be a whole number/],
    [{ effect: BUSY, probability: 1.5 }, /"probability" must be a number from 0 to 1/],
    [{ effect: BUSY, colour: 'red' }, /unknown rule field "colour"/],
    [{ effect: { type: 'error' } }, /needs "error"/],
    [{ effect: { type: 'error', error: 'nope' } }, /"effect.error" must be one of/],
    [{ effect: { type: 'delay', ms: -1 } }, /"effect.ms" must be milliseconds/],
    [{ effect: { type: 'delay', ms: 5, speed: 2 } }, /unknown "delay" effect field "speed"/],
    [{ effect: { type: 'truncate', keep: 1 } }, /"effect.keep"/],
    [{ effect: { type: 'stk-outcome' } }, /needs "outcome", "resultCode" or "decisionDelayMs"/],
    [{ effect: { type: 'stk-outcome', outcome: 'explode' } }, /"effect.outcome" must be one of/],
    [{ effect: { type: 'stk-outcome', resultCode: 'E3008' } }, /"effect.resultCode" must be a whole number/],
    [{ effect: BUSY, match: { phone: '0712345678' } }, /"match.phone" must be an MSISDN/],
    [{ effect: BUSY, match: { endpoint: 'payments' } }, /"match.endpoint" must be an API name/],
    [{ effect: BUSY, match: { amount: { min: 5, max: 1 } } }, /"match.amount" bounds/],
    [{ effect: BUSY, match: { callback: 'result' } }, /"match.callback" applies only to callback effects/],
    [{ effect: { type: 'callback-duplicate', copies: 11 } }, /"effect.copies" must be 1 to 10/],
    [{ id: 'magic', effect: BUSY }, /"magic" is reserved/],
  ])('rejects the invalid rule %j with a 400 that says why', async (rule, message) => {
    const { emulator } = await faultyEmulator();
    const res = await request(emulator.app).post('/_emulator/faults').send(rule).expect(400);
    expect(res.body.error.code).toBe('invalid_rule');
    expect(res.body.error.message).toMatch(message);
    expect(emulator.faults.rules.list()).toEqual([]);
  });

  it('adds none of a list when one rule is invalid, and refuses a duplicate id', async () => {
    const { emulator } = await faultyEmulator([{ id: 'taken', effect: BUSY }]);
    await request(emulator.app)
      .post('/_emulator/faults')
      .send([{ effect: BUSY }, { effect: {} }])
      .expect(400);
    const dup = await request(emulator.app)
      .post('/_emulator/faults')
      .send({ id: 'taken', effect: BUSY })
      .expect(400);
    expect(dup.body.error.message).toMatch(/already exists/);
    expect(emulator.faults.rules.list()).toHaveLength(1);
  });

  it('takes rules from the emulator options (the config file’s faults key) and refuses invalid ones', async () => {
    const emulator = new Emulator({
      clock: 'manual',
      faults: [{ name: 'from config', match: { endpoint: 'stk-push' }, effect: BUSY }],
    });
    const bearer = await token(emulator.app);
    await push(emulator, bearer).expect(500);
    expect(() => new Emulator({ faults: [{ effect: { type: 'nope' } } as never] })).toThrow(
      /faults.*effect.type/,
    );
  });

  it('keeps the rules on reset but starts their counters again', async () => {
    const { emulator, bearer } = await faultyEmulator([
      { nth: 1, match: { endpoint: 'stk-push' }, effect: BUSY },
    ]);
    await push(emulator, bearer).expect(500);
    await request(emulator.app).post('/_emulator/reset').expect(204);
    const again = await token(emulator.app);
    expect(bearer).not.toBe(again);
    await push(emulator, again).expect(500);
    await emulator.advance(60_000);
    await push(emulator, again).expect(200);
  });

  it('lists the magic numbers and whether they are on', async () => {
    const { emulator } = await faultyEmulator();
    const res = await request(emulator.app).get('/_emulator/faults/magic').expect(200);
    expect(res.body.enabled).toBe(true);
    expect(res.body.phones).toContainEqual(
      expect.objectContaining({ phone: '254700001032', outcome: 'decline' }),
    );
  });
});
