import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { notificationBody, splitName } from './notification.js';
import { formatMsisdn, msisdnForm } from './msisdn-format.js';

const input = {
  transactionType: 'Pay Bill' as const,
  transId: 'RKL51ZDR4F',
  at: Date.UTC(2023, 10, 21, 9, 13, 25),
  amount: 5,
  shortcode: '600966',
  billRefNumber: 'Sample Transaction',
  msisdn: '254708374126',
  msisdnForm: 'masked' as const,
  customerName: 'NICHOLAS',
};

describe('C2B notifications', () => {
  it('builds the confirmation of the portal sample, value for value', () => {
    expect(notificationBody(input, { kind: 'confirmation', balance: 25, thirdPartyTransId: '' })).toEqual({
      TransactionType: 'Pay Bill',
      TransID: 'RKL51ZDR4F',
      TransTime: '20231121121325',
      TransAmount: '5.00',
      BusinessShortCode: '600966',
      BillRefNumber: 'Sample Transaction',
      InvoiceNumber: '',
      OrgAccountBalance: '25.00',
      ThirdPartyTransID: '',
      MSISDN: '2547 ***** 126',
      FirstName: 'NICHOLAS',
      MiddleName: '',
      LastName: '',
    });
  });

  it('leaves OrgAccountBalance and ThirdPartyTransID empty on validation', () => {
    const body = notificationBody(input, { kind: 'validation' });
    expect([body.OrgAccountBalance, body.ThirdPartyTransID]).toEqual(['', '']);
  });

  it.each([
    ['John Doe', ['John', '', 'Doe']],
    ['Mary Achieng Otieno', ['Mary', 'Achieng', 'Otieno']],
    ['A B C D', ['A', 'B C', 'D']],
    ['  Amina   Hassan ', ['Amina', '', 'Hassan']],
    ['', ['', '', '']],
  ])('splits "%s" into first, middle and last names', (name, parts) => {
    expect(splitName(name)).toEqual(parts);
  });

  it.each([
    ['v1', 'auto', 'hashed'],
    ['v2', 'auto', 'masked'],
    ['v1', 'plain', 'plain'],
    ['v2', 'hashed', 'hashed'],
  ] as const)('shows a %s registration with msisdnFormat %s as %s', (version, setting, form) => {
    expect(msisdnForm(version, setting)).toBe(form);
  });

  it('hashes the 12-digit number with SHA-256 into 64 hex characters', () => {
    const hashed = formatMsisdn('254708374149', 'hashed');
    expect(hashed).toBe(createHash('sha256').update('254708374149').digest('hex'));
    expect(hashed).toMatch(/^[0-9a-f]{64}$/);
  });
});
