import { INITIATOR, LENIENT_CREDENTIAL, RESULT_URL, TIMEOUT_URL } from './initiator.js';

export const b2bPaths = {
  b2b: '/mpesa/b2b/v1/paymentrequest',
  tax: '/mpesa/b2b/v1/remittax',
  pullRegister: '/pulltransactions/v1/register',
  pullQuery: '/pulltransactions/v1/query',
} as const;

/** A BusinessPayBill from 600984 to 600000, as the portal's sample sends it. */
export function b2bBody(overrides: Record<string, unknown> = {}) {
  return {
    Initiator: INITIATOR,
    SecurityCredential: LENIENT_CREDENTIAL,
    CommandID: 'BusinessPayBill',
    SenderIdentifierType: '4',
    RecieverIdentifierType: '4',
    Amount: 239,
    PartyA: 600984,
    PartyB: 600000,
    AccountReference: '353353',
    Requester: '254708374149',
    Remarks: 'OK',
    QueueTimeOutURL: TIMEOUT_URL,
    ResultURL: RESULT_URL,
    Occassion: '',
    ...overrides,
  };
}

/** A tax remittance from 600984 to KRA. */
export function taxBody(overrides: Record<string, unknown> = {}) {
  return {
    Initiator: INITIATOR,
    SecurityCredential: LENIENT_CREDENTIAL,
    CommandID: 'PayTaxToKRA',
    SenderIdentifierType: '4',
    RecieverIdentifierType: '4',
    Amount: 239,
    PartyA: 600984,
    PartyB: 572572,
    AccountReference: 'PRN1234XN',
    Remarks: 'OK',
    QueueTimeOutURL: TIMEOUT_URL,
    ResultURL: RESULT_URL,
    ...overrides,
  };
}
