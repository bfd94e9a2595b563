import { describe, expect, it } from 'vitest';
import type { FaultRuleInput, TransactionView } from 'daraja-client/emulator';
import { capture, keyOrder, shapeOf } from '../support/captures.js';
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
import { stkPayment } from '../support/initiator-payments.js';
import {
  PLACEHOLDER,
  withRules,
  money,
  v1Body,
  pochiBody,
  statusWithoutOccasion,
  QUEUE_TIMEOUT,
} from '../support/initiator-faults.js';

describe('fault rules force the Result of the initiator APIs', () => {
  it.each([
    {
      api: 'B2C v3',
      path: paths.b2cV3,
      body: () => b2cBody(),
      effect: { outcome: 'credential-locked' },
      setting: { b2c: 'credential-locked' },
      code: 8006,
      desc: 'The security credential is locked.',
      live: 'sandbox/callbacks/b2c-result-locked.json',
    },
    {
      api: 'B2C v1',
      path: paths.b2cV1,
      body: () => v1Body(),
      effect: { resultCode: 2001 },
      setting: { b2c: 2001 },
      code: 2001,
      desc: 'The initiator information is invalid.',
      live: 'portal-samples/pochi-result-failure.json',
    },
    {
      api: 'B2Pochi',
      path: paths.b2pochi,
      body: pochiBody,
      effect: { resultCode: 8006 },
      setting: { b2pochi: 8006 },
      code: 8006,
      desc: 'The security credential is locked.',
      live: 'sandbox/callbacks/b2c-pochi-result.json',
    },
    {
      api: 'Transaction Status',
      path: paths.status,
      body: statusWithoutOccasion,
      effect: { outcome: 'unknown-receipt' },
      setting: { 'transaction-status': 'unknown-receipt' },
      code: 2032,
      desc: 'The transaction receipt number does not exist.',
      live: 'sandbox/callbacks/status-result-not-found.json',
    },
    {
      api: 'Account Balance',
      path: paths.balance,
      body: () => balanceBody(),
      effect: { resultCode: 8006 },
      setting: { 'account-balance': 8006 },
      code: 8006,
      desc: 'The security credential is locked.',
      live: 'sandbox/callbacks/balance-result-locked.json',
    },
    {
      api: 'Reversal',
      path: paths.reversal,
      body: () => reversalBody(),
      effect: { outcome: 'unknown-receipt' },
      setting: { reversal: 'unknown-receipt' },
      code: 'R000002',
      desc: 'The OriginalTransactionID is invalid.',
      live: 'sandbox/callbacks/reversal-result-invalid.json',
    },
  ] as const)(
    '$api: posts $code in the live failure shape, moves no money and names the rule',
    async ({ path, body, effect, setting, code, desc, live }) => {
      const rule: FaultRuleInput = { name: 'forced', effect: { type: 'initiator-result', ...effect } };
      const { emulator, bearer, last } = await withRules([rule]);
      const before = money(emulator);
      const ack = await send(emulator.app, path, bearer, body()).expect(200);
      const result = await last();

      expect(result.Result).toMatchObject({ ResultType: 0, ResultCode: code, ResultDesc: desc });
      expect(result.Result.TransactionID).toMatch(PLACEHOLDER);
      expect(keyOrder(result)).toEqual(keyOrder(capture(live)));
      expect(shapeOf(result)).toEqual(shapeOf(capture(live)));
      expect(money(emulator)).toEqual(before);

      // The same request forced through the setting gets the very same callback: one way to build failures.
      const configured = await startInitiator({ initiator: { outcomes: setting } });
      await send(configured.emulator.app, path, configured.bearer, body()).expect(200);
      expect(result).toEqual(await configured.last());

      const id = (ack.body as { ConversationID: string }).ConversationID;
      const t = emulator.transactions.get(id) as TransactionView;
      expect(t).toMatchObject({ status: 'failed', resultCode: code, rules: ['forced'] });
      expect(t.decision?.by).toBe('rule');
      expect(configured.emulator.transactions.get(id)?.rules).toBeUndefined();
      const entry = emulator.journal.list({ transactionId: id })[0];
      expect(entry?.explanation).toContain(`Fault rule "forced": the result is forced to ${code} "${desc}".`);
      expect(entry?.rules).toEqual(['forced']);
    },
  );

  it('leaves the money of a paid STK payment alone when its reversal is forced to fail', async () => {
    const { emulator, bearer, last } = await withRules([
      { match: { endpoint: 'reversal' }, effect: { type: 'initiator-result', resultCode: 'R000001' } },
    ]);
    const paid = stkPayment(emulator, 200);
    const before = money(emulator);
    await send(emulator.app, paths.reversal, bearer, reversalBody({ TransactionID: paid.receipt })).expect(
      200,
    );
    expect((await last()).Result).toMatchObject({
      ResultCode: 'R000001',
      ResultDesc: 'The transaction has already been reversed',
    });
    expect(money(emulator)).toEqual(before);
    expect(emulator.transactions.get(paid.id)?.status).toBe('completed');
  });

  it('replaces the text with resultDesc and sends a numeric code given as text as a number', async () => {
    const { emulator, bearer, last } = await withRules([
      { effect: { type: 'initiator-result', resultCode: '2040', resultDesc: 'Not for this customer.' } },
    ]);
    await send(emulator.app, paths.b2cV3, bearer, b2cBody()).expect(200);
    expect((await last()).Result).toMatchObject({ ResultCode: 2040, ResultDesc: 'Not for this customer.' });
  });

  it('sends a forced queue timeout to QueueTimeOutURL with the configured code and text', async () => {
    const { emulator, bearer, results, last } = await withRules([
      { effect: { type: 'initiator-result', outcome: 'queue-timeout' } },
    ]);
    const before = wallet(emulator);
    await send(emulator.app, paths.b2cV3, bearer, b2cBody()).expect(200);
    expect((await last(TIMEOUT_URL)).Result).toMatchObject({
      ResultCode: QUEUE_TIMEOUT.queueTimeoutCode,
      ResultDesc: QUEUE_TIMEOUT.queueTimeoutDesc,
    });
    expect(await results(RESULT_URL)).toEqual([]);
    expect(wallet(emulator)).toBe(before);
  });
});
