import { B2B_INTERNAL_QUEUE_URL, type ResultKeyValue } from 'daraja-client/wire';
import { eatTimestamp } from '../../time/eat.js';
import { accountLine, amountText } from '../account-balance/balance-string.js';
import { kv } from '../initiator/result-body.js';

/** `{Amount={CurrencyCode=KES, MinimumAmount=618683, BasicAmount=6186.83}}`: a Java map; MinimumAmount is cents. */
export function javaMapBalance(cents: number): string {
  return `{Amount={CurrencyCode=KES, MinimumAmount=${Math.round(cents)}, BasicAmount=${amountText(cents)}}}`;
}

export interface PaidValues {
  /** The debited account's name and balance after the payment. */
  account: string;
  balanceCents: number;
  amountCents: number;
  at: number;
  receiver: string;
}

/**
 * The success parameters in the portal sample's order (SPEC 11). Amount and TransCompletedTime are strings
 * there; DebitPartyCharges keeps its empty Value as the sample shows it.
 */
export function paidParameters(v: PaidValues): ResultKeyValue[] {
  const balance = javaMapBalance(v.balanceCents);
  return [
    kv('DebitAccountBalance', balance),
    kv('Amount', amountText(v.amountCents)),
    kv('DebitPartyAffectedAccountBalance', accountLine(v.account, v.balanceCents)),
    kv('TransCompletedTime', eatTimestamp(v.at)),
    { Key: 'DebitPartyCharges', Value: '' },
    kv('ReceiverPartyPublicName', v.receiver),
    kv('Currency', 'KES'),
    kv('InitiatorAccountCurrentBalance', balance),
  ];
}

/**
 * `ReferenceData` as the live sandbox sends it for B2B and tax results: BillReferenceNumber (a JSON number
 * when the reference is numeric, as XML-to-JSON makes it) when a reference was given, Safaricom's internal
 * queue URL, then `Occassion` (without Value when empty).
 */
export function businessReferences(
  accountReference: string | undefined,
  occasion?: string,
): ResultKeyValue[] {
  const refs: ResultKeyValue[] = [];
  if (accountReference !== undefined) {
    const numeric = /^[1-9]\d{0,14}$/.test(accountReference);
    refs.push(kv('BillReferenceNumber', numeric ? Number(accountReference) : accountReference));
  }
  refs.push(kv('QueueTimeoutURL', B2B_INTERNAL_QUEUE_URL), kv('Occassion', occasion));
  return refs;
}
