import { describe, expect, it } from 'vitest';
import { DarajaPaths } from '../wire/index.js';
import { readCapture } from '../test-support/captures.js';
import { fakeDaraja, json } from '../test-support/fake-daraja.js';
import { testClient } from '../test-support/test-client.js';
import { parseResultCallback } from '../callbacks/parse-result-callback.js';
import { readB2BResult } from '../callbacks/read-b2b-result.js';

const urls = { resultUrl: 'https://example.com/result', queueTimeOutUrl: 'https://example.com/timeout' };

describe('client.b2b', () => {
  it('sends a BusinessPayBill body in the documented order with Safaricom’s spellings', async () => {
    const daraja = fakeDaraja();
    await testClient(daraja.fetch).b2b.payBill({
      ...urls,
      amount: 239,
      partyA: 600999,
      partyB: 600000,
      accountReference: '353353',
      requester: '0708374149',
      remarks: 'OK',
      occasion: 'Invoice 7',
    });
    const request = daraja.apiRequests()[0];
    expect(request?.url.pathname).toBe(DarajaPaths.b2b);
    expect(Object.keys(request?.body as object)).toEqual([
      'Initiator',
      'SecurityCredential',
      'CommandID',
      'SenderIdentifierType',
      'RecieverIdentifierType',
      'Amount',
      'PartyA',
      'PartyB',
      'AccountReference',
      'Requester',
      'Remarks',
      'QueueTimeOutURL',
      'ResultURL',
      'Occassion',
    ]);
    expect(request?.body).toMatchObject({
      Initiator: 'testapi',
      CommandID: 'BusinessPayBill',
      SenderIdentifierType: '4',
      RecieverIdentifierType: '4',
      PartyA: '600999',
      PartyB: '600000',
      Requester: '254708374149',
      Occassion: 'Invoice 7',
    });
  });

  it('sends BusinessBuyGoods and BusinessPayToBulk without an account reference when none is given', async () => {
    const daraja = fakeDaraja();
    const client = testClient(daraja.fetch);
    await client.b2b.buyGoods({ ...urls, amount: 10, partyB: '373132', remarks: 'Stock' });
    await client.b2b.payToBulk({ ...urls, amount: 10, partyB: '600997', remarks: 'Float' });
    const [buy, bulk] = daraja.apiRequests();
    expect(buy?.body).toMatchObject({ CommandID: 'BusinessBuyGoods', PartyB: '373132' });
    expect(bulk?.body).toMatchObject({ CommandID: 'BusinessPayToBulk', PartyB: '600997' });
    expect(buy?.body).not.toHaveProperty('AccountReference');
  });

  it('refuses a paybill payment without an account reference before sending anything', async () => {
    const daraja = fakeDaraja();
    await expect(
      testClient(daraja.fetch).b2b.payBill({
        ...urls,
        amount: 10,
        partyB: '600000',
        remarks: 'OK',
        accountReference: '',
      }),
    ).rejects.toMatchObject({ field: 'accountReference' });
    expect(daraja.requests).toHaveLength(0);
  });

  it('remits tax to KRA on the remittax path with the PRN as AccountReference', async () => {
    const daraja = fakeDaraja({ api: async () => json(200, { ResponseCode: '0' }) });
    await testClient(daraja.fetch).b2b.remitTax({ ...urls, amount: 5000, prn: 'PRN1234XN', remarks: 'VAT' });
    const request = daraja.apiRequests()[0];
    expect(request?.url.pathname).toBe(DarajaPaths.taxRemittance);
    expect(request?.body).toMatchObject({
      CommandID: 'PayTaxToKRA',
      PartyA: '174379',
      PartyB: '572572',
      AccountReference: 'PRN1234XN',
    });
    expect(request?.body).not.toHaveProperty('Occassion');
  });
});

describe('readB2BResult', () => {
  it('reads the portal success sample', () => {
    const details = readB2BResult(
      parseResultCallback(readCapture('portal-samples/b2b-paybill-result-success.json')),
    );
    expect(details).toMatchObject({
      amount: 190,
      currency: 'KES',
      debitPartyCharges: '',
      debitAccountAvailable: 6186.83,
      billReferenceNumber: '19008',
    });
    expect(details.debitAccount[0]).toMatchObject({ name: 'Working Account', currency: 'KES' });
    expect(details.completedAt?.toISOString()).toBe('2022-11-10T08:07:17.000Z');
  });

  it('reads a failed result as empty details, keeping the reference', () => {
    const details = readB2BResult(
      parseResultCallback(readCapture('sandbox/callbacks/b2b-paybill-result-locked.json')),
    );
    expect(details).toMatchObject({ amount: undefined, debitAccount: [], billReferenceNumber: '353353' });
  });
});
