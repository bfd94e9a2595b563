import { expect, it } from 'vitest';
import { MatchersV3, type PactV3 } from '@pact-foundation/pact';
import { DarajaPaths } from 'daraja-client';
import { SANDBOX, authenticated, bearer, clientFor, tokenInteraction } from '../support/pact-setup.js';
import { executeTest } from '../support/execute-test.js';
import { jsonContentType } from '../support/daraja-matchers.js';

const { equal, fromProviderState, regex } = MatchersV3;

const EXAMPLE_APP_KEY = 'AG_2376487236_126732989KJ';
const BILLER = '600000';

/** Ratiba's create call, and Bill Manager's opt-in and invoice calls. */
export function ratibaBillContracts(pact: PactV3): void {
  it('asks a customer for a standing order with Ratiba', async () => {
    tokenInteraction(pact);
    authenticated(pact)
      .uponReceiving('a Ratiba standing order request')
      .withRequest({
        method: 'POST',
        path: DarajaPaths.ratiba,
        headers: bearer(),
        body: {
          StandingOrderName: 'Rent',
          StartDate: '20261201',
          EndDate: '20271130',
          BusinessShortCode: BILLER,
          TransactionType: 'Standing Order Pay Bill External Third Party',
          ReceiverPartyIdentifierType: '4',
          Amount: '1500',
          PartyA: SANDBOX.msisdn,
          CallBackURL: 'https://shop.example/daraja/ratiba',
          AccountReference: 'FLAT-4',
          TransactionDesc: 'Rent',
          Frequency: '5',
        },
      })
      .willRespondWith({
        status: 200,
        headers: jsonContentType,
        body: {
          ResponseHeader: {
            responseRefID: regex(/^[0-9a-f-]{36}$/, '4dd9b5d9-d738-42ba-9326-2cc99e966000'),
            responseCode: equal('200'),
            responseDescription: equal('Request accepted for processing'),
            ResultDesc: equal('The service request is processed successfully.'),
          },
          ResponseBody: {
            responseDescription: equal('Request accepted for processing'),
            responseCode: equal('200'),
          },
        },
      });
    await executeTest(pact, async (server) => {
      const ack = await clientFor(server.url).ratiba.createStandingOrder({
        name: 'Rent',
        startDate: '20261201',
        endDate: '20271130',
        shortcode: BILLER,
        amount: 1500,
        phoneNumber: SANDBOX.msisdn,
        frequency: 'monthly',
        callbackUrl: 'https://shop.example/daraja/ratiba',
        accountReference: 'FLAT-4',
        description: 'Rent',
      });
      expect(ack.ResponseHeader.responseCode).toBe('200');
    });
  });

  it('opts a paybill in to Bill Manager and keeps its app key', async () => {
    tokenInteraction(pact);
    authenticated(pact)
      .uponReceiving('a Bill Manager opt-in')
      .withRequest({
        method: 'POST',
        path: DarajaPaths.billManagerOptIn,
        headers: bearer(),
        body: {
          shortcode: BILLER,
          email: 'billing@water.example',
          officialContact: '0710000000',
          sendReminders: '1',
          callbackurl: 'https://water.example/payments',
        },
      })
      .willRespondWith({
        status: 200,
        headers: jsonContentType,
        body: {
          app_key: regex(/^AG_\d+_\w+$/, EXAMPLE_APP_KEY),
          resmsg: equal('Success'),
          rescode: equal('200'),
        },
      });
    await executeTest(pact, async (server) => {
      const answer = await clientFor(server.url).billManager.optIn({
        shortcode: BILLER,
        email: 'billing@water.example',
        officialContact: '0710000000',
        sendReminders: true,
        callbackUrl: 'https://water.example/payments',
      });
      expect(answer.rescode).toBe('200');
    });
  });

  it('sends an invoice with the opt-in’s app key in the appKey header', async () => {
    tokenInteraction(pact);
    const invoice = {
      externalReference: 'W-1',
      billedFullName: 'John Doe',
      billedPhoneNumber: '0708374149',
      billedPeriod: 'November 2026',
      invoiceName: 'Water',
      dueDate: '2026-11-30',
      accountReference: 'METER-9',
      amount: '450',
    };
    authenticated(pact)
      .given('shortcode {shortcode} is opted in to Bill Manager', { shortcode: BILLER })
      .uponReceiving('a Bill Manager single invoice')
      .withRequest({
        method: 'POST',
        path: DarajaPaths.billManagerSingleInvoice,
        headers: { ...bearer(), appKey: fromProviderState('${appKey}', EXAMPLE_APP_KEY) },
        body: invoice,
      })
      .willRespondWith({
        status: 200,
        headers: jsonContentType,
        body: {
          Status_Message: equal('Invoice sent successfully'),
          resmsg: equal('Success'),
          rescode: equal('200'),
        },
      });
    await executeTest(pact, async (server) => {
      const answer = await clientFor(server.url).billManager.sendInvoice(EXAMPLE_APP_KEY, invoice);
      expect(answer.Status_Message).toBe('Invoice sent successfully');
    });
  });
}
