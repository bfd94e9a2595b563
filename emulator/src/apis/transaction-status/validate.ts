import { DarajaErrors } from 'daraja-client/wire';
import type { Settings } from 'daraja-client/emulator';
import { DarajaError } from '../../http/daraja-error.js';
import {
  callbackUrl,
  command,
  identifierType,
  optionalText,
  partyA,
  text,
  type Body,
} from '../initiator/fields.js';

export interface TransactionStatusInput {
  initiatorName: string;
  credential: string;
  transactionId?: string;
  originalConversationId?: string;
  partyA: string;
  identifierType: string;
  resultUrl: string;
  queueTimeoutUrl: string;
  remarks: string;
  occasion?: string;
}

/**
 * Fields in the documented order: Initiator, SecurityCredential, CommandID, TransactionID /
 * OriginalConversationID (at least one), PartyA, IdentifierType, ResultURL, QueueTimeOutURL, Remarks, Occasion.
 */
export function validateTransactionStatus(body: Body, settings: Settings): TransactionStatusInput {
  const initiatorName = text(body, 'Initiator');
  const credential = text(body, 'SecurityCredential', 4096);
  command(body, ['TransactionStatusQuery'] as const);
  const transactionId = optionalText(body, ['TransactionID'], 64);
  const originalConversationId = optionalText(body, ['OriginalConversationID'], 128);
  if (transactionId === undefined && originalConversationId === undefined) {
    throw new DarajaError(
      DarajaErrors.invalidField('TransactionID'),
      'TransactionID: missing, and so is OriginalConversationID; send the receipt, the OriginatorConversationID of the request, or both.',
    );
  }
  const party = partyA(body, 'PartyA');
  const type = identifierType(body, 'IdentifierType', ['1', '2', '4']);
  const resultUrl = callbackUrl(body, 'ResultURL', settings.callbacks);
  const queueTimeoutUrl = callbackUrl(body, 'QueueTimeOutURL', settings.callbacks);
  const remarks = text(body, 'Remarks', 100);
  const occasion = optionalText(body, ['Occasion'], 100);
  return {
    initiatorName,
    credential,
    ...(transactionId !== undefined ? { transactionId } : {}),
    ...(originalConversationId !== undefined ? { originalConversationId } : {}),
    partyA: party,
    identifierType: type,
    resultUrl,
    queueTimeoutUrl,
    remarks,
    ...(occasion !== undefined ? { occasion } : {}),
  };
}
