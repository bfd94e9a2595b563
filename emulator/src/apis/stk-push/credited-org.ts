import { StkResult, type ResultCodeEntry } from 'daraja-client/wire';
import type { TransactionView } from 'daraja-client/emulator';
import type { Ledger } from '../../ledger/ledger.js';
import type { OrgRecord } from '../../ledger/records.js';

/** The organisation an accepted prompt pays, or the result Daraja ends it with and why. */
export type Credited = { org: OrgRecord } | { refused: ResultCodeEntry; why: string };

/**
 * Which organisation an STK payment credits (SPEC 3.1). A paybill push pays the paybill itself: its PartyB
 * must repeat BusinessShortCode. A buy-goods push pays the till in PartyB (the store's HO number is in
 * BusinessShortCode; the emulator does not know which tills belong to which store, so any till will do).
 * Anything else is not paid to another shortcode: Daraja ends it with 2028 once the customer has answered.
 */
export function creditedOrg(ledger: Ledger, t: TransactionView): Credited {
  const partyB = t.partyB ?? t.shortcode;
  const refused = (why: string): Credited => ({
    refused: StkResult.notPermitted,
    why: `${why}; Daraja ends such a payment with ${StkResult.notPermitted.code} "${StkResult.notPermitted.desc}" instead of paying PartyB.`,
  });
  const org = ledger.org(partyB);
  if (!org) return refused(`PartyB ${partyB} is not a shortcode the emulator knows`);
  const buyGoods = ledger.org(t.shortcode)?.kind === 'till';
  if (buyGoods && org.kind !== 'till')
    return refused(`PartyB ${partyB} is a ${org.kind}, but a CustomerBuyGoodsOnline push pays a till`);
  if (!buyGoods && partyB !== t.shortcode)
    return refused(
      `PartyB ${partyB} differs from BusinessShortCode ${t.shortcode}: a CustomerPayBillOnline push pays the paybill in BusinessShortCode, so PartyB must repeat it`,
    );
  return { org };
}
