import { expect, it } from 'vitest';
import { MatchersV3, type PactV3 } from '@pact-foundation/pact';
import {
  BadRequestError,
  DarajaErrors,
  DarajaPaths,
  InvalidTokenError,
  STK_ACK_DESCRIPTION,
  StkResult,
  WrongCredentialsError,
  type ResultCodeEntry,
  stkPassword,
} from 'daraja-client';
import {
  APP,
  APP_STATE,
  EXAMPLE_TOKEN,
  FIXED_NOW,
  SANDBOX,
  authenticated,
  bearer,
  clientFor,
  tokenInteraction,
} from '../support/pact-setup.js';
import { executeTest } from '../support/execute-test.js';
import { checkoutRequestId, errorBody, jsonContentType, requestId } from '../support/daraja-matchers.js';

const { equal, fromProviderState, integer, regex } = MatchersV3;

const CALLBACK_URL = 'https://shop.example/daraja/stk';
const PASSKEY_STATE = 'shortcode {shortcode} has passkey {passkey}';
const BALANCE_STATE = 'customer {msisdn} has balance {amount}';
const passkeyParams = { shortcode: SANDBOX.shortcode, passkey: SANDBOX.passkey };

const push = {
  amount: 1,
  phoneNumber: '0708374149',
  callbackUrl: CALLBACK_URL,
  accountReference: 'INV-42',
  transactionDesc: 'Order 42',
};

/** Password and Timestamp as the client builds them from its pinned clock, matched by shape. */
function credentials(passkey: string) {
  const built = stkPassword(SANDBOX.shortcode, passkey, () => FIXED_NOW);
  return {
    BusinessShortCode: SANDBOX.shortcode,
    Password: regex(/^[A-Za-z0-9+/]+={0,2}$/, built.Password),
    Timestamp: regex(/^\d{14}$/, built.Timestamp),
  };
}

function pushBody(passkey: string, transactionType = 'CustomerPayBillOnline') {
  return {
    ...credentials(passkey),
    TransactionType: transactionType,
    Amount: integer(1),
    PartyA: SANDBOX.msisdn,
    PartyB: SANDBOX.shortcode,
    PhoneNumber: SANDBOX.msisdn,
    CallBackURL: CALLBACK_URL,
    AccountReference: 'INV-42',
    TransactionDesc: 'Order 42',
  };
}

function queryResponse(resultCode: string, resultDesc: string) {
  return {
    ResponseCode: equal('0'),
    // Daraja has answered with both spellings.
    ResponseDescription: regex(
      /^The service request has been accepted successs?fully$/,
      'The service request has been accepted successsfully',
    ),
    MerchantRequestID: requestId(),
    CheckoutRequestID: checkoutRequestId(),
    ResultCode: equal(resultCode),
    ResultDesc: equal(resultDesc),
  };
}

/** M-Pesa Express: push (success, invalid field, wrong credentials, invalid token) and query. */
export function stkContracts(pact: PactV3): void {
  it('sends an STK push and reads the acknowledgement', async () => {
    tokenInteraction(pact);
    authenticated(pact)
      .given(PASSKEY_STATE, passkeyParams)
      .given(BALANCE_STATE, { msisdn: SANDBOX.msisdn, amount: 50000 })
      .uponReceiving('an STK push request')
      .withRequest({
        method: 'POST',
        path: DarajaPaths.stkPush,
        headers: bearer(),
        body: pushBody(SANDBOX.passkey),
      })
      .willRespondWith({
        status: 200,
        headers: jsonContentType,
        body: {
          MerchantRequestID: requestId(),
          CheckoutRequestID: checkoutRequestId(),
          ResponseCode: equal('0'),
          ResponseDescription: equal(STK_ACK_DESCRIPTION),
          CustomerMessage: equal(STK_ACK_DESCRIPTION),
        },
      });
    await executeTest(pact, async (server) => {
      const ack = await clientFor(server.url).stk.push(push);
      expect(ack.ResponseCode).toBe('0');
      expect(ack.CheckoutRequestID).toMatch(/^ws_CO_/);
    });
  });

  it('reports Daraja’s Invalid TransactionType as a BadRequestError naming the field', async () => {
    tokenInteraction(pact);
    authenticated(pact)
      .given(PASSKEY_STATE, passkeyParams)
      .uponReceiving('an STK push of a till payment to a paybill shortcode')
      .withRequest({
        method: 'POST',
        path: DarajaPaths.stkPush,
        headers: bearer(),
        body: pushBody(SANDBOX.passkey, 'CustomerBuyGoodsOnline'),
      })
      .willRespondWith({
        status: 400,
        headers: jsonContentType,
        body: errorBody(DarajaErrors.invalidField('TransactionType')),
      });
    await executeTest(pact, async (server) => {
      const till = { ...push, transactionType: 'CustomerBuyGoodsOnline' as const, partyB: SANDBOX.shortcode };
      const failure = clientFor(server.url).stk.push(till);
      await expect(failure).rejects.toBeInstanceOf(BadRequestError);
      await expect(failure).rejects.toMatchObject({ field: 'TransactionType' });
    });
  });

  it('reports a Password built with the wrong passkey as WrongCredentialsError', async () => {
    tokenInteraction(pact);
    authenticated(pact)
      .given(PASSKEY_STATE, passkeyParams)
      .uponReceiving('an STK push with a Password built from the wrong passkey')
      .withRequest({
        method: 'POST',
        path: DarajaPaths.stkPush,
        headers: bearer(),
        body: pushBody('not-the-passkey'),
      })
      .willRespondWith({
        status: 500,
        headers: jsonContentType,
        body: errorBody(DarajaErrors.wrongCredentials),
      });
    await executeTest(pact, async (server) => {
      const client = clientFor(server.url, { passkey: 'not-the-passkey' });
      await expect(client.stk.push(push)).rejects.toBeInstanceOf(WrongCredentialsError);
    });
  });

  it('reports a rejected access token as InvalidTokenError', async () => {
    tokenInteraction(pact);
    pact
      .given(APP_STATE, { ...APP })
      .given('the access token is invalid')
      .given(PASSKEY_STATE, passkeyParams)
      .uponReceiving('an STK push with an access token Daraja does not accept')
      .withRequest({
        method: 'POST',
        path: DarajaPaths.stkPush,
        headers: { Authorization: regex(/^Bearer \S+$/, `Bearer ${EXAMPLE_TOKEN}`) },
        body: pushBody(SANDBOX.passkey),
      })
      .willRespondWith({
        status: 404,
        headers: jsonContentType,
        body: errorBody(DarajaErrors.invalidAccessToken),
      });
    await executeTest(pact, async (server) => {
      const client = clientFor(server.url, { refreshOnInvalidToken: false });
      await expect(client.stk.push(push)).rejects.toBeInstanceOf(InvalidTokenError);
    });
  });

  queryContract(pact, {
    title: 'reads ResultCode 4999 while the customer has not answered the prompt',
    state: 'an STK push is pending for {msisdn}',
    description: 'an STK query for a prompt that is still open',
    result: StkResult.stillProcessing,
  });
  queryContract(pact, {
    title: 'reads ResultCode 0 once the customer has paid',
    state: 'an STK push was paid by {msisdn}',
    description: 'an STK query for a paid prompt',
    result: StkResult.success,
  });
}

const EXAMPLE_CHECKOUT_ID = 'ws_CO_28112026093000123708374149';

/** An STK query for a prompt in the given provider state, answered with `result` (ResultCode as a string). */
function queryContract(
  pact: PactV3,
  c: { title: string; state: string; description: string; result: ResultCodeEntry },
): void {
  it(c.title, async () => {
    tokenInteraction(pact);
    authenticated(pact)
      .given(PASSKEY_STATE, passkeyParams)
      .given(c.state, { msisdn: SANDBOX.msisdn })
      .uponReceiving(c.description)
      .withRequest({
        method: 'POST',
        path: DarajaPaths.stkQuery,
        headers: bearer(),
        body: {
          ...credentials(SANDBOX.passkey),
          CheckoutRequestID: fromProviderState('${CheckoutRequestID}', EXAMPLE_CHECKOUT_ID),
        },
      })
      .willRespondWith({
        status: 200,
        headers: jsonContentType,
        body: queryResponse(String(c.result.code), c.result.desc),
      });
    await executeTest(pact, async (server) => {
      const status = await clientFor(server.url).stk.query({ checkoutRequestId: EXAMPLE_CHECKOUT_ID });
      expect(status.ResultCode).toBe(String(c.result.code));
      expect(status.ResultDesc).toBe(c.result.desc);
    });
  });
}
