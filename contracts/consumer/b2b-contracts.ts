import { expect, it } from 'vitest';
import { MatchersV3, type PactV3 } from '@pact-foundation/pact';
import {
  DarajaPaths,
  INITIATOR_ACK_DESCRIPTION,
  KRA_SHORTCODE,
  PULL_NO_RECORDS_MESSAGE,
  PULL_REGISTER_DESCRIPTIONS,
} from 'daraja-client';
import { CREDENTIAL, authenticated, bearer, clientFor, tokenInteraction } from '../support/pact-setup.js';
import { executeTest } from '../support/execute-test.js';
import { conversationId, jsonContentType, requestId } from '../support/daraja-matchers.js';

const { equal, integer, regex } = MatchersV3;

const PAYER = '600984';
const PAYBILL = '600000';
const urls = {
  resultUrl: 'https://shop.example/daraja/result',
  queueTimeOutUrl: 'https://shop.example/daraja/timeout',
};

/** The head every B2B-family request carries, in the documented order. */
function head(commandId: string) {
  return {
    Initiator: 'testapi',
    SecurityCredential: regex(/^[A-Za-z0-9+/]{342}==$/, CREDENTIAL),
    CommandID: commandId,
    SenderIdentifierType: '4',
    RecieverIdentifierType: '4',
    Amount: integer(1500),
    PartyA: PAYER,
  };
}

const ackTail = { ResponseCode: equal('0'), ResponseDescription: equal(INITIATOR_ACK_DESCRIPTION) };

/** B2B paybill payment, tax remittance, and Pull Transactions register and query. */
export function b2bContracts(pact: PactV3): void {
  it('pays another organisation’s paybill with B2B', async () => {
    tokenInteraction(pact);
    authenticated(pact)
      .uponReceiving('a B2B BusinessPayBill request')
      .withRequest({
        method: 'POST',
        path: DarajaPaths.b2b,
        headers: bearer(),
        body: {
          ...head('BusinessPayBill'),
          PartyB: PAYBILL,
          AccountReference: 'INV-7',
          Remarks: 'Supplies',
          QueueTimeOutURL: urls.queueTimeOutUrl,
          ResultURL: urls.resultUrl,
        },
      })
      .willRespondWith({
        status: 200,
        headers: jsonContentType,
        body: { ConversationID: conversationId(), OriginatorConversationID: requestId(), ...ackTail },
      });
    await executeTest(pact, async (server) => {
      const ack = await clientFor(server.url).b2b.payBill({
        ...urls,
        amount: 1500,
        partyA: PAYER,
        partyB: PAYBILL,
        accountReference: 'INV-7',
        remarks: 'Supplies',
      });
      expect(ack.ResponseCode).toBe('0');
    });
  });

  it('remits tax to KRA', async () => {
    tokenInteraction(pact);
    authenticated(pact)
      .uponReceiving('a tax remittance request')
      .withRequest({
        method: 'POST',
        path: DarajaPaths.taxRemittance,
        headers: bearer(),
        body: {
          ...head('PayTaxToKRA'),
          PartyB: KRA_SHORTCODE,
          AccountReference: 'PRN1234XN',
          Remarks: 'VAT',
          QueueTimeOutURL: urls.queueTimeOutUrl,
          ResultURL: urls.resultUrl,
        },
      })
      // The portal's tax acknowledgement lists OriginatorConversationID first.
      .willRespondWith({
        status: 200,
        headers: jsonContentType,
        body: { OriginatorConversationID: requestId(), ConversationID: conversationId(), ...ackTail },
      });
    await executeTest(pact, async (server) => {
      const ack = await clientFor(server.url).b2b.remitTax({
        ...urls,
        amount: 1500,
        partyA: PAYER,
        prn: 'PRN1234XN',
        remarks: 'VAT',
      });
      expect(ack.ResponseCode).toBe('0');
    });
  });

  it('registers a shortcode for Pull Transactions', async () => {
    tokenInteraction(pact);
    authenticated(pact)
      .uponReceiving('a Pull Transactions registration')
      .withRequest({
        method: 'POST',
        path: DarajaPaths.pullRegister,
        headers: bearer(),
        body: {
          ShortCode: PAYBILL,
          RequestType: 'Pull',
          NominatedNumber: '254722000000',
          CallBackURL: 'https://shop.example/daraja/pull',
        },
      })
      .willRespondWith({
        status: 200,
        headers: jsonContentType,
        body: {
          ResponseRefID: requestId(),
          ResponseStatus: equal('1000'),
          ShortCode: equal(PAYBILL),
          ResponseDescription: equal(PULL_REGISTER_DESCRIPTIONS.registered),
        },
      });
    await executeTest(pact, async (server) => {
      const answer = await clientFor(server.url).pullTransactions.register({
        shortCode: PAYBILL,
        nominatedNumber: '0722000000',
        callbackUrl: 'https://shop.example/daraja/pull',
      });
      expect(answer.ResponseStatus).toBe('1000');
    });
  });

  it('queries Pull Transactions for a shortcode that is not registered', async () => {
    tokenInteraction(pact);
    authenticated(pact)
      .uponReceiving('a Pull Transactions query for an unregistered shortcode')
      .withRequest({
        method: 'POST',
        path: DarajaPaths.pullQuery,
        headers: bearer(),
        body: {
          ShortCode: PAYBILL,
          StartDate: '2026-11-28 00:00:00',
          EndDate: '2026-11-28 12:00:00',
          OffSetValue: '0',
        },
      })
      .willRespondWith({
        status: 200,
        headers: jsonContentType,
        body: {
          RequestID: requestId(),
          ResponseCode: equal('1001'),
          ResponseMessage: equal(PULL_NO_RECORDS_MESSAGE),
        },
      });
    await executeTest(pact, async (server) => {
      const result = await clientFor(server.url).pullTransactions.query({
        shortCode: PAYBILL,
        startDate: new Date(Date.UTC(2026, 10, 27, 21)),
        endDate: new Date(Date.UTC(2026, 10, 28, 9)),
      });
      expect(result).toMatchObject({ found: false, transactions: [] });
    });
  });
}
