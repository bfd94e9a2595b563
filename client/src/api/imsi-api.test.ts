import { describe, expect, it } from 'vitest';
import { DarajaPaths } from '../wire/index.js';
import { DarajaValidationError } from '../errors/daraja-validation-error.js';
import { fakeDaraja, json } from '../test-support/fake-daraja.js';
import { testClient } from '../test-support/test-client.js';
import { readSwapDate } from './imsi-api.js';

const SWAP = {
  requestRefID: '4277-415525-1',
  responseCode: '200',
  responseDesc: 'Success',
  lastSwapDate: '01-01-1900 00:00',
};

describe('client.imsi', () => {
  it('sends the customer number in the 12-digit form to the Swap product and returns its answer', async () => {
    const daraja = fakeDaraja({ api: () => json(200, SWAP) });
    const answer = await testClient(daraja.fetch).imsi.lastSwap('0722 000 000');
    expect(daraja.apiRequests()[0]?.body).toEqual({ customerNumber: '254722000000' });
    expect(answer).toEqual(SWAP);
  });

  it('calls the IMSI product on its own path', async () => {
    const daraja = fakeDaraja();
    await testClient(daraja.fetch).imsi.check(254722000000);
    expect(daraja.apiRequests()[0]?.url.pathname).toBe(DarajaPaths.imsi);
  });

  it('refuses a number that is not Kenyan before sending anything', async () => {
    const daraja = fakeDaraja();
    await expect(testClient(daraja.fetch).imsi.check('12345')).rejects.toBeInstanceOf(DarajaValidationError);
    expect(daraja.apiRequests()).toEqual([]);
  });

  it.each([
    ['01-01-1900 00:00', { recentlySwapped: false }],
    ['01-01-1900', { recentlySwapped: false }],
    ['20-12-2025', { recentlySwapped: true, swappedOn: '2025-12-20' }],
    ['01-01-2026 12:00', { recentlySwapped: true, swappedOn: '2026-01-01' }],
  ])('reads lastSwapDate %j', (value, expected) => {
    expect(readSwapDate(value)).toEqual(expected);
  });
});
