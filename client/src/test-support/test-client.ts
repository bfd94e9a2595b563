import { readFileSync } from 'node:fs';
import { DarajaClient } from '../daraja-client.js';
import type { DarajaClientConfig } from '../config.js';
import type { FetchLike } from '../http/transport.js';

/** Sandbox values from Safaricom's docs: shortcode 174379 and its public passkey. */
export const SANDBOX = {
  shortcode: '174379',
  passkey: 'bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919',
} as const;

/** A self-signed certificate and its private key, generated for these tests only. */
export const testCertificate = readFileSync(
  new URL('../security/fixtures/test-cert.pem', import.meta.url),
  'utf8',
);
export const testPrivateKey = readFileSync(
  new URL('../security/fixtures/test-key.pem', import.meta.url),
  'utf8',
);

/** 2026-10-06 09:52:33 EAT (06:52:33 UTC). */
export const FIXED_NOW = Date.UTC(2026, 9, 6, 6, 52, 33);

/** A client over a fake fetch with every setting filled in. */
export function testClient(fetch: FetchLike, overrides: Partial<DarajaClientConfig> = {}): DarajaClient {
  return new DarajaClient({
    consumerKey: 'key',
    consumerSecret: 'secret',
    environment: 'sandbox',
    shortcode: SANDBOX.shortcode,
    passkey: SANDBOX.passkey,
    initiatorName: 'testapi',
    securityCredential: 'credential==',
    now: () => FIXED_NOW,
    fetch,
    ...overrides,
  });
}
