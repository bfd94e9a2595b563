import { describe, expect, it } from 'vitest';
import type { TransactionView } from 'daraja-client/emulator';
import { KRA_SHORTCODE, type ResultCallback } from 'daraja-client/wire';
import { capture, keyOrder, shapeOf } from '../support/captures.js';
import { account, parameters, paths, send, startInitiator, statusBody } from '../support/initiator.js';
import { withRules } from '../support/initiator-faults.js';
import { b2bPaths, taxBody } from '../support/b2b.js';

describe('Tax remittance: a business pays KRA', () => {
  it('acknowledges as the portal sample does, with OriginatorConversationID first', async () => {
    const { emulator, bearer } = await startInitiator();
    const ack = await send(emulator.app, b2bPaths.tax, bearer, taxBody()).expect(200);
    expect(Object.keys(ack.body)).toEqual([
      'OriginatorConversationID',
      'ConversationID',
      'ResponseCode',
      'ResponseDescription',
    ]);
    expect(ack.body).toMatchObject({
      ResponseCode: '0',
      ResponseDescription: 'Accept the service request successfully.',
    });
  });

  it('moves the tax from the Working Account to KRA and posts the documented result with the PRN', async () => {
    const { emulator, bearer, last } = await startInitiator();
    const working = account(emulator, '600984', 'Working Account');
    const ack = await send(emulator.app, b2bPaths.tax, bearer, taxBody({ Amount: '5000' })).expect(200);
    const result = await last();
    const sample = capture<ResultCallback>('portal-samples/tax-result-success.json');
    expect(keyOrder(result.Result.ResultParameters)).toEqual(keyOrder(sample.Result.ResultParameters));
    expect(parameters(result)).toMatchObject({
      Amount: '5000.00',
      ReceiverPartyPublicName: `${KRA_SHORTCODE} - Kenya Revenue Authority`,
      DebitPartyAffectedAccountBalance: `Working Account|KES|${(working - 5000).toFixed(2)}|${(working - 5000).toFixed(2)}|0.00|0.00`,
    });
    expect(result.Result.ResultCode).toBe(0);
    expect(result.Result.ReferenceData).toEqual(
      capture<ResultCallback>('sandbox/callbacks/b2b-tax-result-locked.json').Result.ReferenceData,
    );
    expect(account(emulator, KRA_SHORTCODE, 'Utility Account')).toBe(5000);
    expect(account(emulator, '600984', 'Working Account')).toBe(working - 5000);
    expect(emulator.transactions.get(ack.body.ConversationID)).toMatchObject({
      type: 'tax-remittance',
      status: 'completed',
      partyB: KRA_SHORTCODE,
      accountReference: 'PRN1234XN',
    } satisfies Partial<TransactionView>);

    await send(
      emulator.app,
      paths.status,
      bearer,
      statusBody({ PartyA: '600984', TransactionID: result.Result.TransactionID }),
    ).expect(200);
    expect(parameters(await last())).toMatchObject({
      CreditPartyName: `${KRA_SHORTCODE} - Kenya Revenue Authority`,
      ReasonType: 'Pay Tax to KRA via API',
    });
  });

  it('sends the live locked result when the initiator is locked', async () => {
    const { emulator, bearer, last } = await startInitiator({
      initiator: { outcomes: { 'tax-remittance': 'credential-locked' } },
    });
    await send(emulator.app, b2bPaths.tax, bearer, taxBody()).expect(200);
    const result = await last();
    const live = capture('sandbox/callbacks/b2b-tax-result-locked.json');
    expect(keyOrder(result)).toEqual(keyOrder(live));
    expect(shapeOf(result)).toEqual(shapeOf(live));
    expect(result.Result).toMatchObject({
      ResultCode: 8006,
      ResultDesc: 'The security credential is locked.',
    });
  });

  it('follows fault rules aimed at it, and not those aimed at B2B', async () => {
    const { emulator, bearer, last } = await withRules([
      { name: 'b2b-only', match: { endpoint: 'b2b' }, effect: { type: 'initiator-result', resultCode: 26 } },
      {
        name: 'tax',
        match: { endpoint: 'tax-remittance' },
        effect: { type: 'initiator-result', outcome: 'initiator-invalid' },
      },
    ]);
    const ack = await send(emulator.app, b2bPaths.tax, bearer, taxBody()).expect(200);
    expect((await last()).Result).toMatchObject({ ResultCode: 2001 });
    expect(emulator.transactions.get(ack.body.ConversationID)?.rules).toEqual(['tax']);
    await send(emulator.app, b2bPaths.b2b, bearer, {
      ...taxBody(),
      CommandID: 'BusinessPayBill',
      PartyB: '600000',
    });
    expect((await last()).Result).toMatchObject({
      ResultCode: 26,
      ResultDesc: 'System busy. The service request is rejected.',
    });
    expect(account(emulator, KRA_SHORTCODE, 'Utility Account')).toBe(0);
  });

  it.each([
    { field: 'CommandID', overrides: { CommandID: 'BusinessPayBill' } },
    { field: 'RecieverIdentifierType', overrides: { RecieverIdentifierType: '2' } },
    { field: 'PartyB', overrides: { PartyB: '600000' } },
    { field: 'AccountReference', overrides: { AccountReference: '' } },
    { field: 'Remarks', overrides: { Remarks: 'x'.repeat(101) } },
  ])('reports $field first when it is the first bad field', async ({ field, overrides }) => {
    const { emulator, bearer } = await startInitiator();
    const res = await send(emulator.app, b2bPaths.tax, bearer, taxBody(overrides)).expect(400);
    expect(res.body).toMatchObject({
      errorCode: '400.002.02',
      errorMessage: `Bad Request - Invalid ${field}`,
    });
    const entry = emulator.journal.list({ api: 'tax-remittance' })[0];
    expect(entry?.explanation.some((line) => line.startsWith(`${field}:`))).toBe(true);
  });
});
