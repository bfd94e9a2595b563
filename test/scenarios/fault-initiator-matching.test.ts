import { describe, expect, it } from 'vitest';
import request from 'supertest';
import type { ResultCallback } from 'daraja-client/wire';
import type { FaultRuleInput } from 'daraja-client/emulator';
import { token } from '../support/daraja-requests.js';
import {
  RESULT_URL,
  TIMEOUT_URL,
  b2cBody,
  balanceBody,
  paths,
  reversalBody,
  send,
  startInitiator,
  wallet,
} from '../support/initiator.js';
import {
  withRules,
  money,
  v1Body,
  statusWithoutOccasion,
  resultCode,
  QUEUE_TIMEOUT,
} from '../support/initiator-faults.js';

describe('matching initiator requests', () => {
  const FAIL = { type: 'initiator-result', resultCode: 2001 } as const;

  it.each([
    {
      case: 'the endpoint (B2C v3 only, not v1)',
      rule: { match: { endpoint: 'b2cV3' }, effect: FAIL },
      requests: [
        { path: paths.b2cV1, body: v1Body(), code: 0 },
        { path: paths.b2cV3, body: b2cBody(), code: 2001 },
      ],
    },
    {
      case: 'the API (a reversal rule leaves B2C alone)',
      rule: { match: { endpoint: 'reversal' }, effect: FAIL },
      requests: [
        { path: paths.b2cV3, body: b2cBody(), code: 0 },
        { path: paths.reversal, body: reversalBody(), code: 2001 },
      ],
    },
    {
      case: 'the shortcode (PartyA)',
      rule: { match: { shortcode: '600984' }, effect: FAIL },
      requests: [
        { path: paths.b2cV3, body: b2cBody(), code: 0 },
        { path: paths.b2cV3, body: b2cBody({ PartyA: 600984, OriginatorConversationID: 'b' }), code: 2001 },
      ],
    },
    {
      case: "the shortcode (Reversal's ReceiverParty)",
      rule: { match: { shortcode: '174379' }, effect: FAIL },
      requests: [{ path: paths.reversal, body: reversalBody(), code: 2001 }],
    },
    {
      case: 'the phone (PartyB)',
      rule: { match: { phone: '254712345678' }, effect: FAIL },
      requests: [
        { path: paths.b2cV3, body: b2cBody(), code: 0 },
        {
          path: paths.b2cV3,
          body: b2cBody({ PartyB: 254712345678, OriginatorConversationID: 'b' }),
          code: 2001,
        },
      ],
    },
    {
      case: 'the amount',
      rule: { match: { amount: { min: 1000 } }, effect: FAIL },
      requests: [
        { path: paths.b2cV3, body: b2cBody({ Amount: 999 }), code: 0 },
        { path: paths.b2cV3, body: b2cBody({ Amount: '1000', OriginatorConversationID: 'b' }), code: 2001 },
      ],
    },
    {
      case: 'the n-th matching request',
      rule: { nth: 2, effect: FAIL },
      requests: ['a', 'b', 'c'].map((id, i) => ({
        path: paths.b2cV3,
        body: b2cBody({ OriginatorConversationID: id }),
        code: i === 1 ? 2001 : 0,
      })),
    },
  ])('matches on $case', async ({ rule, requests }) => {
    const { emulator, bearer, last } = await withRules([rule as FaultRuleInput]);
    const codes = [];
    for (const r of requests) {
      await send(emulator.app, r.path, bearer, r.body).expect(200);
      codes.push(resultCode(await last()));
    }
    expect(codes).toEqual(requests.map((r) => r.code));
  });

  it('matches the app behind the token', async () => {
    const { emulator, bearer, last } = await withRules([{ match: { app: 'consumer-key' }, effect: FAIL }]);
    const other = await token(emulator.app, 'other-key', 'other-secret');
    await send(emulator.app, paths.b2cV3, other, b2cBody()).expect(200);
    expect(resultCode(await last())).toBe(0);
    await send(emulator.app, paths.b2cV3, bearer, b2cBody({ OriginatorConversationID: 'b' })).expect(200);
    expect(resultCode(await last())).toBe(2001);
  });

  it('fires the same way again with the same seed, and counts what it matched and fired', async () => {
    const run = async () => {
      const { emulator, bearer, last } = await withRules([{ name: 'flaky', probability: 0.5, effect: FAIL }]);
      const codes = [];
      for (let i = 0; i < 16; i++) {
        await send(emulator.app, paths.b2cV3, bearer, b2cBody({ OriginatorConversationID: `p-${i}` })).expect(
          200,
        );
        codes.push(resultCode(await last()));
      }
      return { codes, rule: emulator.faults.rules.list()[0] };
    };
    const first = await run();
    const second = await run();
    expect(second.codes).toEqual(first.codes);
    expect(first.codes).toContain(0);
    expect(first.codes).toContain(2001);
    expect(first.rule).toMatchObject({
      matched: 16,
      fired: first.codes.filter((c) => c === 2001).length,
    });
  });
});

describe('what decides an initiator request', () => {
  it('puts a rule above initiator.outcomes', async () => {
    const { emulator, bearer, last } = await withRules(
      [{ effect: { type: 'initiator-result', resultCode: 2001 } }],
      { initiator: { outcomes: { b2c: 'system-busy' } } },
    );
    await send(emulator.app, paths.b2cV3, bearer, b2cBody()).expect(200);
    expect(resultCode(await last())).toBe(2001);
  });

  it('processes normally, paying the customer, when a rule says normal over a failing setting', async () => {
    const { emulator, bearer, last } = await withRules(
      [{ effect: { type: 'initiator-result', outcome: 'normal' } }],
      {
        initiator: { outcomes: { b2c: 'system-busy' } },
      },
    );
    const before = wallet(emulator);
    await send(emulator.app, paths.b2cV3, bearer, b2cBody({ Amount: 100 })).expect(200);
    expect(resultCode(await last())).toBe(0);
    expect(wallet(emulator)).toBe(before + 100);
  });

  it('leaves the outcome to the setting when a rule only delays the Result', async () => {
    const { emulator, bearer, sink } = await withRules(
      [{ name: 'slow', effect: { type: 'initiator-result', resultDelayMs: 5_000 } }],
      { initiator: { outcomes: { b2c: 'system-busy' } } },
    );
    const ack = await send(emulator.app, paths.b2cV3, bearer, b2cBody()).expect(200);
    await emulator.advance(4_999);
    expect(sink.received).toHaveLength(0);
    await emulator.advance(1);
    expect(sink.received.map((r) => (r.body as ResultCallback).Result.ResultCode)).toEqual([26]);
    const t = emulator.transactions.get((ack.body as { ConversationID: string }).ConversationID);
    expect(t?.rules).toEqual(['slow']);
  });

  it('lets a queue timeout armed through the control API go first; the rule then takes the next request', async () => {
    const { emulator, bearer, results } = await withRules([
      { name: 'fail', effect: { type: 'initiator-result', resultCode: 2001 } },
    ]);
    await request(emulator.app).post('/_emulator/initiator/queue-timeout').send({ api: 'b2c' }).expect(201);
    await send(emulator.app, paths.b2cV3, bearer, b2cBody()).expect(200);
    expect(emulator.faults.rules.list()[0]).toMatchObject({ matched: 0, fired: 0 });
    await send(emulator.app, paths.b2cV3, bearer, b2cBody({ OriginatorConversationID: 'b' })).expect(200);
    expect((await results(TIMEOUT_URL)).map(resultCode)).toEqual([QUEUE_TIMEOUT.queueTimeoutCode]);
    expect((await results(RESULT_URL)).map(resultCode)).toEqual([2001]);
  });
});

describe('the delay before an initiator Result', () => {
  it('sends a forced failure after resultDelayMs, not before', async () => {
    const { emulator, bearer, sink } = await withRules([
      { effect: { type: 'initiator-result', resultCode: 1, resultDelayMs: 30_000 } },
    ]);
    const before = money(emulator);
    await send(emulator.app, paths.b2cV3, bearer, b2cBody()).expect(200);
    await emulator.advance(29_999);
    expect(sink.received).toHaveLength(0);
    await emulator.advance(1);
    expect(sink.received.map((r) => [r.url, (r.body as ResultCallback).Result.ResultCode])).toEqual([
      [RESULT_URL, 1],
    ]);
    expect(money(emulator)).toEqual(before);
  });

  it('delays a forced queue-timeout notification too', async () => {
    const { emulator, bearer, sink } = await withRules([
      { effect: { type: 'initiator-result', outcome: 'queue-timeout', resultDelayMs: 2_000 } },
    ]);
    await send(emulator.app, paths.balance, bearer, balanceBody()).expect(200);
    await emulator.advance(1_999);
    expect(sink.received).toHaveLength(0);
    await emulator.advance(1);
    expect(sink.received.map((r) => r.url)).toEqual([TIMEOUT_URL]);
  });

  it("adds a callback-delay rule on the result to the rule's own delay", async () => {
    const { emulator, bearer, sink } = await withRules([
      { effect: { type: 'initiator-result', resultCode: 2001, resultDelayMs: 1_000 } },
      { match: { callback: 'result' }, effect: { type: 'callback-delay', ms: 500 } },
    ]);
    await send(emulator.app, paths.status, bearer, statusWithoutOccasion()).expect(200);
    await emulator.advance(1_499);
    expect(sink.received).toHaveLength(0);
    await emulator.advance(1);
    expect(sink.received).toHaveLength(1);
  });
});

describe('checking initiator-result rules', () => {
  it.each([
    [{ type: 'initiator-result' }, /needs "outcome", "resultCode" or "resultDelayMs"/],
    [{ type: 'initiator-result', outcome: 'accept' }, /"effect.outcome" must be one of normal, /],
    [{ type: 'initiator-result', outcome: 'duplicate', resultCode: 15 }, /not both/],
    [{ type: 'initiator-result', resultCode: 'r1' }, /"effect.resultCode" must be a whole number or a code/],
    [{ type: 'initiator-result', resultCode: 1.5 }, /"effect.resultCode" must be a whole number or a code/],
    [
      { type: 'initiator-result', resultCode: 0, resultDesc: 'ok' },
      /"effect.resultDesc" needs a forced result/,
    ],
    [
      { type: 'initiator-result', outcome: 'normal', resultDesc: 'x' },
      /"effect.resultDesc" needs a forced result/,
    ],
    [{ type: 'initiator-result', resultCode: 1, resultDesc: 7 }, /"effect.resultDesc" must be a string/],
    [{ type: 'initiator-result', resultDelayMs: -1 }, /"effect.resultDelayMs" must be milliseconds/],
    [
      { type: 'initiator-result', resultCode: 1, decisionDelayMs: 5 },
      /unknown "initiator-result" effect field "decisionDelayMs"/,
    ],
  ])('refuses %j', async (effect, message) => {
    const { emulator } = await startInitiator();
    const res = await request(emulator.app).post('/_emulator/faults').send({ effect }).expect(400);
    expect(res.body.error.code).toBe('invalid_rule');
    expect(res.body.error.message).toMatch(message);
  });

  it('accepts a delay drawn from a range and keeps the rule as written', async () => {
    const { emulator } = await startInitiator();
    const effect = { type: 'initiator-result', resultCode: 'SFC_IC0003', resultDelayMs: { min: 1, max: 9 } };
    const res = await request(emulator.app).post('/_emulator/faults').send({ effect }).expect(201);
    expect(res.body.effect).toEqual(effect);
  });
});
