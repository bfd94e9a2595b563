import type { ParsedResult } from './parse-result-callback.js';
import { numberValue, textValue, timestampValue } from './result-values.js';

/** The details of a Transaction Status result; fields are undefined when Daraja left them out. */
export interface TransactionStatusDetails {
  /** The receipt of the transaction queried (the top-level TransactionID is only a placeholder). */
  receiptNo: string | undefined;
  amount: number | undefined;
  /** e.g. `Completed`. */
  status: string | undefined;
  reasonType: string | undefined;
  debitPartyName: string | undefined;
  creditPartyName: string | undefined;
  debitAccountType: string | undefined;
  initiatedAt: Date | undefined;
  finalisedAt: Date | undefined;
  /** The ConversationID of the original transaction (older results spell the key `Conversation ID`). */
  conversationId: string | undefined;
  originatorConversationId: string | undefined;
  /** Echo of the request's `Occasion`. */
  occasion: string | undefined;
}

/** Reads a Transaction Status result's parameters by key, coping with string or number amounts and times. */
export function readTransactionStatusResult(result: ParsedResult): TransactionStatusDetails {
  const values = result.parameters;
  return {
    receiptNo: textValue(values, 'ReceiptNo'),
    amount: numberValue(values, 'Amount'),
    status: textValue(values, 'TransactionStatus'),
    reasonType: textValue(values, 'ReasonType'),
    debitPartyName: textValue(values, 'DebitPartyName'),
    creditPartyName: textValue(values, 'CreditPartyName'),
    debitAccountType: textValue(values, 'DebitAccountType'),
    initiatedAt: timestampValue(values, 'InitiatedTime'),
    finalisedAt: timestampValue(values, 'FinalisedTime'),
    conversationId: textValue(values, 'ConversationID') ?? textValue(values, 'Conversation ID'),
    originatorConversationId:
      textValue(values, 'OriginatorConversationID') ?? textValue(values, 'Originator Conversation ID'),
    occasion: textValue(result.references, 'Occasion'),
  };
}
