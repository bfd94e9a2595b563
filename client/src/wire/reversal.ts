import type { NumberLike, ResultCodeEntry } from './common.js';

/** Reversal request. Note Safaricom's `RecieverIdentifierType`. */
export interface ReversalRequest {
  Initiator: string;
  SecurityCredential: string;
  CommandID: 'TransactionReversal';
  TransactionID: string;
  Amount: NumberLike;
  ReceiverParty: NumberLike;
  RecieverIdentifierType: NumberLike;
  ResultURL: string;
  QueueTimeOutURL: string;
  Remarks: string;
  Occasion?: string;
}

export const REVERSAL_RESULT_KEYS = [
  'DebitAccountBalance',
  'Amount',
  'TransCompletedTime',
  'OriginalTransactionID',
  'Charge',
  'CreditPartyPublicName',
  'DebitPartyPublicName',
] as const;

export const ReversalResult = {
  success: { code: 0, desc: 'The service request is processed successfully.' },
  alreadyReversed: { code: 'R000001', desc: 'The transaction has already been reversed' },
  invalidOriginal: { code: 'R000002', desc: 'The OriginalTransactionID is invalid.' },
  insufficientFunds: { code: 1, desc: 'The balance is insufficient for the transaction.' },
  debitPartyInvalid: { code: 11, desc: 'The DebitParty is in an invalid state.' },
  initiatorNotAllowed: { code: 21, desc: 'The initiator is not allowed to initiate this request' },
  initiatorInvalid: { code: 2001, desc: 'The initiator information is invalid.' },
  accountRule: {
    code: 2006,
    desc: 'Declined due to account rule: The account status does not allow this transaction.',
  },
  notPermitted: { code: 2028, desc: 'The request is not permitted according to product assignment.' },
  credentialLocked: { code: 8006, desc: 'The security credential is locked.' },
} as const satisfies Record<string, ResultCodeEntry>;
