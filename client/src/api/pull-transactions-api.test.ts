import { describe, expect, it } from 'vitest';
import { DarajaPaths } from '../wire/index.js';
import { readAnswerCapture, readCapture } from '../test-support/captures.js';
import { fakeDaraja, json } from '../test-support/fake-daraja.js';
import { testClient } from '../test-support/test-client.js';

describe('client.pullTransactions', () => {
  it('registers the configured shortcode with the number in international form', async () => {
    const daraja = fakeDaraja();
    await testClient(daraja.fetch).pullTransactions.register({
      nominatedNumber: '0722000000',
      callbackUrl: 'https://example.com/pull',
    });
    const request = daraja.apiRequests()[0];
    expect(request?.url.pathname).toBe(DarajaPaths.pullRegister);
    expect(request?.body).toEqual({
      ShortCode: '174379',
      RequestType: 'Pull',
      NominatedNumber: '254722000000',
      CallBackURL: 'https://example.com/pull',
    });
  });

  it('sends EAT dates and the offset as text, and flattens the rows it gets back', async () => {
    const sample = readCapture('portal-samples/pull-query-response.json');
    const daraja = fakeDaraja({ api: async () => json(200, sample) });
    const result = await testClient(daraja.fetch).pullTransactions.query({
      startDate: new Date(Date.UTC(2020, 7, 4, 5, 36)),
      endDate: new Date(Date.UTC(2020, 7, 5, 7, 10)),
      offset: 100,
    });
    expect(daraja.apiRequests()[0]?.body).toEqual({
      ShortCode: '174379',
      StartDate: '2020-08-04 08:36:00',
      EndDate: '2020-08-05 10:10:00',
      OffSetValue: '100',
    });
    expect(result.found).toBe(true);
    expect(result.transactions).toEqual([
      expect.objectContaining({ transactionId: 'yzlyrEsRG1', amount: '168.00' }),
    ]);
  });

  it('reports no rows for the live sandbox’s 1001 answer', async () => {
    const answer = readAnswerCapture('sandbox/pull-query.json').response;
    const daraja = fakeDaraja({ api: async () => json(200, answer) });
    const result = await testClient(daraja.fetch).pullTransactions.query({
      startDate: new Date(0),
      endDate: new Date(1),
    });
    expect(result).toMatchObject({ found: false, responseCode: '1001', transactions: [] });
  });
});
