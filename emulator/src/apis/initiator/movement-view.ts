import type { InitiatorView, MovementView, ShortcodeDetailView } from 'daraja-client/emulator';
import { shortcodeView, type Ledger } from '../../ledger/ledger.js';
import { toShillings, type MovementRecord, type OrgRecord, type PartyRef } from '../../ledger/records.js';

export function movementView(m: MovementRecord): MovementView {
  return {
    id: m.id,
    at: m.at,
    ...(m.transactionId ? { transactionId: m.transactionId } : {}),
    ...(m.receipt ? { receipt: m.receipt } : {}),
    from: m.from,
    to: m.to,
    amount: toShillings(m.amountCents),
    reason: m.reason,
  };
}

/** Movements touching a party, newest first. */
export function movementsOf(
  ledger: Ledger,
  matches: (party: PartyRef) => boolean,
  limit: number,
): MovementView[] {
  const all = [...ledger.movements.values()];
  const out: MovementView[] = [];
  for (let i = all.length - 1; i >= 0 && out.length < limit; i--) {
    const m = all[i] as MovementRecord;
    if (matches(m.from) || matches(m.to)) out.push(movementView(m));
  }
  return out;
}

export function shortcodeDetailView(org: OrgRecord): ShortcodeDetailView {
  const initiators: InitiatorView[] = org.initiators.map((i) => ({
    name: i.name,
    failures: i.failures,
    locked: i.locked,
  }));
  return { ...shortcodeView(org), initiators };
}
