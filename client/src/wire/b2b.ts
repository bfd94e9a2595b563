import type { NumberLike, ResultCodeEntry } from './common.js';
import { B2CResult } from './b2c.js';

/**
 * B2B payment commands served on `/mpesa/b2b/v1/paymentrequest`: to a paybill, to a till, and the B2C
 * account top-up (a paybill's Working Account funds a B2C shortcode's Utility Account).
 */
export const B2B_COMMAND_IDS = ['BusinessPayBill', 'BusinessBuyGoods', 'BusinessPayToBulk'] as const;
export type B2BCommandId = (typeof B2B_COMMAND_IDS)[number];

/** B2B request. Note Safaricom's `RecieverIdentifierType` and `Occassion`. */
export interface B2BRequest {
  Initiator: string;
  SecurityCredential: string;
  CommandID: B2BCommandId;
  SenderIdentifierType: NumberLike;
  RecieverIdentifierType: NumberLike;
  Amount: NumberLike;
  PartyA: NumberLike;
  PartyB: NumberLike;
  /** The account at the receiving paybill; required for BusinessPayBill. */
  AccountReference?: string;
  /** The customer paid on behalf of (MSISDN), optional. */
  Requester?: NumberLike;
  Remarks: string;
  QueueTimeOutURL: string;
  ResultURL: string;
  Occassion?: string;
}

/** Result parameter keys of a successful B2B payment (and tax remittance), in the documented order. */
export const B2B_RESULT_KEYS = [
  'DebitAccountBalance',
  'Amount',
  'DebitPartyAffectedAccountBalance',
  'TransCompletedTime',
  'DebitPartyCharges',
  'ReceiverPartyPublicName',
  'Currency',
  'InitiatorAccountCurrentBalance',
] as const;

export type B2BResultKey = (typeof B2B_RESULT_KEYS)[number];

/** Safaricom's internal queue URL that B2B and tax results echo as `QueueTimeoutURL`. */
export const B2B_INTERNAL_QUEUE_URL = 'https://internalsandbox.safaricom.co.ke/mpesa/b2bresults/v1/submit';

/**
 * B2B and tax remittance result codes. The success text has no final period (portal samples); 7 and 2028 are
 * M-Pesa core codes the emulator uses for an unknown or unsuitable receiver (their B2B texts are unpublished).
 * The texts shared with B2C are B2C's own entries.
 */
export const B2BResult = {
  success: { code: 0, desc: 'The service request is processed successfully' },
  insufficientFunds: B2CResult.insufficientFunds,
  receiverUnresolved: { code: 7, desc: 'Unresolved Receiver Party' },
  debitPartyInvalid: B2CResult.debitPartyInvalid,
  internalError: B2CResult.internalError,
  initiatorNotAllowed: B2CResult.initiatorNotAllowed,
  systemBusy: B2CResult.systemBusy,
  initiatorInvalid: B2CResult.initiatorInvalid,
  notPermitted: B2CResult.notPermitted,
  credentialLocked: B2CResult.credentialLocked,
} as const satisfies Record<string, ResultCodeEntry>;
