import { expect, it } from 'vitest';
import { MatchersV3, type PactV3 } from '@pact-foundation/pact';
import { C2B_SIMULATE_DESCRIPTION, C2BRegisterAnswers, DarajaPaths } from 'daraja-client';
import { SANDBOX, authenticated, bearer, clientFor, tokenInteraction } from '../support/pact-setup.js';
import { executeTest } from '../support/execute-test.js';
import { conversationId, jsonContentType, requestId } from '../support/daraja-matchers.js';

const { equal, integer } = MatchersV3;

const SHORTCODE = '600984';
const URLS = {
  confirmationUrl: 'https://shop.example/payments/c2b/confirmation',
  validationUrl: 'https://shop.example/payments/c2b/validation',
};

function registerContract(pact: PactV3, version: 'v1' | 'v2'): void {
  it(`registers C2B URLs on ${version}`, async () => {
    const answer = C2BRegisterAnswers[version];
    tokenInteraction(pact);
    authenticated(pact)
      .uponReceiving(`a C2B ${version} URL registration`)
      .withRequest({
        method: 'POST',
        path: version === 'v1' ? DarajaPaths.c2bRegisterV1 : DarajaPaths.c2bRegisterV2,
        headers: bearer(),
        body: {
          ShortCode: SHORTCODE,
          ResponseType: 'Completed',
          ConfirmationURL: URLS.confirmationUrl,
          ValidationURL: URLS.validationUrl,
        },
      })
      .willRespondWith({
        status: 200,
        headers: jsonContentType,
        body: {
          // Safaricom's spelling: no "n" in Coversation.
          OriginatorCoversationID: requestId(),
          ResponseCode: equal(answer.ResponseCode),
          ResponseDescription: equal(answer.ResponseDescription),
        },
      });
    await executeTest(pact, async (server) => {
      const result = await clientFor(server.url).c2b.registerUrls({ ...URLS, shortCode: SHORTCODE, version });
      expect(result.ResponseCode).toBe(answer.ResponseCode);
    });
  });
}

function simulateContract(pact: PactV3, version: 'v1' | 'v2'): void {
  it(`simulates a customer paying the paybill on ${version}`, async () => {
    const body =
      version === 'v1'
        ? { ConversationID: conversationId(), OriginatorCoversationID: requestId() }
        : { OriginatorCoversationID: requestId(), ResponseCode: equal('0') };
    tokenInteraction(pact);
    authenticated(pact)
      .given('customer {msisdn} has balance {amount}', { msisdn: SANDBOX.msisdn, amount: 50000 })
      .uponReceiving(`a C2B ${version} simulated payment`)
      .withRequest({
        method: 'POST',
        path: version === 'v1' ? DarajaPaths.c2bSimulateV1 : DarajaPaths.c2bSimulateV2,
        headers: bearer(),
        body: {
          ShortCode: SHORTCODE,
          CommandID: 'CustomerPayBillOnline',
          Amount: integer(250),
          Msisdn: SANDBOX.msisdn,
          BillRefNumber: 'INV-2041',
        },
      })
      .willRespondWith({
        status: 200,
        headers: jsonContentType,
        body: { ...body, ResponseDescription: equal(C2B_SIMULATE_DESCRIPTION) },
      });
    await executeTest(pact, async (server) => {
      const result = await clientFor(server.url).c2b.simulate({
        shortCode: SHORTCODE,
        amount: 250,
        msisdn: '0708374149',
        billRefNumber: 'INV-2041',
        version,
      });
      expect(result.ResponseDescription).toBe(C2B_SIMULATE_DESCRIPTION);
    });
  });
}

/** C2B: URL registration and simulated payments, v1 and v2. */
export function c2bContracts(pact: PactV3): void {
  registerContract(pact, 'v2');
  registerContract(pact, 'v1');
  simulateContract(pact, 'v2');
  simulateContract(pact, 'v1');
}
