/** Shapes shared by the initiator APIs (B2C, B2Pochi, Transaction Status, Account Balance, Reversal). */

/** Synchronous acknowledgement (HTTP 200) of an initiator request. */
export interface InitiatorAck {
  ConversationID: string;
  OriginatorConversationID: string;
  ResponseCode: string;
  ResponseDescription: string;
}

export const INITIATOR_ACK_DESCRIPTION = 'Accept the service request successfully.';

/** One key/value pair; `Value` is absent when Daraja has none (an XML-to-JSON artefact). */
export interface ResultKeyValue {
  Key: string;
  Value?: string | number;
}

/** A one-element list arrives as a bare object (an XML-to-JSON artefact). */
export type OneOrMany<T> = T | T[];

export interface ResultBody {
  ResultType: number | string;
  ResultCode: number | string;
  ResultDesc: string;
  OriginatorConversationID: string;
  ConversationID: string;
  TransactionID: string;
  ResultParameters?: { ResultParameter: OneOrMany<ResultKeyValue> };
  ReferenceData?: { ReferenceItem: OneOrMany<ResultKeyValue> };
}

/** The POST body sent to `ResultURL` (and, by convention, to `QueueTimeOutURL`). */
export interface ResultCallback {
  Result: ResultBody;
}
