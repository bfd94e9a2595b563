import type { NumberLike, ResultCodeEntry } from './common.js';

/** Transaction Status query. `Initiator`, not `InitiatorName`. */
export interface TransactionStatusRequest {
  Initiator: string;
  SecurityCredential: string;
  CommandID: 'TransactionStatusQuery';
  TransactionID?: string;
  OriginalConversationID?: string;
  PartyA: NumberLike;
  IdentifierType: NumberLike;
  ResultURL: string;
  QueueTimeOutURL: string;
  Remarks: string;
  Occasion?: string;
}

/** Result parameter keys of a found transaction, in the order of a 2025 production capture. */
export const TRANSACTION_STATUS_RESULT_KEYS = [
  'DebitPartyName',
  'CreditPartyName',
  'OriginatorConversationID',
  'InitiatedTime',
  'CreditPartyCharges',
  'DebitAccountType',
  'TransactionReason',
  'ReasonType',
  'TransactionStatus',
  'FinalisedTime',
  'Amount',
  'ConversationID',
  'ReceiptNo',
] as const;

export const TransactionStatusResult = {
  success: { code: 0, desc: 'The service request is processed successfully.' },
  notFound: { code: 2032, desc: 'The transaction receipt number does not exist.' },
  operatorMissing: { code: 'SFC_IC0003', desc: 'The operator does not exist.' },
  initiatorInvalid: { code: 2001, desc: 'The initiator information is invalid.' },
  credentialLocked: { code: 8006, desc: 'The security credential is locked.' },
} as const satisfies Record<string, ResultCodeEntry>;
