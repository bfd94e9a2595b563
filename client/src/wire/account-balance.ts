import type { NumberLike, ResultCodeEntry } from './common.js';

export interface AccountBalanceRequest {
  Initiator: string;
  SecurityCredential: string;
  CommandID: 'AccountBalance';
  PartyA: NumberLike;
  IdentifierType: NumberLike;
  Remarks: string;
  QueueTimeOutURL: string;
  ResultURL: string;
}

/** Account names as they appear in the `AccountBalance` string. */
export const BALANCE_ACCOUNT_NAMES = [
  'Working Account',
  'Float Account',
  'Utility Account',
  'Charges Paid Account',
  'Organization Settlement Account',
  'Merchant Account',
] as const;

export type BalanceAccountName = (typeof BALANCE_ACCOUNT_NAMES)[number];

export const AccountBalanceResult = {
  success: { code: 0, desc: 'The service request is processed successfully' },
  initiatorInvalid: { code: 2001, desc: 'The initiator information is invalid.' },
  credentialLocked: { code: 8006, desc: 'The security credential is locked.' },
} as const satisfies Record<string, ResultCodeEntry>;
