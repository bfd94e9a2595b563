import { expect, it } from 'vitest';
import { MatchersV3, synchronousBodyHandler, type MessageConsumerPact } from '@pact-foundation/pact';
import { parseResultCallback, readB2BResult } from 'daraja-client';
import { conversationId, receipt, requestId } from '../support/daraja-matchers.js';

const { equal, like, regex, string } = MatchersV3;

const item = (Key: string, Value?: unknown) => (Value === undefined ? { Key } : { Key, Value });

/** `{Amount={CurrencyCode=KES, MinimumAmount=69850000, BasicAmount=698500.00}}`. */
const javaMap = () =>
  regex(
    /^\{Amount=\{CurrencyCode=KES, MinimumAmount=-?\d+, BasicAmount=-?\d+\.\d{2}\}\}$/,
    '{Amount={CurrencyCode=KES, MinimumAmount=69850000, BasicAmount=698500.00}}',
  );

/** A completed B2B-family result (BusinessPayBill or tax): the portal sample's parameters, the live references. */
function businessResult(receiver: string, reference: string) {
  return {
    Result: {
      ResultType: equal(0),
      ResultCode: equal(0),
      ResultDesc: equal('The service request is processed successfully'),
      OriginatorConversationID: requestId(),
      ConversationID: conversationId(),
      TransactionID: receipt(),
      ResultParameters: {
        ResultParameter: [
          item('DebitAccountBalance', javaMap()),
          item('Amount', regex(/^\d+\.\d{2}$/, '1500.00')),
          item(
            'DebitPartyAffectedAccountBalance',
            regex(
              /^[^|]+\|KES\|(-?\d+\.\d{2}\|){3}-?\d+\.\d{2}$/,
              'Working Account|KES|698500.00|698500.00|0.00|0.00',
            ),
          ),
          item('TransCompletedTime', regex(/^\d{14}$/, '20261128093012')),
          item('DebitPartyCharges', ''),
          item('ReceiverPartyPublicName', string(receiver)),
          item('Currency', equal('KES')),
          item('InitiatorAccountCurrentBalance', javaMap()),
        ],
      },
      ReferenceData: {
        ReferenceItem: [
          item('BillReferenceNumber', equal(reference)),
          item('QueueTimeoutURL', like('https://internalsandbox.safaricom.co.ke/mpesa/b2bresults/v1/submit')),
          item('Occassion'),
        ],
      },
    },
  };
}

/** Result callbacks of B2B payments and tax remittances, read by the client. */
export function b2bResultContracts(pact: MessageConsumerPact): void {
  it('reads the B2B result of a completed paybill payment', () =>
    pact
      .expectsToReceive('a B2B result for a completed paybill payment')
      .withContent(businessResult('600000 - Safaricom Daraja 000', 'INV-7'))
      .verify(
        synchronousBodyHandler((body) => {
          const b2b = readB2BResult(parseResultCallback(body));
          expect(b2b.amount).toBe(1500);
          expect(b2b.debitAccount[0]?.name).toBe('Working Account');
          expect(b2b.billReferenceNumber).toBe('INV-7');
          expect(b2b.completedAt).toBeInstanceOf(Date);
        }),
      ));

  it('reads the result of a tax remittance to KRA', () =>
    pact
      .expectsToReceive('a tax remittance result')
      .withContent(businessResult('572572 - Kenya Revenue Authority', 'PRN1234XN'))
      .verify(
        synchronousBodyHandler((body) => {
          const tax = readB2BResult(parseResultCallback(body));
          expect(tax.receiverPartyPublicName).toMatch(/^572572 - /);
          expect(tax.billReferenceNumber).toBe('PRN1234XN');
        }),
      ));
}
