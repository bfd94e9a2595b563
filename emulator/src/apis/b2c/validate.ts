import { B2POCHI_COMMAND_ID, type B2CCommandId } from 'daraja-client/wire';
import type { Settings } from 'daraja-client/emulator';
import {
  amount,
  callbackUrl,
  command,
  msisdn,
  optionalText,
  shortcode,
  text,
  type Body,
} from '../initiator/fields.js';

export type B2CVariant = 'v1' | 'v3' | 'b2pochi';

/** A B2C or B2Pochi request after validation. */
export interface B2CInput {
  variant: B2CVariant;
  originatorConversationId?: string;
  initiatorName: string;
  credential: string;
  commandId: B2CCommandId | typeof B2POCHI_COMMAND_ID;
  amount: number;
  partyA: string;
  partyB: string;
  remarks: string;
  queueTimeoutUrl: string;
  resultUrl: string;
  occasion?: string;
}

const B2C_COMMANDS = ['SalaryPayment', 'BusinessPayment', 'PromotionPayment'] as const;

/**
 * Checks the body field by field in the documented order (OriginatorConversationID for v3 and B2Pochi,
 * InitiatorName, SecurityCredential, CommandID, Amount, PartyA, PartyB, Remarks, QueueTimeOutURL, ResultURL,
 * Occasion/Occassion), so the first bad field is the one reported. Amount limits are results, not errors.
 */
export function validateB2C(body: Body, variant: B2CVariant, settings: Settings): B2CInput {
  const originatorConversationId = variant === 'v1' ? undefined : text(body, 'OriginatorConversationID', 128);
  const initiatorName = text(body, 'InitiatorName');
  const credential = text(body, 'SecurityCredential', 4096);
  const commandId =
    variant === 'b2pochi' ? command(body, [B2POCHI_COMMAND_ID] as const) : command(body, B2C_COMMANDS);
  const value = amount(body);
  const partyA = shortcode(body, 'PartyA');
  const partyB = msisdn(body, 'PartyB');
  const remarks = text(body, 'Remarks', 100);
  const queueTimeoutUrl = callbackUrl(body, 'QueueTimeOutURL', settings.callbacks);
  const resultUrl = callbackUrl(body, 'ResultURL', settings.callbacks);
  // v1 documents `Occasion`, v3 and B2Pochi `Occassion`; the sandbox acknowledges either spelling.
  const occasion = optionalText(body, ['Occasion', 'Occassion']);
  return {
    variant,
    ...(originatorConversationId !== undefined ? { originatorConversationId } : {}),
    initiatorName,
    credential,
    commandId,
    amount: value,
    partyA,
    partyB,
    remarks,
    queueTimeoutUrl,
    resultUrl,
    ...(occasion !== undefined ? { occasion } : {}),
  };
}
