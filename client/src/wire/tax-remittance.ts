import type { NumberLike } from './common.js';

/** The Kenya Revenue Authority's shortcode: the only PartyB the tax remittance API accepts. */
export const KRA_SHORTCODE = '572572';

export const TAX_COMMAND_ID = 'PayTaxToKRA';

/** Tax remittance request (`/mpesa/b2b/v1/remittax`): the B2B body without Requester and Occassion. */
export interface TaxRemittanceRequest {
  Initiator: string;
  SecurityCredential: string;
  CommandID: typeof TAX_COMMAND_ID;
  SenderIdentifierType: NumberLike;
  RecieverIdentifierType: NumberLike;
  Amount: NumberLike;
  PartyA: NumberLike;
  /** Always KRA, 572572. */
  PartyB: NumberLike;
  /** The payment registration number (PRN) KRA issued for the declaration. */
  AccountReference: string;
  Remarks: string;
  QueueTimeOutURL: string;
  ResultURL: string;
}
