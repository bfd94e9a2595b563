/** The sandbox's Lipa na M-Pesa Online shortcode and passkey (public, from Safaricom's developer portal). */
export const SHORTCODE = '174379';
export const PASSKEY = 'bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919';
/** The sandbox test customer; the emulator seeds it with PIN 1234. */
export const MSISDN = '254708374149';
export const PIN = '1234';

/** How long one call to the emulator may take before the test says which call hung. */
const STEP_MS = 15_000;

export interface StkAck {
  MerchantRequestID: string;
  CheckoutRequestID: string;
  ResponseCode: string;
  CustomerMessage: string;
}

/** What an app does: get a token with any credentials, then push a prompt to the customer's phone. */
export async function sendStkPush(
  baseUrl: string,
  options: {
    amount: number;
    accountReference: string;
    callbackUrl: string;
    timestamp?: string;
    phone?: string;
  },
): Promise<StkAck> {
  const basic = Buffer.from('e2e-key:e2e-secret').toString('base64');
  const tokenResponse = await fetch(`${baseUrl}/oauth/v1/generate?grant_type=client_credentials`, {
    headers: { authorization: `Basic ${basic}` },
    signal: AbortSignal.timeout(STEP_MS),
  });
  if (!tokenResponse.ok) throw new Error(`token: HTTP ${tokenResponse.status}`);
  const { access_token: token } = (await tokenResponse.json()) as { access_token: string };
  const timestamp = options.timestamp ?? eatTimestamp(new Date());
  const response = await fetch(`${baseUrl}/mpesa/stkpush/v1/processrequest`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    signal: AbortSignal.timeout(STEP_MS),
    body: JSON.stringify({
      BusinessShortCode: SHORTCODE,
      Password: Buffer.from(SHORTCODE + PASSKEY + timestamp).toString('base64'),
      Timestamp: timestamp,
      TransactionType: 'CustomerPayBillOnline',
      Amount: options.amount,
      PartyA: options.phone ?? MSISDN,
      PartyB: SHORTCODE,
      PhoneNumber: options.phone ?? MSISDN,
      CallBackURL: options.callbackUrl,
      AccountReference: options.accountReference,
      TransactionDesc: 'e2e',
    }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`stk push: HTTP ${response.status} ${text}`);
  return JSON.parse(text) as StkAck;
}

/** The `ResultCode` of an STK callback body. */
export function resultCodeOf(body: unknown): unknown {
  const callback = (body as { Body?: { stkCallback?: { ResultCode?: unknown } } }).Body?.stkCallback;
  return callback?.ResultCode;
}

/** An access token for the app calls the tests make besides the STK push. */
export async function accessToken(baseUrl: string): Promise<string> {
  const basic = Buffer.from('e2e-key:e2e-secret').toString('base64');
  const response = await fetch(`${baseUrl}/oauth/v1/generate?grant_type=client_credentials`, {
    headers: { authorization: `Basic ${basic}` },
    signal: AbortSignal.timeout(STEP_MS),
  });
  return ((await response.json()) as { access_token: string }).access_token;
}

/** POSTs a Daraja request as an app would and returns the status and body. */
export async function darajaPost(baseUrl: string, path: string, body: unknown) {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await accessToken(baseUrl)}`, 'content-type': 'application/json' },
    signal: AbortSignal.timeout(STEP_MS),
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.text()) || undefined };
}

/** `yyyyMMddHHmmss` in East Africa Time (UTC+3, no daylight saving), as Daraja wants the Timestamp. */
export function eatTimestamp(at: Date): string {
  return new Date(at.getTime() + 3 * 3600_000).toISOString().replace(/\D/g, '').slice(0, 14);
}

/** The manual clock's default start, 2026-01-01 12:00:00 EAT, as a Timestamp. */
export const MANUAL_CLOCK_TIMESTAMP = '20260101120000';

/** Accepts an open prompt through the control API with the customer's PIN, as a test playing the customer. */
export async function acceptPrompt(
  baseUrl: string,
  checkoutRequestId: string,
  pin: string,
): Promise<{ status: number; body: { receipt?: string; error?: string } }> {
  const response = await fetch(`${baseUrl}/_emulator/stk/${checkoutRequestId}/accept`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ pin }),
    signal: AbortSignal.timeout(STEP_MS),
  });
  return { status: response.status, body: (await response.json()) as { receipt?: string; error?: string } };
}
