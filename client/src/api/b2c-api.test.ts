import { describe, expect, it } from 'vitest';
import { DarajaPaths } from '../wire/index.js';
import { DuplicateRequestError } from '../errors/daraja-error.js';
import { fakeDaraja, json } from '../test-support/fake-daraja.js';
import { testCertificate, testClient } from '../test-support/test-client.js';
import type { B2CPayInput } from './b2c-api.js';

const valid: B2CPayInput = {
  amount: 10,
  phoneNumber: '0708374149',
  remarks: 'Refund for order 42',
  resultUrl: 'https://example.com/b2c/result',
  queueTimeOutUrl: 'https://example.com/b2c/timeout',
  partyA: 600984,
};

describe('client.b2c.pay', () => {
  it('uses v3 by default and generates an OriginatorConversationID', async () => {
    const daraja = fakeDaraja();
    await testClient(daraja.fetch, { generateId: () => 'generated-id' }).b2c.pay({
      ...valid,
      occasion: 'Sandbox',
    });
    const request = daraja.apiRequests()[0];
    expect(request?.url.pathname).toBe(DarajaPaths.b2cV3);
    expect(request?.body).toEqual({
      OriginatorConversationID: 'generated-id',
      InitiatorName: 'testapi',
      SecurityCredential: 'credential==',
      CommandID: 'BusinessPayment',
      Amount: 10,
      PartyA: '600984',
      PartyB: '254708374149',
      Remarks: 'Refund for order 42',
      QueueTimeOutURL: 'https://example.com/b2c/timeout',
      ResultURL: 'https://example.com/b2c/result',
      Occassion: 'Sandbox',
    });
  });

  it('sends the caller’s OriginatorConversationID when given', async () => {
    const daraja = fakeDaraja();
    await testClient(daraja.fetch).b2c.pay({ ...valid, originatorConversationId: 'order-42-refund' });
    expect(daraja.apiRequests()[0]?.body).toMatchObject({ OriginatorConversationID: 'order-42-refund' });
  });

  it('keeps the same OriginatorConversationID across retries so Daraja can spot duplicates', async () => {
    let calls = 0;
    const daraja = fakeDaraja({
      api: async () => {
        calls += 1;
        return calls === 1
          ? json(500, {
              requestId: 'r',
              errorCode: '500.003.02',
              errorMessage: 'Error Occurred: Spike Arrest Violation',
            })
          : json(200, { ResponseCode: '0' });
      },
    });
    let ids = 0;
    const client = testClient(daraja.fetch, {
      generateId: () => `id-${(ids += 1)}`,
      retry: { retries: 1, sleep: async () => undefined },
    });
    await client.b2c.pay(valid);
    const sent = daraja
      .apiRequests()
      .map((request) => (request.body as { OriginatorConversationID: string }).OriginatorConversationID);
    expect(sent).toEqual(['id-1', 'id-1']);
  });

  it('uses the v1 path with Occasion and no OriginatorConversationID when asked', async () => {
    const daraja = fakeDaraja();
    await testClient(daraja.fetch).b2c.pay({
      ...valid,
      version: 'v1',
      commandId: 'SalaryPayment',
      occasion: 'June',
    });
    const request = daraja.apiRequests()[0];
    expect(request?.url.pathname).toBe(DarajaPaths.b2cV1);
    expect(request?.body).not.toHaveProperty('OriginatorConversationID');
    expect(request?.body).toMatchObject({ CommandID: 'SalaryPayment', Occasion: 'June' });
  });

  it('builds the SecurityCredential from the initiator password and certificate', async () => {
    const daraja = fakeDaraja();
    await testClient(daraja.fetch, {
      securityCredential: undefined,
      initiatorPassword: 'Safaricom999!*!',
      certificate: testCertificate,
    }).b2c.pay(valid);
    expect((daraja.apiRequests()[0]?.body as { SecurityCredential: string }).SecurityCredential).toHaveLength(
      344,
    );
  });

  it('reports a reused OriginatorConversationID as DuplicateRequestError', async () => {
    const daraja = fakeDaraja({
      api: async () =>
        json(500, {
          requestId: 'r',
          errorCode: '500.002.1001',
          errorMessage: 'Duplicate OriginatorConversationID.',
        }),
    });
    await expect(testClient(daraja.fetch).b2c.pay(valid)).rejects.toBeInstanceOf(DuplicateRequestError);
  });

  it.each<[string, Partial<B2CPayInput>, string]>([
    ['an invalid phone', { phoneNumber: '0812' }, 'phoneNumber'],
    ['a fractional amount', { amount: 10.25 }, 'amount'],
    ['empty remarks', { remarks: '' }, 'remarks'],
    ['remarks over 100 characters', { remarks: 'r'.repeat(101) }, 'remarks'],
    ['a relative result URL', { resultUrl: 'b2c/result' }, 'resultUrl'],
    ['a missing timeout URL', { queueTimeOutUrl: undefined as unknown as string }, 'queueTimeOutUrl'],
    ['an unknown command', { commandId: 'Payout' as never }, 'commandId'],
  ])('refuses %s before sending anything', async (_name, change, field) => {
    const daraja = fakeDaraja();
    await expect(testClient(daraja.fetch).b2c.pay({ ...valid, ...change })).rejects.toMatchObject({ field });
    expect(daraja.requests).toHaveLength(0);
  });

  it('requires an initiator name and a credential in the configuration', async () => {
    const daraja = fakeDaraja();
    await expect(testClient(daraja.fetch, { initiatorName: undefined }).b2c.pay(valid)).rejects.toMatchObject(
      {
        field: 'initiatorName',
      },
    );
    await expect(
      testClient(daraja.fetch, { securityCredential: undefined }).b2c.pay(valid),
    ).rejects.toMatchObject({ field: 'securityCredential' });
  });
});
