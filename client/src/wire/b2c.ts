import type { NumberLike, ResultCodeEntry } from './common.js';

export type B2CCommandId = 'SalaryPayment' | 'BusinessPayment' | 'PromotionPayment';

/** B2C v1 request (Daraja generates the OriginatorConversationID). */
export interface B2CV1Request {
  InitiatorName: string;
  SecurityCredential: string;
  CommandID: B2CCommandId;
  Amount: NumberLike;
  PartyA: NumberLike;
  PartyB: NumberLike;
  Remarks: string;
  QueueTimeOutURL: string;
  ResultURL: string;
  Occasion?: string;
}

/** B2C v3 request: client-supplied OriginatorConversationID; the docs spell `Occassion`. */
export interface B2CV3Request extends Omit<B2CV1Request, 'Occasion'> {
  OriginatorConversationID: string;
  Occassion?: string;
  Occasion?: string;
}

/** B2Pochi: the B2C v3 body with `CommandID` "BusinessPayToPochi". */
export interface B2PochiRequest extends Omit<B2CV3Request, 'CommandID'> {
  CommandID: 'BusinessPayToPochi';
}

/** Result parameter keys of a successful B2C payment, in today's documented order. */
export const B2C_RESULT_KEYS = [
  'TransactionAmount',
  'TransactionReceipt',
  'ReceiverPartyPublicName',
  'TransactionCompletedDateTime',
  'B2CUtilityAccountAvailableFunds',
  'B2CWorkingAccountAvailableFunds',
  'B2CRecipientIsRegisteredCustomer',
  'B2CChargesPaidAccountAvailableFunds',
] as const;

/** The 2017 order, which some SDKs read by position. */
export const B2C_RESULT_KEYS_2017 = [
  'TransactionReceipt',
  'TransactionAmount',
  'B2CWorkingAccountAvailableFunds',
  'B2CUtilityAccountAvailableFunds',
  'TransactionCompletedDateTime',
  'ReceiverPartyPublicName',
  'B2CChargesPaidAccountAvailableFunds',
  'B2CRecipientIsRegisteredCustomer',
] as const;

export type B2CResultKey = (typeof B2C_RESULT_KEYS)[number];

/** B2C and B2Pochi result codes. */
export const B2CResult = {
  success: { code: 0, desc: 'The service request is processed successfully.' },
  insufficientFunds: { code: 1, desc: 'The balance is insufficient for the transaction.' },
  belowMinimum: { code: 2, desc: 'Declined due to limit rule' },
  aboveMaximum: { code: 3, desc: 'Declined due to limit rule: greater than the maximum transaction amount.' },
  dailyLimit: { code: 4, desc: 'Declined due to limit rule: would exceed daily transfer limit' },
  maxBalance: { code: 8, desc: 'Declined due to limit rule: would exceed the maximum balance.' },
  debitPartyInvalid: { code: 11, desc: 'The DebitParty is in an invalid state.' },
  duplicate: { code: 15, desc: '[Controller - ]Duplicate OriginatorConversationID.' },
  internalError: { code: 17, desc: 'System internal error.' },
  initiatorNotAllowed: { code: 21, desc: 'The initiator is not allowed to initiate this request' },
  systemBusy: { code: 26, desc: 'System busy. The service request is rejected.' },
  initiatorInvalid: { code: 2001, desc: 'The initiator information is invalid.' },
  accountRule: {
    code: 2006,
    desc: 'Declined due to account rule: The account status does not allow this transaction.',
  },
  notPermitted: { code: 2028, desc: 'The request is not permitted according to product assignment.' },
  unsupportedCustomer: {
    code: 2040,
    desc: "Credit Party customer type (Unregistered or Registered Customer) can't be supported by the service.",
  },
  credentialLocked: { code: 8006, desc: 'The security credential is locked.' },
  operatorMissing: { code: 'SFC_IC0003', desc: 'The operator does not exist.' },
} as const satisfies Record<string, ResultCodeEntry>;
