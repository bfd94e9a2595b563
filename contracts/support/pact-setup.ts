import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MatchersV3, PactV3, SpecificationVersion } from '@pact-foundation/pact';
import { DarajaClient, type DarajaClientConfig } from 'daraja-client';

// Pact's usage tracking stays off wherever Pact runs in this repository.
process.env.PACT_DO_NOT_TRACK = 'true';

/** Where the consumer tests write the pacts that are committed and verified. */
export const PACT_DIR = fileURLToPath(new URL('../pacts', import.meta.url));

export const CONSUMER = 'daraja-client';
export const PROVIDER = 'daraja-emulator';

/** The Daraja app the client authenticates as. */
export const APP = { consumerKey: 'pact-consumer-key', consumerSecret: 'pact-consumer-secret' } as const;

/** The token the mock OAuth answer carries (Daraja's shape: 28 alphanumeric characters). */
export const EXAMPLE_TOKEN = 'PactExampleAccessToken000001';

/** The sandbox's STK shortcode, passkey and test customer. */
export const SANDBOX = {
  shortcode: '174379',
  passkey: 'bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919',
  msisdn: '254708374149',
} as const;

/** A well-formed SecurityCredential (256 bytes, base64): fixed so the pact does not change between runs. */
export const CREDENTIAL = Buffer.alloc(256, 7).toString('base64');

/** The client's clock: a fixed instant, so Timestamp and Password are the same on every run. */
export const FIXED_NOW = Date.UTC(2026, 10, 28, 6, 30, 0);

/** A pact between the client and the emulator; interactions from every test are merged into one file. */
export function httpPact(): PactV3 {
  return new PactV3({
    consumer: CONSUMER,
    provider: PROVIDER,
    dir: PACT_DIR,
    spec: SpecificationVersion.SPECIFICATION_VERSION_V3,
    logLevel: 'error',
  });
}

/** Deletes a pact file before its tests regenerate it, so removed interactions do not linger. */
export function removePact(consumer: string, provider: string): void {
  rmSync(`${PACT_DIR}/${consumer}-${provider}.json`, { force: true });
}

/** The client under test, pointed at the mock server. */
export function clientFor(baseUrl: string, overrides: Partial<DarajaClientConfig> = {}): DarajaClient {
  return new DarajaClient({
    ...APP,
    baseUrl,
    shortcode: SANDBOX.shortcode,
    passkey: SANDBOX.passkey,
    initiatorName: 'testapi',
    securityCredential: CREDENTIAL,
    now: () => FIXED_NOW,
    generateId: () => 'pact-b2c-0001',
    ...overrides,
  });
}

const { fromProviderState, regex } = MatchersV3;

export const APP_STATE = 'app {consumerKey} exists with secret {consumerSecret}';
export const TOKEN_STATE = 'an access token was issued to app {consumerKey}';

/** `Authorization: Bearer …` carrying the token the provider state issued. */
export function bearer() {
  return { Authorization: fromProviderState('Bearer ${accessToken}', `Bearer ${EXAMPLE_TOKEN}`) };
}

/**
 * The token request every API call starts with. Each test declares it; Pact merges the identical copies
 * into one interaction.
 */
export function tokenInteraction(pact: PactV3): PactV3 {
  const basic = Buffer.from(`${APP.consumerKey}:${APP.consumerSecret}`).toString('base64');
  return pact
    .given(APP_STATE, { ...APP })
    .uponReceiving('a request for an access token')
    .withRequest({
      method: 'GET',
      path: '/oauth/v1/generate',
      query: { grant_type: 'client_credentials' },
      headers: { Authorization: `Basic ${basic}` },
    })
    .willRespondWith({
      status: 200,
      headers: { 'Content-Type': regex(/^application\/json(;\s?charset=(utf|UTF)-8)?$/, 'application/json') },
      body: {
        access_token: regex(/^[A-Za-z0-9]{28}$/, EXAMPLE_TOKEN),
        expires_in: regex(/^\d+$/, '3599'),
      },
    });
}

/** Starts an API interaction with the app and token states every authenticated call needs. */
export function authenticated(pact: PactV3): PactV3 {
  return pact.given(APP_STATE, { ...APP }).given(TOKEN_STATE, { consumerKey: APP.consumerKey });
}
