import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Pact files written by hand, as another team's consumer tests would record them: their own consumer
 * name, shortcode, passkey, phone numbers and amounts, states written inline, concrete ids and tokens.
 */

const SHORTCODE = '555123';
const PASSKEY = 'duka-passkey-0001';
const PHONE = '254711000222';
const TIMESTAMP = '20250301101500';
const PASSWORD = Buffer.from(`${SHORTCODE}${PASSKEY}${TIMESTAMP}`).toString('base64');
const CHECKOUT_ID = 'ws_CO_010320251015001234711000222';
/** What the consumer's mock server handed out; the emulator never issued it. */
const RECORDED_TOKEN = 'Bearer RecordedByTheConsumerMock0001';

const metadata = { pactSpecification: { version: '3.0.0' } };
const typeOf = { matchers: [{ match: 'type' }] };

const stkCredentials = { BusinessShortCode: SHORTCODE, Password: PASSWORD, Timestamp: TIMESTAMP };

function tokenRequest() {
  return {
    description: 'a token request from the shop',
    providerStates: [{ name: 'app duka-key exists with secret duka-secret' }],
    request: {
      method: 'GET',
      path: '/oauth/v1/generate',
      query: { grant_type: ['client_credentials'] },
      headers: { Authorization: `Basic ${Buffer.from('duka-key:duka-secret').toString('base64')}` },
    },
    response: {
      status: 200,
      body: { access_token: 'AnyTokenAtAll', expires_in: '3599' },
      matchingRules: { body: { '$.access_token': typeOf, '$.expires_in': typeOf } },
    },
  };
}

function stkPush(responseCode: string) {
  return {
    description: 'a checkout prompt for Ksh 150',
    providerStates: [
      { name: `shortcode ${SHORTCODE} has passkey ${PASSKEY}` },
      { name: `customer ${PHONE} has Ksh 1,500` },
    ],
    request: {
      method: 'POST',
      path: '/mpesa/stkpush/v1/processrequest',
      headers: { Authorization: RECORDED_TOKEN, 'Content-Type': 'application/json' },
      body: {
        ...stkCredentials,
        TransactionType: 'CustomerPayBillOnline',
        Amount: 150,
        PartyA: PHONE,
        PartyB: SHORTCODE,
        PhoneNumber: PHONE,
        CallBackURL: 'https://duka.example/payments/callback',
        AccountReference: 'ORDER-7781',
        TransactionDesc: 'Duka order',
      },
    },
    response: {
      status: 200,
      body: {
        MerchantRequestID: 'any',
        CheckoutRequestID: 'ws_CO_any',
        ResponseCode: responseCode,
        CustomerMessage: 'Success. Request accepted for processing',
      },
      matchingRules: { body: { '$.MerchantRequestID': typeOf, '$.CheckoutRequestID': typeOf } },
    },
  };
}

function stkQuery() {
  return {
    description: 'a status check of the open prompt',
    providerStates: [
      { name: `shortcode ${SHORTCODE} has passkey ${PASSKEY}` },
      {
        name: `an STK push ${CHECKOUT_ID} is pending for ${PHONE}`,
        params: { shortcode: SHORTCODE, amount: 150 },
      },
    ],
    request: {
      method: 'POST',
      path: '/mpesa/stkpushquery/v1/query',
      headers: { Authorization: RECORDED_TOKEN },
      body: { ...stkCredentials, CheckoutRequestID: CHECKOUT_ID },
    },
    response: {
      status: 200,
      body: {
        CheckoutRequestID: CHECKOUT_ID,
        ResultCode: '4999',
        ResultDesc: 'The transaction is still under processing',
      },
    },
  };
}

function registerWithBadToken() {
  return {
    description: 'a URL registration with an expired token',
    providerStates: [{ name: 'the access token is invalid' }],
    request: {
      method: 'POST',
      path: '/mpesa/c2b/v2/registerurl',
      headers: { Authorization: RECORDED_TOKEN },
      body: {
        ShortCode: '600984',
        ResponseType: 'Completed',
        ConfirmationURL: 'https://duka.example/payments/confirm',
      },
    },
    response: { status: 400, body: { errorCode: '400.003.01', errorMessage: 'Invalid Access Token' } },
  };
}

function cancelledCallback() {
  return {
    description: 'an STK callback for a payment the customer cancelled',
    contents: { Body: { stkCallback: { ResultCode: 1032, ResultDesc: 'Request cancelled by user' } } },
  };
}

const folders: string[] = [];

/** A new temporary folder, removed by removeUserPacts. */
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'user-pacts-'));
  folders.push(dir);
  return dir;
}

/** Deletes every folder the functions below created. */
export function removeUserPacts(): void {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
}

function write(dir: string, name: string, pact: object): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(pact, null, 2));
  return path;
}

/** A folder with the shop's HTTP pact and its callback pact, both of which the emulator honours. */
export function passingPacts(): string {
  const dir = folder();
  write(dir, 'duka-checkout-mpesa.json', {
    consumer: { name: 'duka-checkout' },
    provider: { name: 'mpesa' },
    interactions: [tokenRequest(), stkPush('0'), stkQuery(), registerWithBadToken()],
    metadata,
  });
  write(dir, 'duka-callbacks-mpesa.json', {
    consumer: { name: 'duka-callbacks' },
    provider: { name: 'mpesa' },
    messages: [cancelledCallback()],
    metadata,
  });
  return dir;
}

/** A pact expecting ResponseCode "00" from an STK push, which Daraja never sends. */
export function failingPact(): string {
  const dir = folder();
  return write(dir, 'duka-checkout-mpesa.json', {
    consumer: { name: 'duka-checkout' },
    provider: { name: 'mpesa' },
    interactions: [tokenRequest(), stkPush('00')],
    metadata,
  });
}

/** A pact whose STK password was made with another passkey than the one its state gives the shortcode. */
export function wrongPasskeyPact(): string {
  const dir = folder();
  const password = Buffer.from(`${SHORTCODE}not-the-duka-passkey${TIMESTAMP}`).toString('base64');
  const push = stkPush('0');
  const request = { ...push.request, body: { ...push.request.body, Password: password } };
  return write(dir, 'duka-checkout-mpesa.json', {
    consumer: { name: 'duka-checkout' },
    provider: { name: 'mpesa' },
    interactions: [tokenRequest(), { ...push, request }],
    metadata,
  });
}

/** A pact naming a provider state the emulator does not know. */
export function unknownStatePact(): string {
  const dir = folder();
  const push = { ...stkPush('0'), providerStates: [{ name: 'the shop is open for business' }] };
  return write(dir, 'duka-checkout-mpesa.json', {
    consumer: { name: 'duka-checkout' },
    provider: { name: 'mpesa' },
    interactions: [push],
    metadata,
  });
}

/** A pact whose state names a phone number in a form Daraja does not use. */
export function badStateValuePact(): string {
  const dir = folder();
  const token = { ...tokenRequest(), providerStates: [{ name: 'customer 0711000222 has balance 150' }] };
  return write(dir, 'duka-checkout-mpesa.json', {
    consumer: { name: 'duka-checkout' },
    provider: { name: 'mpesa' },
    interactions: [token],
    metadata,
  });
}
