import { expect, it } from 'vitest';
import { MatchersV3, synchronousBodyHandler, type MessageConsumerPact } from '@pact-foundation/pact';
import { StkResult, parseC2BNotification, parseStkCallback } from 'daraja-client';
import { checkoutRequestId, eatNumber, eatString, receipt, requestId } from '../support/daraja-matchers.js';

const { equal, integer, number, regex, string } = MatchersV3;

function stkCallback(result: Record<string, unknown>) {
  return {
    Body: {
      stkCallback: { MerchantRequestID: requestId(), CheckoutRequestID: checkoutRequestId(), ...result },
    },
  };
}

/** C2B validation and confirmation share one flat shape whose values are all strings. */
function c2bNotification(orgAccountBalance: ReturnType<typeof regex> | string) {
  return {
    TransactionType: equal('Pay Bill'),
    TransID: receipt(),
    TransTime: eatString(),
    TransAmount: regex(/^\d+\.\d{2}$/, '250.00'),
    BusinessShortCode: string('600000'),
    BillRefNumber: string('INV-2041'),
    InvoiceNumber: equal(''),
    OrgAccountBalance: orgAccountBalance,
    ThirdPartyTransID: equal(''),
    // v2 masks the phone number.
    MSISDN: regex(/^2547 \*{5} \d{3}$/, '2547 ***** 149'),
    FirstName: string('John'),
    MiddleName: string(''),
    LastName: string('Doe'),
  };
}

/** STK callbacks and C2B notifications, read by the client's parsers. */
export function callbackContracts(pact: MessageConsumerPact): void {
  it('parses the STK callback of a payment the customer accepted', () =>
    pact
      .expectsToReceive('an STK callback for a payment the customer accepted')
      .withContent(
        stkCallback({
          ResultCode: equal(0),
          ResultDesc: equal(StkResult.success.desc),
          CallbackMetadata: {
            Item: [
              { Name: 'Amount', Value: number(10) },
              { Name: 'MpesaReceiptNumber', Value: receipt() },
              { Name: 'Balance' },
              { Name: 'TransactionDate', Value: eatNumber() },
              { Name: 'PhoneNumber', Value: integer(254708374149) },
            ],
          },
        }),
      )
      .verify(
        synchronousBodyHandler((body) => {
          const callback = parseStkCallback(body);
          if (!callback.success) throw new Error('expected a successful callback');
          expect(callback.amount).toBe(10);
          expect(callback.receipt).toMatch(/^[A-Z0-9]{10}$/);
          expect(callback.phone).toBe('254708374149');
        }),
      ));

  it('parses the STK callback of a payment the customer cancelled', () =>
    pact
      .expectsToReceive('an STK callback for a payment the customer cancelled')
      .withContent(stkCallback({ ResultCode: equal(1032), ResultDesc: equal(StkResult.cancelled.desc) }))
      .verify(
        synchronousBodyHandler((body) => {
          const callback = parseStkCallback(body);
          expect(callback.success).toBe(false);
          expect(callback.resultCode).toBe(1032);
        }),
      ));

  it('parses a C2B validation request, which carries no account balance', () =>
    pact
      .expectsToReceive('a C2B validation request')
      .withContent(c2bNotification(''))
      .verify(
        synchronousBodyHandler((body) => {
          const payment = parseC2BNotification(body);
          expect(payment.amount).toBe(250);
          expect(payment.orgAccountBalance).toBe('');
        }),
      ));

  it('parses a C2B confirmation with the paybill’s new balance', () =>
    pact
      .expectsToReceive('a C2B confirmation')
      .withContent(c2bNotification(regex(/^\d+\.\d{2}$/, '100250.00')))
      .verify(
        synchronousBodyHandler((body) => {
          const payment = parseC2BNotification(body);
          expect(payment.transId).toMatch(/^[A-Z0-9]{10}$/);
          expect(payment.billRefNumber).toBe('INV-2041');
          expect(payment.msisdn).toBe('2547 ***** 149');
        }),
      ));
}
