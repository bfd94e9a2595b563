import {
  TRANSACTION_REASON_TYPES,
  TRANSACTION_STATUS_RESULT_KEYS,
  type ResultKeyValue,
} from 'daraja-client/wire';
import type { TransactionView } from 'daraja-client/emulator';
import type { Ledger } from '../../ledger/ledger.js';
import type { PartyRef } from '../../ledger/records.js';
import { eatTimestamp } from '../../time/eat.js';
import { kv } from '../initiator/result-body.js';

/** The shortcode a payment belongs to: STK's PartyB (the paybill or till credited), else its shortcode. */
export function orgOf(t: TransactionView): string {
  return t.type === 'stk' ? (t.partyB ?? t.shortcode) : t.shortcode;
}

/** Customers pay in (STK, C2B); the business pays out (B2C, B2Pochi, reversals, B2B, tax). */
const paysIn = (t: TransactionView) => t.type === 'stk' || t.type === 'c2b';

const betweenBusinesses = (t: TransactionView) => t.type === 'b2b' || t.type === 'tax-remittance';

function reasonType(t: TransactionView, till: boolean): string {
  switch (t.type) {
    case 'stk':
      return till ? TRANSACTION_REASON_TYPES.stkTill : TRANSACTION_REASON_TYPES.stkPaybill;
    case 'c2b':
      return till ? TRANSACTION_REASON_TYPES.c2bTill : TRANSACTION_REASON_TYPES.c2bPaybill;
    case 'reversal':
      return TRANSACTION_REASON_TYPES.reversal;
    default: {
      const commandId = (t.request as { CommandID?: unknown } | undefined)?.CommandID;
      return typeof commandId === 'string' && commandId in TRANSACTION_REASON_TYPES
        ? TRANSACTION_REASON_TYPES[commandId as keyof typeof TRANSACTION_REASON_TYPES]
        : TRANSACTION_REASON_TYPES.BusinessPayment;
    }
  }
}

/** The account debited, read from the payment's first ledger movement. */
function debitAccountType(ledger: Ledger, t: TransactionView): string {
  let from: PartyRef | undefined;
  for (const m of ledger.movements.values()) {
    if (m.receipt === t.receipt) {
      from = m.from;
      break;
    }
  }
  if (from?.type === 'org') return from.account;
  if (from?.type === 'customer' || paysIn(t)) return 'MMF Account For Customer';
  return 'Utility Account';
}

/** The parameters of a found payment, in the order of a 2025 production result (SPEC 8). */
export function statusParameters(ledger: Ledger, t: TransactionView): ResultKeyValue[] {
  const org = ledger.org(orgOf(t));
  const customer = ledger.customer(t.phone ?? '');
  const business = `${orgOf(t)} - ${org?.name ?? ''}`;
  // B2B and tax remittances credit another organisation (PartyB), not a person.
  const receiver = betweenBusinesses(t) ? ledger.org(t.partyB ?? '') : undefined;
  const person = receiver
    ? `${receiver.shortcode} - ${receiver.name}`
    : `${t.phone ?? ''} - ${customer?.name ?? ''}`;
  const values: Record<(typeof TRANSACTION_STATUS_RESULT_KEYS)[number], string | number | undefined> = {
    DebitPartyName: paysIn(t) ? person : business,
    CreditPartyName: paysIn(t) ? business : person,
    OriginatorConversationID: t.originatorConversationId ?? t.merchantRequestId,
    InitiatedTime: Number(eatTimestamp(t.createdAt)),
    CreditPartyCharges: undefined,
    DebitAccountType: debitAccountType(ledger, t),
    TransactionReason: undefined,
    ReasonType: reasonType(t, org?.kind === 'till'),
    TransactionStatus: t.status === 'reversed' ? 'Reversed' : 'Completed',
    FinalisedTime: Number(eatTimestamp(t.decision?.at ?? t.updatedAt)),
    Amount: t.amount,
    ConversationID: t.conversationId,
    ReceiptNo: t.receipt,
  };
  return TRANSACTION_STATUS_RESULT_KEYS.map((key) => kv(key, values[key]));
}
