import type { StkPushAck } from 'daraja-client/wire';
import { controlErrorFrom } from './control-error';
import { eatTimestamp, stkPassword } from '../export/sandbox';

export interface PushInput {
  shortcode: string;
  passkey: string;
  phone: string;
  amount: number;
  accountReference: string;
  callbackUrl: string;
  consumerKey: string;
  consumerSecret: string;
  /** The emulator's time, for the Timestamp. */
  now: number;
}

/**
 * Sends a real STK push through the emulator's Daraja API, exactly as an app would: a token from
 * /oauth/v1/generate, then /mpesa/stkpush/v1/processrequest with the computed Password.
 */
export async function sendStkPush(input: PushInput): Promise<StkPushAck> {
  const tokenResponse = await fetch('/oauth/v1/generate?grant_type=client_credentials', {
    headers: { authorization: `Basic ${btoa(`${input.consumerKey}:${input.consumerSecret}`)}` },
  });
  if (!tokenResponse.ok) throw await darajaError(tokenResponse);
  const { access_token: token } = (await tokenResponse.json()) as { access_token: string };
  const timestamp = eatTimestamp(input.now);
  const response = await fetch('/mpesa/stkpush/v1/processrequest', {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      BusinessShortCode: input.shortcode,
      Password: stkPassword(input.shortcode, input.passkey, timestamp),
      Timestamp: timestamp,
      TransactionType: 'CustomerPayBillOnline',
      Amount: input.amount,
      PartyA: input.phone,
      PartyB: input.shortcode,
      PhoneNumber: input.phone,
      CallBackURL: input.callbackUrl,
      AccountReference: input.accountReference,
      TransactionDesc: 'Dashboard',
    }),
  });
  if (!response.ok) throw await darajaError(response);
  return (await response.json()) as StkPushAck;
}

/** Daraja's own envelope (`errorMessage`) read into the message; anything else as the control API's. */
async function darajaError(response: Response): Promise<Error> {
  const copy = response.clone();
  try {
    const body = (await response.json()) as { errorCode?: string; errorMessage?: string };
    if (body.errorMessage) return new Error(`${body.errorCode ?? response.status}: ${body.errorMessage}`);
  } catch {
    // Not Daraja's envelope.
  }
  return controlErrorFrom(copy);
}
