import { expect, it } from 'vitest';
import { MatchersV3, type PactV3 } from '@pact-foundation/pact';
import { DarajaErrors, DarajaPaths, DuplicateRequestError, INITIATOR_ACK_DESCRIPTION } from 'daraja-client';
import {
  CREDENTIAL,
  SANDBOX,
  authenticated,
  bearer,
  clientFor,
  tokenInteraction,
} from '../support/pact-setup.js';
import { executeTest } from '../support/execute-test.js';
import { conversationId, errorBody, jsonContentType, requestId } from '../support/daraja-matchers.js';

const { equal, fromProviderState, integer, regex } = MatchersV3;

const PAYBILL = '600000';
const B2C_SHORTCODE = '600997';
const ORIGINATOR_ID = 'pact-b2c-0001';
const urls = {
  resultUrl: 'https://shop.example/daraja/result',
  queueTimeOutUrl: 'https://shop.example/daraja/timeout',
};
const PAYMENT_STATE = '{msisdn} paid {amount} to shortcode {shortcode}';
const EXAMPLE_RECEIPT = 'UKS1A2B3C4';

/** The operator fields every initiator request carries. */
function operator(nameField: 'InitiatorName' | 'Initiator') {
  return {
    [nameField]: 'testapi',
    SecurityCredential: regex(/^[A-Za-z0-9+/]{342}==$/, CREDENTIAL),
    QueueTimeOutURL: urls.queueTimeOutUrl,
    ResultURL: urls.resultUrl,
  };
}

function ack(originator: unknown = requestId()) {
  return {
    ConversationID: conversationId(),
    OriginatorConversationID: originator,
    ResponseCode: equal('0'),
    ResponseDescription: equal(INITIATOR_ACK_DESCRIPTION),
  };
}

function b2cBody(version: 'v1' | 'v3') {
  const common = {
    ...operator('InitiatorName'),
    CommandID: 'BusinessPayment',
    Amount: integer(100),
    PartyA: B2C_SHORTCODE,
    PartyB: SANDBOX.msisdn,
    Remarks: 'Refund for order 42',
  };
  return version === 'v1'
    ? { ...common, Occasion: 'Refund' }
    : { OriginatorConversationID: ORIGINATOR_ID, ...common, Occassion: 'Refund' };
}

const b2cInput = {
  amount: 100,
  phoneNumber: '0708374149',
  remarks: 'Refund for order 42',
  occasion: 'Refund',
  partyA: B2C_SHORTCODE,
  ...urls,
};

function b2cContract(pact: PactV3, version: 'v1' | 'v3'): void {
  it(`pays a customer with B2C ${version}`, async () => {
    tokenInteraction(pact);
    authenticated(pact)
      .uponReceiving(`a B2C ${version} payment request`)
      .withRequest({
        method: 'POST',
        path: version === 'v1' ? DarajaPaths.b2cV1 : DarajaPaths.b2cV3,
        headers: bearer(),
        body: b2cBody(version),
      })
      // v3 echoes the caller's OriginatorConversationID; v1 generates one.
      .willRespondWith({
        status: 200,
        headers: jsonContentType,
        body: ack(version === 'v3' ? equal(ORIGINATOR_ID) : undefined),
      });
    await executeTest(pact, async (server) => {
      const result = await clientFor(server.url).b2c.pay({ ...b2cInput, version });
      expect(result.ResponseCode).toBe('0');
    });
  });
}

/** B2C (v3, v1, a reused id), B2Pochi, Transaction Status, Account Balance and Reversal. */
export function initiatorContracts(pact: PactV3): void {
  b2cContract(pact, 'v3');
  b2cContract(pact, 'v1');

  it('pays a customer’s Pochi la Biashara wallet with B2Pochi', async () => {
    tokenInteraction(pact);
    authenticated(pact)
      .uponReceiving('a B2Pochi payment request')
      .withRequest({
        method: 'POST',
        path: DarajaPaths.b2pochi,
        headers: bearer(),
        body: {
          OriginatorConversationID: 'pact-pochi-0001',
          ...operator('InitiatorName'),
          CommandID: 'BusinessPayToPochi',
          Amount: integer(100),
          PartyA: B2C_SHORTCODE,
          PartyB: SANDBOX.msisdn,
          Remarks: 'Refund for order 42',
          Occassion: 'Refund',
        },
      })
      .willRespondWith({ status: 200, headers: jsonContentType, body: ack(equal('pact-pochi-0001')) });
    await executeTest(pact, async (server) => {
      const { occasion, ...input } = b2cInput;
      const result = await clientFor(server.url).b2c.payToPochi({
        ...input,
        occasion,
        originatorConversationId: 'pact-pochi-0001',
      });
      expect(result.OriginatorConversationID).toBe('pact-pochi-0001');
    });
  });

  it('reports a reused OriginatorConversationID as DuplicateRequestError', async () => {
    tokenInteraction(pact);
    authenticated(pact)
      .given('a B2C payment {OriginatorConversationID} was requested', {
        OriginatorConversationID: ORIGINATOR_ID,
      })
      .uponReceiving('a B2C v3 payment request reusing an OriginatorConversationID')
      .withRequest({ method: 'POST', path: DarajaPaths.b2cV3, headers: bearer(), body: b2cBody('v3') })
      .willRespondWith({
        status: 500,
        headers: jsonContentType,
        body: errorBody(DarajaErrors.duplicateOriginatorConversationId),
      });
    await executeTest(pact, async (server) => {
      await expect(clientFor(server.url).b2c.pay(b2cInput)).rejects.toBeInstanceOf(DuplicateRequestError);
    });
  });

  it('asks for the status of a payment by its receipt', async () => {
    tokenInteraction(pact);
    authenticated(pact)
      .given(PAYMENT_STATE, { msisdn: SANDBOX.msisdn, amount: 250, shortcode: PAYBILL })
      .uponReceiving('a Transaction Status query for a receipt')
      .withRequest({
        method: 'POST',
        path: DarajaPaths.transactionStatus,
        headers: bearer(),
        body: {
          ...operator('Initiator'),
          CommandID: 'TransactionStatusQuery',
          TransactionID: fromProviderState('${receipt}', EXAMPLE_RECEIPT),
          PartyA: PAYBILL,
          IdentifierType: '4',
          Remarks: 'Reconciliation',
          Occasion: 'Nightly check',
        },
      })
      .willRespondWith({ status: 200, headers: jsonContentType, body: ack() });
    await executeTest(pact, async (server) => {
      const result = await clientFor(server.url).transactionStatus.query({
        transactionId: EXAMPLE_RECEIPT,
        partyA: PAYBILL,
        remarks: 'Reconciliation',
        occasion: 'Nightly check',
        ...urls,
      });
      expect(result.ResponseCode).toBe('0');
    });
  });

  it('asks for a shortcode’s account balances', async () => {
    tokenInteraction(pact);
    authenticated(pact)
      .uponReceiving('an Account Balance query')
      .withRequest({
        method: 'POST',
        path: DarajaPaths.accountBalance,
        headers: bearer(),
        body: {
          ...operator('Initiator'),
          CommandID: 'AccountBalance',
          PartyA: PAYBILL,
          IdentifierType: '4',
          Remarks: 'Balance',
        },
      })
      .willRespondWith({ status: 200, headers: jsonContentType, body: ack() });
    await executeTest(pact, async (server) => {
      const result = await clientFor(server.url).accountBalance.query({
        partyA: PAYBILL,
        remarks: 'Balance',
        ...urls,
      });
      expect(result.ResponseCode).toBe('0');
    });
  });

  it('requests the reversal of a payment', async () => {
    tokenInteraction(pact);
    authenticated(pact)
      .given(PAYMENT_STATE, { msisdn: SANDBOX.msisdn, amount: 250, shortcode: PAYBILL })
      .uponReceiving('a Reversal request for a receipt')
      .withRequest({
        method: 'POST',
        path: DarajaPaths.reversal,
        headers: bearer(),
        body: {
          ...operator('Initiator'),
          CommandID: 'TransactionReversal',
          TransactionID: fromProviderState('${receipt}', EXAMPLE_RECEIPT),
          Amount: integer(250),
          ReceiverParty: PAYBILL,
          RecieverIdentifierType: '11',
          Remarks: 'Customer overpaid',
        },
      })
      .willRespondWith({ status: 200, headers: jsonContentType, body: ack() });
    await executeTest(pact, async (server) => {
      const result = await clientFor(server.url).reversal.request({
        transactionId: EXAMPLE_RECEIPT,
        amount: 250,
        receiverParty: PAYBILL,
        remarks: 'Customer overpaid',
        ...urls,
      });
      expect(result.ResponseCode).toBe('0');
    });
  });
}
