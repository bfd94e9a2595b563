import { expect, it } from 'vitest';
import { MatchersV3, type PactV3 } from '@pact-foundation/pact';
import { DarajaPaths, readSwapDate } from 'daraja-client';
import { authenticated, bearer, clientFor, tokenInteraction } from '../support/pact-setup.js';
import { executeTest } from '../support/execute-test.js';
import { jsonContentType, requestId } from '../support/daraja-matchers.js';

const { equal, regex } = MatchersV3;

const CUSTOMER = '254722000000';
const DATE = /^\d{2}-\d{2}-\d{4}$/;

/** IMSI and SIM Swap checks: synchronous camelCase answers, no callback. */
export function imsiContracts(pact: PactV3): void {
  it('reads the last SIM swap of a customer who just swapped', async () => {
    tokenInteraction(pact);
    authenticated(pact)
      .given('customer {msisdn} swapped the SIM', { msisdn: CUSTOMER })
      .uponReceiving('a SIM Swap check for a customer who just swapped the SIM')
      .withRequest({
        method: 'POST',
        path: DarajaPaths.simSwap,
        headers: { ...bearer(), 'Content-Type': 'application/json' },
        body: { customerNumber: CUSTOMER },
      })
      .willRespondWith({
        status: 200,
        headers: jsonContentType,
        body: {
          requestRefID: requestId(),
          responseCode: equal('200'),
          responseDesc: equal('Success'),
          lastSwapDate: regex(/^\d{2}-\d{2}-\d{4} \d{2}:\d{2}$/, '28-11-2026 09:30'),
        },
      });
    await executeTest(pact, async (server) => {
      const answer = await clientFor(server.url).imsi.lastSwap('0722000000');
      expect(answer.responseCode).toBe('200');
      expect(readSwapDate(answer.lastSwapDate).recentlySwapped).toBe(true);
    });
  });

  it('reads the hashed IMSI and registration date of a line with no recent swap', async () => {
    tokenInteraction(pact);
    authenticated(pact)
      .uponReceiving('an IMSI check for a line with no recent swap')
      .withRequest({
        method: 'POST',
        path: DarajaPaths.imsi,
        headers: { ...bearer(), 'Content-Type': 'application/json' },
        body: { customerNumber: CUSTOMER },
      })
      .willRespondWith({
        status: 200,
        headers: jsonContentType,
        body: {
          requestRefID: requestId(),
          responseCode: equal('200'),
          responseDesc: equal('Success'),
          imsi: regex(/^\d{16}$/, '9233817055099406'),
          lastSwapDate: equal('01-01-1900 00:00'),
          msisdnRegistrationDate: regex(DATE, '01-03-2022'),
          customerNumber: equal(CUSTOMER),
        },
      });
    await executeTest(pact, async (server) => {
      const answer = await clientFor(server.url).imsi.check(CUSTOMER);
      expect(readSwapDate(answer.lastSwapDate).recentlySwapped).toBe(false);
      expect(answer.customerNumber).toBe(CUSTOMER);
    });
  });
}
