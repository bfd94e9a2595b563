import type { Test } from 'supertest';
import request from 'supertest';
import type { Express } from 'express';
import type { StkPushRequest } from 'daraja-client/wire';

export const PASSKEY = 'bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919';
export const SHORTCODE = '174379';
export const MSISDN = '254708374149';

/** base64(shortcode + passkey + timestamp). */
export function password(timestamp: string, shortcode = SHORTCODE, passkey = PASSKEY): string {
  return Buffer.from(`${shortcode}${passkey}${timestamp}`).toString('base64');
}

/** `YYYYMMDDHHmmss` in East Africa Time for an epoch time in ms. */
export function eat(ms: number): string {
  return new Date(ms + 3 * 3600_000).toISOString().replace(/[-T:]/g, '').slice(0, 14);
}

/** A valid STK push body for the sandbox shortcode, with overrides. */
export function stkBody(now: number, overrides: Partial<Record<keyof StkPushRequest, unknown>> = {}) {
  const timestamp = eat(now);
  return {
    BusinessShortCode: 174379,
    Password: password(timestamp),
    Timestamp: timestamp,
    TransactionType: 'CustomerPayBillOnline',
    Amount: '1',
    PartyA: MSISDN,
    PartyB: SHORTCODE,
    PhoneNumber: MSISDN,
    CallBackURL: 'https://merchant.example/callback',
    AccountReference: 'accountref',
    TransactionDesc: 'txndesc',
    ...overrides,
  };
}

/** Gets a bearer token with any Basic credentials (a fresh sandbox app). */
export async function token(app: Express, key = 'consumer-key', secret = 'consumer-secret'): Promise<string> {
  const res = await request(app)
    .get('/oauth/v1/generate?grant_type=client_credentials')
    .auth(key, secret)
    .expect(200);
  return (res.body as { access_token: string }).access_token;
}

export function post(app: Express, path: string, bearer: string, body: unknown): Test {
  return request(app)
    .post(path)
    .set('Authorization', `Bearer ${bearer}`)
    .send(body as object);
}
