import { B2B_COMMAND_IDS, type B2BCommandId } from 'daraja-client/wire';
import type { Settings } from 'daraja-client/emulator';
import {
  amount,
  callbackUrl,
  command,
  identifierType,
  msisdn,
  optionalText,
  shortcode,
  text,
  type Body,
} from '../initiator/fields.js';

/** The fields B2B and tax remittance share, after validation. */
export interface BusinessPaymentInput {
  initiatorName: string;
  credential: string;
  amount: number;
  partyA: string;
  partyB: string;
  accountReference?: string;
  remarks: string;
  queueTimeoutUrl: string;
  resultUrl: string;
}

export interface B2BInput extends BusinessPaymentInput {
  commandId: B2BCommandId;
  requester?: string;
  occasion?: string;
}

/**
 * The common head of a B2B-family body in the documented order: Initiator, SecurityCredential, CommandID
 * (read by `readCommand`), SenderIdentifierType and RecieverIdentifierType (4 only), Amount, PartyA, PartyB.
 */
export function validateHead<C extends string>(body: Body, readCommand: (body: Body) => C) {
  const initiatorName = text(body, 'Initiator');
  const credential = text(body, 'SecurityCredential', 4096);
  const commandId = readCommand(body);
  identifierType(body, 'SenderIdentifierType', ['4']);
  identifierType(body, 'RecieverIdentifierType', ['4']);
  const value = amount(body);
  const partyA = shortcode(body, 'PartyA');
  const partyB = shortcode(body, 'PartyB');
  return { initiatorName, credential, commandId, amount: value, partyA, partyB };
}

/**
 * Checks a B2B body field by field in the documented order (SPEC 11): the head, then AccountReference
 * (required for BusinessPayBill), Requester (an MSISDN, optional), Remarks, QueueTimeOutURL, ResultURL and
 * Occassion (optional; `Occasion` is taken too). Business rules (funds, receiver) are results, not errors.
 */
export function validateB2B(body: Body, settings: Settings): B2BInput {
  const head = validateHead(body, (b) => command(b, B2B_COMMAND_IDS));
  const accountReference =
    head.commandId === 'BusinessPayBill'
      ? text(body, 'AccountReference', 100)
      : optionalText(body, ['AccountReference'], 100);
  const requester = present(body.Requester) ? msisdn(body, 'Requester') : undefined;
  const remarks = text(body, 'Remarks', 100);
  const queueTimeoutUrl = callbackUrl(body, 'QueueTimeOutURL', settings.callbacks);
  const resultUrl = callbackUrl(body, 'ResultURL', settings.callbacks);
  const occasion = optionalText(body, ['Occassion', 'Occasion']);
  return {
    ...head,
    ...(accountReference !== undefined ? { accountReference } : {}),
    ...(requester !== undefined ? { requester } : {}),
    remarks,
    queueTimeoutUrl,
    resultUrl,
    ...(occasion !== undefined ? { occasion } : {}),
  };
}

const present = (v: unknown) => v !== undefined && v !== null && v !== '';
