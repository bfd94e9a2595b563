import { expect, it } from 'vitest';
import { MatchersV3, synchronousBodyHandler, type MessageConsumerPact } from '@pact-foundation/pact';
import { parseBillManagerPayment, parseRatibaCallback } from 'daraja-client';
import { receipt } from '../support/daraja-matchers.js';

const { equal, regex, string } = MatchersV3;

const uuid = () =>
  regex(
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    '06aae68f-7d5a-4b44-a22d-8aa77126689b',
  );
const orderId = () => regex(/^\d{7}$/, '2571168');
const masked = () => regex(/^\*+\d{3}$/, '*********149');
const item = (name: string, value: unknown) => ({ name, value });
const Item = (Name: string, Value: unknown) => ({ Name, Value });

/** The Ratiba callback in both published casings, and Bill Manager's payment push, read by the client's parsers. */
export function ratibaBillCallbackContracts(pact: MessageConsumerPact): void {
  it('parses the Ratiba callback of a standing order the customer approved', () =>
    pact
      .expectsToReceive('a Ratiba callback for a standing order the customer approved')
      .withContent({
        responseHeader: {
          responseRefID: uuid(),
          requestRefID: equal('gym-0001'),
          responseCode: equal('0'),
          responseDescription: equal('Standing order created successfully'),
        },
        responseBody: {
          responseData: [
            item('standingOrderName', equal('Gym membership')),
            item('amount', equal('500.00')),
            item('issuePaymentReminderUntil', equal('20271130')),
            item('reminderScheduleId', orderId()),
            item('firstPaymentReminderDate', equal('20261201')),
            item('status', equal('ACTIVE')),
            item('TransactionID', orderId()),
            item('ResponseCode', equal('0')),
            item('Status', equal('OKAY')),
            item('Msisdn', masked()),
          ],
        },
      })
      .verify(
        synchronousBodyHandler((body) => {
          const result = parseRatibaCallback(body);
          expect(result.created).toBe(true);
          expect(result.requestRefId).toBe('gym-0001');
          expect(result.standingOrderId).toMatch(/^\d{7}$/);
        }),
      ));

  it('parses the Ratiba callback of a standing order the customer cancelled', () =>
    pact
      .expectsToReceive('a Ratiba callback for a standing order the customer cancelled')
      .withContent({
        ResponseHeader: {
          responseRefID: uuid(),
          requestRefID: equal('gym-0001'),
          responseCode: equal('1032'),
          responseDescription: equal('Error'),
        },
        ResponseBody: {
          ResponseData: [
            Item('TransactionID', equal('0000000000')),
            Item('responseCode', equal('1032')),
            Item('Status', equal('ERROR')),
            Item('Msisdn', masked()),
          ],
        },
      })
      .verify(
        synchronousBodyHandler((body) => {
          const result = parseRatibaCallback(body);
          expect(result.created).toBe(false);
          expect(result.responseCode).toBe('1032');
        }),
      ));

  it('parses a Bill Manager payment push', () =>
    pact
      .expectsToReceive('a Bill Manager payment push')
      .withContent({
        transactionId: receipt(),
        paidAmount: regex(/^\d+(\.\d+)?$/, '450'),
        msisdn: regex(/^2547\d{8}$/, '254708374149'),
        dateCreated: regex(/^\d{4}-\d{2}-\d{2}$/, '2026-11-28'),
        accountReference: string('METER-9'),
        shortCode: string('600000'),
      })
      .verify(
        synchronousBodyHandler((body) => {
          const payment = parseBillManagerPayment(body);
          expect(payment.paidAmount).toBe(450);
          expect(payment.accountReference).toBe('METER-9');
        }),
      ));
}
