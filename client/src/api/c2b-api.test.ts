import { describe, expect, it } from 'vitest';
import { DarajaPaths } from '../wire/index.js';
import { readAnswerCapture } from '../test-support/captures.js';
import { fakeDaraja, json } from '../test-support/fake-daraja.js';
import { testClient } from '../test-support/test-client.js';

const urls = {
  confirmationUrl: 'https://example.com/payments/c2b/confirmation',
  validationUrl: 'https://example.com/payments/c2b/validation',
};

describe('client.c2b.registerUrls', () => {
  it('registers on v2 by default and returns the misspelt OriginatorCoversationID as sent', async () => {
    const answer = readAnswerCapture('sandbox/c2b-register.json').response;
    const daraja = fakeDaraja({ api: async () => json(200, answer) });
    const result = await testClient(daraja.fetch).c2b.registerUrls({ ...urls, shortCode: 600984 });
    expect(result.ResponseCode).toBe('00000000');
    expect(result.OriginatorCoversationID).toBe('<redacted-id>');
    const request = daraja.apiRequests()[0];
    expect(request?.url.pathname).toBe(DarajaPaths.c2bRegisterV2);
    expect(request?.body).toEqual({
      ShortCode: '600984',
      ResponseType: 'Completed',
      ConfirmationURL: urls.confirmationUrl,
      ValidationURL: urls.validationUrl,
    });
  });

  it('uses the v1 path when asked and leaves ValidationURL out when not given', async () => {
    const daraja = fakeDaraja();
    await testClient(daraja.fetch).c2b.registerUrls({
      confirmationUrl: urls.confirmationUrl,
      responseType: 'Cancelled',
      version: 'v1',
    });
    const request = daraja.apiRequests()[0];
    expect(request?.url.pathname).toBe(DarajaPaths.c2bRegisterV1);
    expect(request?.body).toEqual({
      ShortCode: '174379',
      ResponseType: 'Cancelled',
      ConfirmationURL: urls.confirmationUrl,
    });
  });

  it.each([
    'https://example.com/mpesa/confirm',
    'https://example.com/M-PESA/c',
    'https://safaricom.example.com/c',
    'https://example.com/c?query=1',
  ])('refuses a URL with a word Daraja bans: %s', async (confirmationUrl) => {
    const daraja = fakeDaraja();
    await expect(testClient(daraja.fetch).c2b.registerUrls({ confirmationUrl })).rejects.toMatchObject({
      field: 'confirmationUrl',
    });
    expect(daraja.requests).toHaveLength(0);
  });

  it('refuses a ResponseType other than Completed or Cancelled', async () => {
    const daraja = fakeDaraja();
    await expect(
      testClient(daraja.fetch).c2b.registerUrls({ ...urls, responseType: 'Canceled' as never }),
    ).rejects.toMatchObject({ field: 'responseType' });
  });
});

describe('client.c2b.simulate', () => {
  it('sends Msisdn (that casing) normalised, on v2 by default', async () => {
    const answer = readAnswerCapture('sandbox/c2b-simulate.json').response;
    const daraja = fakeDaraja({ api: async () => json(200, answer) });
    const result = await testClient(daraja.fetch).c2b.simulate({
      shortCode: '600984',
      amount: 1,
      msisdn: '0708374149',
      billRefNumber: 'INV-001',
    });
    expect(result.ResponseCode).toBe('0');
    const request = daraja.apiRequests()[0];
    expect(request?.url.pathname).toBe(DarajaPaths.c2bSimulateV2);
    expect(request?.body).toEqual({
      ShortCode: '600984',
      CommandID: 'CustomerPayBillOnline',
      Amount: 1,
      Msisdn: '254708374149',
      BillRefNumber: 'INV-001',
    });
  });

  it('uses the v1 path when asked', async () => {
    const daraja = fakeDaraja();
    await testClient(daraja.fetch).c2b.simulate({
      amount: 5,
      msisdn: 254708374149,
      version: 'v1',
      commandId: 'CustomerBuyGoodsOnline',
    });
    expect(daraja.apiRequests()[0]?.url.pathname).toBe(DarajaPaths.c2bSimulateV1);
  });

  it('refuses to simulate in production, where Daraja has no simulator', async () => {
    const daraja = fakeDaraja();
    await expect(
      testClient(daraja.fetch, { environment: 'production' }).c2b.simulate({
        amount: 1,
        msisdn: '0708374149',
      }),
    ).rejects.toMatchObject({ field: 'environment' });
  });

  it('refuses a bill reference longer than 20 characters', async () => {
    const daraja = fakeDaraja();
    await expect(
      testClient(daraja.fetch).c2b.simulate({
        amount: 1,
        msisdn: '0708374149',
        billRefNumber: 'x'.repeat(21),
      }),
    ).rejects.toMatchObject({ field: 'billRefNumber' });
  });
});
