import type { C2BNotification } from 'daraja-client/wire';
import { eatTimestamp } from '../../time/eat.js';
import { formatMsisdn, type MsisdnForm } from './msisdn-format.js';

/** What a notification says about one payment. */
export interface NotificationInput {
  transactionType: 'Pay Bill' | 'Buy Goods';
  transId: string;
  at: number;
  amount: number;
  shortcode: string;
  billRefNumber: string;
  msisdn: string;
  msisdnForm: MsisdnForm;
  customerName: string;
}

/**
 * The validation request or confirmation body: a flat object whose values are all strings, in the key
 * order of Daraja's samples. Validation has an empty OrgAccountBalance and ThirdPartyTransID; the
 * confirmation carries the credited account's new balance and echoes the app's ThirdPartyTransID.
 */
export function notificationBody(
  input: NotificationInput,
  stage: { kind: 'validation' } | { kind: 'confirmation'; balance: number; thirdPartyTransId: string },
): C2BNotification {
  const [first, middle, last] = splitName(input.customerName);
  return {
    TransactionType: input.transactionType,
    TransID: input.transId,
    TransTime: eatTimestamp(input.at),
    TransAmount: input.amount.toFixed(2),
    BusinessShortCode: input.shortcode,
    BillRefNumber: input.billRefNumber,
    InvoiceNumber: '',
    OrgAccountBalance: stage.kind === 'confirmation' ? stage.balance.toFixed(2) : '',
    ThirdPartyTransID: stage.kind === 'confirmation' ? stage.thirdPartyTransId : '',
    MSISDN: formatMsisdn(input.msisdn, input.msisdnForm),
    FirstName: first,
    MiddleName: middle,
    LastName: last,
  };
}

/** "John Doe" → John, "", Doe; "Mary Achieng Otieno" → Mary, Achieng, Otieno; one word → first name only. */
export function splitName(name: string): [string, string, string] {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return ['', '', ''];
  if (parts.length === 1) return [parts[0] as string, '', ''];
  return [parts[0] as string, parts.slice(1, -1).join(' '), parts[parts.length - 1] as string];
}
