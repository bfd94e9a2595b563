import { describe, expect, it } from 'vitest';
import { readCapture } from '../test-support/captures.js';
import { CallbackParseError } from './callback-parse-error.js';
import { parseC2BNotification } from './parse-c2b-notification.js';

describe('parseC2BNotification', () => {
  it('reads the v2 confirmation sample, keeping strings and converting the amount', () => {
    const notification = parseC2BNotification(readCapture('portal-samples/c2b-v2-notification.json'));
    expect(notification).toMatchObject({
      transactionType: 'Pay Bill',
      transId: 'RKL51ZDR4F',
      transTime: '20231121121325',
      amount: 5,
      businessShortCode: '600966',
      billRefNumber: 'Sample Transaction',
      invoiceNumber: '',
      orgAccountBalance: '25.00',
      thirdPartyTransId: '',
      msisdn: '2547 ***** 126',
      firstName: 'NICHOLAS',
      middleName: '',
      lastName: '',
    });
    expect(notification.transactionDate.toISOString()).toBe('2023-11-21T09:13:25.000Z');
  });

  it('reads a validation request, whose balance is empty', () => {
    const notification = parseC2BNotification({
      TransactionType: 'Pay Bill',
      TransID: 'LGR219G3EY',
      TransTime: '20170727104247',
      TransAmount: '10.00',
      BusinessShortCode: '600134',
      BillRefNumber: 'xyz',
      InvoiceNumber: '',
      OrgAccountBalance: '',
      ThirdPartyTransID: '',
      MSISDN: '254708374149',
      FirstName: 'John',
      MiddleName: '',
      LastName: 'Doe',
    });
    expect(notification).toMatchObject({ amount: 10, orgAccountBalance: '', msisdn: '254708374149' });
  });

  it('accepts numbers where a sender used them and returns them as strings', () => {
    const body = {
      ...(readCapture('portal-samples/c2b-v2-notification.json') as object),
      BusinessShortCode: 600966,
    };
    expect(parseC2BNotification(body).businessShortCode).toBe('600966');
  });

  it.each([
    ['a missing TransID', { TransID: undefined }],
    ['a non-numeric amount', { TransAmount: 'five' }],
    ['a malformed TransTime', { TransTime: '2023-11-21' }],
    ['an object as a name', { FirstName: { first: 'N' } }],
  ])('throws CallbackParseError for %s', (_name, change) => {
    const body = { ...(readCapture('portal-samples/c2b-v2-notification.json') as object), ...change };
    expect(() => parseC2BNotification(body)).toThrow(CallbackParseError);
  });

  it('throws CallbackParseError for an STK callback', () => {
    expect(() => parseC2BNotification(readCapture('sandbox/callbacks/stk.json'))).toThrow(CallbackParseError);
  });
});
