import { describe, expect, it } from 'vitest';
import { DarajaPaths } from '../wire/index.js';
import { readAnswerCapture } from '../test-support/captures.js';
import { fakeDaraja, json } from '../test-support/fake-daraja.js';
import { testClient } from '../test-support/test-client.js';

const urls = { resultUrl: 'https://example.com/result', queueTimeOutUrl: 'https://example.com/timeout' };

describe('client.transactionStatus.query', () => {
  it('sends Initiator (not InitiatorName) and the ids given', async () => {
    const answer = readAnswerCapture('sandbox/status.conversation-id.json').response;
    const daraja = fakeDaraja({ api: async () => json(200, answer) });
    const ack = await testClient(daraja.fetch).transactionStatus.query({
      ...urls,
      transactionId: 'OEI2AK4Q16',
      originalConversationId: '7071-4170-a0e5-8345632bad442144258',
      partyA: 600782,
      remarks: 'OK',
      occasion: 'Query',
    });
    expect(ack.ResponseCode).toBe('0');
    const request = daraja.apiRequests()[0];
    expect(request?.url.pathname).toBe(DarajaPaths.transactionStatus);
    expect(request?.body).toEqual({
      Initiator: 'testapi',
      SecurityCredential: 'credential==',
      CommandID: 'TransactionStatusQuery',
      TransactionID: 'OEI2AK4Q16',
      OriginalConversationID: '7071-4170-a0e5-8345632bad442144258',
      PartyA: '600782',
      IdentifierType: '4',
      ResultURL: urls.resultUrl,
      QueueTimeOutURL: urls.queueTimeOutUrl,
      Remarks: 'OK',
      Occasion: 'Query',
    });
  });

  it('requires a transaction id or an original conversation id', async () => {
    const daraja = fakeDaraja();
    await expect(
      testClient(daraja.fetch).transactionStatus.query({ ...urls, remarks: 'OK' }),
    ).rejects.toMatchObject({
      field: 'transactionId',
    });
    expect(daraja.requests).toHaveLength(0);
  });

  it('accepts an MSISDN as PartyA with identifier type 1', async () => {
    const daraja = fakeDaraja();
    await testClient(daraja.fetch).transactionStatus.query({
      ...urls,
      remarks: 'OK',
      transactionId: 'TAH5J2K991',
      partyA: '254708374149',
      identifierType: 1,
    });
    expect(daraja.apiRequests()[0]?.body).toMatchObject({ PartyA: '254708374149', IdentifierType: '1' });
  });
});

describe('client.accountBalance.query', () => {
  it('sends the AccountBalance command for the configured shortcode', async () => {
    const daraja = fakeDaraja();
    await testClient(daraja.fetch, { shortcode: 600000 }).accountBalance.query({ ...urls, remarks: 'ok' });
    const request = daraja.apiRequests()[0];
    expect(request?.url.pathname).toBe(DarajaPaths.accountBalance);
    expect(request?.body).toEqual({
      Initiator: 'testapi',
      SecurityCredential: 'credential==',
      CommandID: 'AccountBalance',
      PartyA: '600000',
      IdentifierType: '4',
      Remarks: 'ok',
      QueueTimeOutURL: urls.queueTimeOutUrl,
      ResultURL: urls.resultUrl,
    });
  });

  it('refuses an identifier type Daraja does not define', async () => {
    const daraja = fakeDaraja();
    await expect(
      testClient(daraja.fetch).accountBalance.query({ ...urls, remarks: 'ok', identifierType: 3 as never }),
    ).rejects.toMatchObject({ field: 'identifierType' });
  });
});

describe('client.reversal.request', () => {
  it('sends the misspelt RecieverIdentifierType with the documented default 11', async () => {
    const daraja = fakeDaraja();
    await testClient(daraja.fetch).reversal.request({
      ...urls,
      transactionId: 'PDU91HIVIT',
      amount: 200,
      receiverParty: '603021',
      remarks: 'Payment reversal',
    });
    const request = daraja.apiRequests()[0];
    expect(request?.url.pathname).toBe(DarajaPaths.reversal);
    expect(request?.body).toEqual({
      Initiator: 'testapi',
      SecurityCredential: 'credential==',
      CommandID: 'TransactionReversal',
      TransactionID: 'PDU91HIVIT',
      Amount: 200,
      ReceiverParty: '603021',
      RecieverIdentifierType: '11',
      ResultURL: urls.resultUrl,
      QueueTimeOutURL: urls.queueTimeOutUrl,
      Remarks: 'Payment reversal',
    });
  });

  it('refuses a missing transaction id before sending', async () => {
    const daraja = fakeDaraja();
    await expect(
      testClient(daraja.fetch).reversal.request({ ...urls, transactionId: '', amount: 1, remarks: 'x' }),
    ).rejects.toMatchObject({ field: 'transactionId' });
    expect(daraja.requests).toHaveLength(0);
  });
});
