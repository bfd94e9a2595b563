import type { StkPushRequest } from 'daraja-client/wire';
import { SANDBOX_PASSKEY, SANDBOX_SHORTCODE } from '../config/defaults.js';
import type { KeepAliveClient } from './http-client.js';

/** Daraja does not check how old a Timestamp is (settings.stk.timestampMaxSkewSeconds is 0), so one will do. */
export const FIXED_TIMESTAMP = '20260101120000';

export const SANDBOX_PASSWORD = Buffer.from(
  `${SANDBOX_SHORTCODE}${SANDBOX_PASSKEY}${FIXED_TIMESTAMP}`,
).toString('base64');

/** The n-th of a block of test phone numbers (2547 and eight digits), one per push to avoid the subscriber lock. */
export function phoneNumber(n: number): string {
  return `2547${String(10_000_000 + (n % 90_000_000)).padStart(8, '0')}`;
}

/** A valid STK push to the sandbox paybill. */
export function stkPushBody(phone: string, callbackUrl: string, amount = 1): StkPushRequest {
  return {
    BusinessShortCode: SANDBOX_SHORTCODE,
    Password: SANDBOX_PASSWORD,
    Timestamp: FIXED_TIMESTAMP,
    TransactionType: 'CustomerPayBillOnline',
    Amount: String(amount),
    PartyA: phone,
    PartyB: SANDBOX_SHORTCODE,
    PhoneNumber: phone,
    CallBackURL: callbackUrl,
    AccountReference: 'bench',
    TransactionDesc: 'bench',
  };
}

export function basicAuth(key: string, secret: string): string {
  return `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`;
}

/** A bearer token from the emulator's OAuth endpoint (any key and secret work for a fresh sandbox app). */
export async function fetchToken(
  client: KeepAliveClient,
  key = 'bench-key',
  secret = 'bench-secret',
): Promise<string> {
  const reply = await client.json('GET', '/oauth/v1/generate?grant_type=client_credentials', undefined, {
    Authorization: basicAuth(key, secret),
  });
  const token = (reply.json as { access_token?: unknown } | undefined)?.access_token;
  if (reply.status !== 200 || typeof token !== 'string') {
    throw new Error(`OAuth answered ${reply.status}: ${reply.body.slice(0, 200)}`);
  }
  return token;
}
