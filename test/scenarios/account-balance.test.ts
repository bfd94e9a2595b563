import { describe, expect, it } from 'vitest';
import request from 'supertest';
import type { MovementView, ShortcodeDetailView } from 'daraja-client/emulator';
import { capture, keyOrder, sandboxAnswer, shapeOf } from '../support/captures.js';
import { JOHN, b2cBody, balanceBody, parameters, paths, send, startInitiator } from '../support/initiator.js';

const PORTAL_BALANCE =
  'Working Account|KES|700000.00|700000.00|0.00|0.00&Float Account|KES|0.00|0.00|0.00|0.00&Utility Account|KES|228037.00|228037.00|0.00|0.00&Charges Paid Account|KES|-1540.00|-1540.00|0.00|0.00&Organization Settlement Account|KES|0.00|0.00|0.00|0.00';

describe('Account Balance', () => {
  it('acknowledges with OriginatorConversationID first', async () => {
    const { emulator, bearer } = await startInitiator();
    const res = await send(emulator.app, paths.balance, bearer, balanceBody()).expect(200);
    expect(keyOrder(res.body)).toEqual(keyOrder(sandboxAnswer('status.conversation-id.json').response));
  });

  it("reports the shortcode's live balances in Daraja's AccountBalance string, byte for byte like the portal sample", async () => {
    const { emulator, bearer, last } = await startInitiator();
    await request(emulator.app)
      .patch('/_emulator/shortcodes/600984')
      .send({ balances: { 'Charges Paid Account': -1540 } })
      .expect(200);
    await send(emulator.app, paths.balance, bearer, balanceBody()).expect(200);
    const result = await last();
    const sample = capture<{ Result: Record<string, unknown> }>('portal-samples/balance-result.json');
    expect(keyOrder(result)).toEqual(keyOrder(sample));
    // The portal sample writes ResultType/ResultCode/BOCompletedTime as strings; live results use numbers.
    expect(result.Result).toMatchObject({
      ResultType: 0,
      ResultCode: 0,
      ResultDesc: sample.Result.ResultDesc,
    });
    expect(parameters(result)).toEqual({ AccountBalance: PORTAL_BALANCE, BOCompletedTime: 20260101120000 });
    expect(result.Result.ReferenceData?.ReferenceItem).toEqual(
      (sample.Result.ReferenceData as { ReferenceItem: unknown }).ReferenceItem,
    );
    expect(result.Result.TransactionID).toMatch(/^UA10000000$/);
  });

  it('shows the effect of a B2C payment on the next balance query', async () => {
    const { emulator, bearer, last } = await startInitiator();
    await send(emulator.app, paths.b2cV3, bearer, b2cBody({ Amount: 1000 })).expect(200);
    await send(emulator.app, paths.balance, bearer, balanceBody({ PartyA: 600997 })).expect(200);
    expect(String(parameters(await last()).AccountBalance)).toContain(
      'Utility Account|KES|8958269.60|8958269.60|0.00|0.00',
    );
  });

  it("lists a till's Merchant Account first", async () => {
    const { emulator, bearer, last } = await startInitiator();
    await send(
      emulator.app,
      paths.balance,
      bearer,
      balanceBody({ PartyA: '373132', IdentifierType: '2' }),
    ).expect(200);
    expect(String(parameters(await last()).AccountBalance)).toMatch(
      /^Merchant Account\|KES\|0\.00\|0\.00\|0\.00\|0\.00&/,
    );
  });

  it('fails like the live sandbox when the initiator is locked: parameters kept, QueueTimeoutURL without a value', async () => {
    const { emulator, bearer, last } = await startInitiator({
      initiator: { outcomes: { 'account-balance': 'credential-locked' } },
    });
    await send(emulator.app, paths.balance, bearer, balanceBody()).expect(200);
    const result = await last();
    const live = capture('sandbox/callbacks/balance-result-locked.json');
    expect(keyOrder(result)).toEqual(keyOrder(live));
    expect(shapeOf(result)).toEqual(shapeOf(live));
    expect(parameters(result)).toEqual({
      ActionType: 'AccountBalance',
      ErrorMsg: 'API Password is locked. ',
      BOCompletedTime: 20260101120000,
    });
  });

  it('answers 2001 for an initiator the shortcode does not have', async () => {
    const { emulator, bearer, last } = await startInitiator();
    await send(emulator.app, paths.balance, bearer, balanceBody({ Initiator: 'apiop37' })).expect(200);
    expect(parameters(await last()).ErrorMsg).toBe('The initiator information is invalid.');
  });

  it.each([
    ['Initiator', { Initiator: '' }],
    ['SecurityCredential', { SecurityCredential: ['x'] }],
    ['CommandID', { CommandID: 'Balance' }],
    ['PartyA', { PartyA: undefined }],
    ['IdentifierType', { IdentifierType: '11' }],
    ['Remarks', { Remarks: '' }],
    ['QueueTimeOutURL', { QueueTimeOutURL: 'https://' }],
    ['ResultURL', { ResultURL: 'merchant.example/result' }],
  ])('rejects a bad %s with 400.002.02', async (field, overrides) => {
    const { emulator, bearer } = await startInitiator();
    const res = await send(emulator.app, paths.balance, bearer, balanceBody(overrides)).expect(400);
    expect(res.body.errorMessage).toBe(`Bad Request - Invalid ${field}`);
  });
});

describe('Balances and movements through the control API', () => {
  it('sets balances with PATCH, recording each adjustment as a movement from the world', async () => {
    const { emulator } = await startInitiator();
    const conservation = emulator.ledger.conservationCents();
    const res = await request(emulator.app)
      .patch('/_emulator/shortcodes/600997')
      .send({ balances: { 'Utility Account': 1000.5, 'Float Account': 20 } })
      .expect(200);
    expect((res.body as ShortcodeDetailView).accounts).toMatchObject({
      'Utility Account': 1000.5,
      'Float Account': 20,
    });
    const movements = (await request(emulator.app).get('/_emulator/shortcodes/600997/movements').expect(200))
      .body as MovementView[];
    expect(movements[0]).toMatchObject({
      from: { type: 'world' },
      to: { type: 'org', account: 'Float Account' },
      amount: 20,
      reason: 'adjustment',
    });
    expect(emulator.ledger.conservationCents()).toBe(conservation);
  });

  it('lists the movements of a payment for the shortcode and for the customer, newest first', async () => {
    const { emulator, bearer, last } = await startInitiator();
    await send(emulator.app, paths.b2cV3, bearer, b2cBody({ Amount: 77 })).expect(200);
    const receipt = (await last()).Result.TransactionID;
    const mine = (
      await request(emulator.app)
        .get(`/_emulator/customers/${JOHN}/movements`)
        .query({ limit: 1 })
        .expect(200)
    ).body as MovementView[];
    expect(mine).toEqual([
      expect.objectContaining({
        receipt,
        amount: 77,
        from: { type: 'org', shortcode: '600997', account: 'Utility Account' },
        to: { type: 'customer', msisdn: JOHN },
      }),
    ]);
    const org = (await request(emulator.app).get('/_emulator/shortcodes/600997/movements').expect(200))
      .body as MovementView[];
    expect(org[0]?.receipt).toBe(receipt);
  });

  it.each([
    [{ balances: { 'Utility Account': 'ten' } }, 400],
    [{ balances: { 'Utility Account': 1.234 } }, 400],
    [{ balances: [] }, 400],
    [{}, 400],
  ])('refuses the patch %j', async (body, status) => {
    const { emulator } = await startInitiator();
    await request(emulator.app).patch('/_emulator/shortcodes/600997').send(body).expect(status);
  });

  it('answers 404 for shortcodes and customers it does not know', async () => {
    const { emulator } = await startInitiator();
    await request(emulator.app).get('/_emulator/shortcodes/999999/movements').expect(404);
    await request(emulator.app).get('/_emulator/customers/254799999999/movements').expect(404);
    await request(emulator.app).patch('/_emulator/shortcodes/999999').send({ balances: {} }).expect(404);
  });

  it.each([{ api: 'not-an-api' }, { shortcode: 12 }, { count: 0 }])(
    'refuses the queue-timeout request %j',
    async (body) => {
      const { emulator } = await startInitiator();
      await request(emulator.app).post('/_emulator/initiator/queue-timeout').send(body).expect(400);
    },
  );
});
