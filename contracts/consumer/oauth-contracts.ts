import { expect, it } from 'vitest';
import type { PactV3 } from '@pact-foundation/pact';
import { AuthenticationError } from 'daraja-client';
import { APP, APP_STATE, EXAMPLE_TOKEN, clientFor, tokenInteraction } from '../support/pact-setup.js';
import { executeTest } from '../support/execute-test.js';

/** OAuth: a token for the app's key and secret; a wrong secret is refused with an empty 400. */
export function oauthContracts(pact: PactV3): void {
  it('gets an access token with the app’s consumer key and secret', async () => {
    tokenInteraction(pact);
    await executeTest(pact, async (server) => {
      await expect(clientFor(server.url).oauth.getAccessToken()).resolves.toBe(EXAMPLE_TOKEN);
    });
  });

  it('reports a wrong consumer secret as an AuthenticationError', async () => {
    const basic = Buffer.from(`${APP.consumerKey}:not-the-secret`).toString('base64');
    pact
      .given(APP_STATE, { ...APP })
      .uponReceiving('a request for an access token with a wrong consumer secret')
      .withRequest({
        method: 'GET',
        path: '/oauth/v1/generate',
        query: { grant_type: 'client_credentials' },
        headers: { Authorization: `Basic ${basic}` },
      })
      // The sandbox answers bad credentials with an empty HTTP 400.
      .willRespondWith({ status: 400 });
    await executeTest(pact, async (server) => {
      const client = clientFor(server.url, { consumerSecret: 'not-the-secret' });
      await expect(client.oauth.getAccessToken()).rejects.toBeInstanceOf(AuthenticationError);
    });
  });
}
