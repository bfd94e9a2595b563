import { DarajaErrors } from 'daraja-client/wire';
import type { Settings } from 'daraja-client/emulator';
import { DarajaError } from '../../http/daraja-error.js';
import {
  amount,
  callbackUrl,
  command,
  identifierType,
  optionalText,
  shortcode,
  text,
  type Body,
} from '../initiator/fields.js';

export interface ReversalInput {
  initiatorName: string;
  credential: string;
  transactionId: string;
  amount: number;
  receiverParty: string;
  resultUrl: string;
  queueTimeoutUrl: string;
  remarks: string;
  occasion?: string;
}

/**
 * Fields in the documented order: Initiator, SecurityCredential, CommandID, TransactionID, Amount,
 * ReceiverParty, RecieverIdentifierType (Safaricom's spelling), ResultURL, QueueTimeOutURL, Remarks, Occasion.
 */
export function validateReversal(body: Body, settings: Settings): ReversalInput {
  const initiatorName = text(body, 'Initiator');
  const credential = text(body, 'SecurityCredential', 4096);
  command(body, ['TransactionReversal'] as const);
  const transactionId = text(body, 'TransactionID', 64);
  const value = amount(body);
  const receiverParty = shortcode(body, 'ReceiverParty');
  if (body.RecieverIdentifierType === undefined && body.ReceiverIdentifierType !== undefined) {
    throw new DarajaError(
      DarajaErrors.invalidField('RecieverIdentifierType'),
      'RecieverIdentifierType is missing: the body has "ReceiverIdentifierType"; Daraja spells the key "RecieverIdentifierType" (i before e).',
    );
  }
  identifierType(body, 'RecieverIdentifierType', ['11', '4', '2', '1']);
  const resultUrl = callbackUrl(body, 'ResultURL', settings.callbacks);
  const queueTimeoutUrl = callbackUrl(body, 'QueueTimeOutURL', settings.callbacks);
  const remarks = text(body, 'Remarks', 100, 2);
  const occasion = optionalText(body, ['Occasion', 'Occassion']);
  return {
    initiatorName,
    credential,
    transactionId,
    amount: value,
    receiverParty,
    resultUrl,
    queueTimeoutUrl,
    remarks,
    ...(occasion !== undefined ? { occasion } : {}),
  };
}
