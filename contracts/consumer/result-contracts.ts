import { expect, it } from 'vitest';
import { MatchersV3, synchronousBodyHandler, type MessageConsumerPact } from '@pact-foundation/pact';
import {
  parseResultCallback,
  readAccountBalanceResult,
  readB2CResult,
  readReversalResult,
  readTransactionStatusResult,
} from 'daraja-client';
import { conversationId, eatNumber, receipt, requestId } from '../support/daraja-matchers.js';

const { equal, like, number, regex, string } = MatchersV3;

const SUCCESS = 'The service request is processed successfully.';
/** `Working Account|KES|700000.00|700000.00|0.00|0.00`, several joined with `&`. */
const BALANCE_STRING =
  /^[^|&]+\|KES\|-?\d+\.\d{2}\|-?\d+\.\d{2}\|-?\d+\.\d{2}\|-?\d+\.\d{2}(&[^|&]+\|KES\|-?\d+\.\d{2}\|-?\d+\.\d{2}\|-?\d+\.\d{2}\|-?\d+\.\d{2})*$/;

const item = (Key: string, Value?: unknown) => (Value === undefined ? { Key } : { Key, Value });

function result(fields: {
  resultDesc?: unknown;
  originator?: unknown;
  transactionId?: unknown;
  parameters: unknown[];
  reference: unknown;
}) {
  return {
    Result: {
      ResultType: equal(0),
      ResultCode: equal(0),
      ResultDesc: fields.resultDesc ?? equal(SUCCESS),
      OriginatorConversationID: fields.originator ?? requestId(),
      ConversationID: conversationId(),
      TransactionID: fields.transactionId ?? receipt(),
      ResultParameters: { ResultParameter: fields.parameters },
      // One reference item arrives as an object, not a one-element list.
      ReferenceData: { ReferenceItem: fields.reference },
    },
  };
}

const queueTimeout = item(
  'QueueTimeoutURL',
  like('https://internalsandbox.safaricom.co.ke/mpesa/b2cresults/v1/submit'),
);

/** Result callbacks of B2C, Transaction Status, Account Balance and Reversal, read by the client. */
export function resultContracts(pact: MessageConsumerPact): void {
  it('reads the B2C result of a completed payment', () =>
    pact
      .expectsToReceive('a B2C result for a completed payment')
      .withContent(
        result({
          originator: string('pact-b2c-0001'),
          parameters: [
            item('TransactionAmount', number(100)),
            item('TransactionReceipt', receipt()),
            item('ReceiverPartyPublicName', regex(/^254\d{9} - .+$/, '254708374149 - John Doe')),
            item(
              'TransactionCompletedDateTime',
              regex(/^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}:\d{2}$/, '28.11.2026 09:30:12'),
            ),
            item('B2CUtilityAccountAvailableFunds', number(8959169.6)),
            item('B2CWorkingAccountAvailableFunds', number(1199371)),
            item('B2CRecipientIsRegisteredCustomer', regex(/^[YN]$/, 'Y')),
            item('B2CChargesPaidAccountAvailableFunds', number(0)),
          ],
          reference: queueTimeout,
        }),
      )
      .verify(
        synchronousBodyHandler((body) => {
          const b2c = readB2CResult(parseResultCallback(body));
          expect(b2c.amount).toBe(100);
          expect(b2c.recipientIsRegistered).toBe(true);
          expect(b2c.completedAt).toBeInstanceOf(Date);
        }),
      ));

  it('reads the Transaction Status result of a completed payment', () =>
    pact
      .expectsToReceive('a Transaction Status result for a completed payment')
      .withContent(
        result({
          transactionId: regex(/^[A-Z0-9]{3}0000000$/, 'UKS0000000'),
          parameters: [
            item('DebitPartyName', string('254708374149 - John Doe')),
            item('CreditPartyName', string('600000 - Safaricom Daraja 000')),
            item('OriginatorConversationID', requestId()),
            item('InitiatedTime', eatNumber()),
            item('CreditPartyCharges'),
            item('DebitAccountType', string('MMF Account For Customer')),
            item('TransactionReason'),
            item('ReasonType', string('Pay Bill')),
            item('TransactionStatus', equal('Completed')),
            item('FinalisedTime', eatNumber()),
            item('Amount', number(250)),
            item('ConversationID'),
            item('ReceiptNo', receipt()),
          ],
          reference: item('Occasion', string('Nightly check')),
        }),
      )
      .verify(
        synchronousBodyHandler((body) => {
          const status = readTransactionStatusResult(parseResultCallback(body));
          expect(status.status).toBe('Completed');
          expect(status.amount).toBe(250);
          expect(status.receiptNo).toMatch(/^[A-Z0-9]{10}$/);
        }),
      ));

  it('reads the accounts of an Account Balance result', () =>
    pact
      .expectsToReceive('an Account Balance result')
      .withContent(
        result({
          // Account Balance drops the full stop.
          resultDesc: equal('The service request is processed successfully'),
          transactionId: regex(/^[A-Z0-9]{3}0000000$/, 'UKS0000000'),
          parameters: [
            item(
              'AccountBalance',
              regex(
                BALANCE_STRING,
                'Working Account|KES|500000.00|500000.00|0.00|0.00&Utility Account|KES|100000.00|100000.00|0.00|0.00',
              ),
            ),
            item('BOCompletedTime', eatNumber()),
          ],
          reference: queueTimeout,
        }),
      )
      .verify(
        synchronousBodyHandler((body) => {
          const balance = readAccountBalanceResult(parseResultCallback(body));
          expect(balance.accounts.map((a) => a.name)).toContain('Working Account');
          expect(balance.completedAt).toBeInstanceOf(Date);
        }),
      ));

  it('reads the Reversal result of a completed payment', () =>
    pact
      .expectsToReceive('a Reversal result for a completed payment')
      .withContent(
        result({
          parameters: [
            item(
              'DebitAccountBalance',
              regex(BALANCE_STRING, 'Utility Account|KES|100000.00|100000.00|0.00|0.00'),
            ),
            item('Amount', number(250)),
            item('TransCompletedTime', eatNumber()),
            item('OriginalTransactionID', receipt()),
            item('Charge', number(0)),
            item('CreditPartyPublicName', string('254708374149 - John Doe')),
            item('DebitPartyPublicName', string('600000 - Safaricom Daraja 000')),
          ],
          reference: queueTimeout,
        }),
      )
      .verify(
        synchronousBodyHandler((body) => {
          const reversal = readReversalResult(parseResultCallback(body));
          expect(reversal.amount).toBe(250);
          expect(reversal.originalTransactionId).toMatch(/^[A-Z0-9]{10}$/);
        }),
      ));
}
