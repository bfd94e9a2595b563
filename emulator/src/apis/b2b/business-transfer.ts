import { B2BResult, type ResultCodeEntry, type ResultKeyValue } from 'daraja-client/wire';
import type { ShortcodeKind } from 'daraja-client/emulator';
import type { Ledger } from '../../ledger/ledger.js';
import { toCents, toShillings, type OrgRecord } from '../../ledger/records.js';
import type { IdFactory } from '../../ids/ids.js';
import type { Handled } from '../initiator/initiator-flow.js';
import { paidParameters } from './result-values.js';

export interface BusinessTransferDeps {
  ledger: Ledger;
  ids: IdFactory;
}

export interface BusinessTransfer {
  partyA: string;
  partyB: string;
  amount: number;
  /** The kinds of shortcode that may receive this payment. */
  receiverKinds: readonly ShortcodeKind[];
  /** Names the command in explanations and the ledger movement. */
  label: string;
  references: ResultKeyValue[];
}

/** A paybill or B2C shortcode pays from its Working Account; a till from its Merchant Account (SPEC 11). */
export const debitAccountOf = (org: OrgRecord) =>
  org.kind === 'till' ? 'Merchant Account' : 'Working Account';

/** A till is credited in its Merchant Account; paybills and B2C shortcodes (top-ups) in their Utility Account. */
export const creditAccountOf = (org: OrgRecord) =>
  org.kind === 'till' ? 'Merchant Account' : 'Utility Account';

/**
 * Moves money from one organisation's account to another's on the shared ledger, or says why not (result 7
 * for an unknown receiver, 2028 for a receiver of the wrong kind, 1 for too little money). The initiator was
 * already checked, so PartyA exists. No charges are taken: the 2025 samples show an empty DebitPartyCharges.
 */
export function businessTransfer(
  deps: BusinessTransferDeps,
  t: BusinessTransfer,
  now: number,
  transactionId: string,
  notes: string[],
): Handled {
  const { ledger, ids } = deps;
  const fail = (result: ResultCodeEntry, why: string): Handled => {
    notes.push(why);
    return { result, references: t.references };
  };
  const payer = ledger.org(t.partyA) as OrgRecord;
  const receiver = ledger.org(t.partyB);
  if (!receiver)
    return fail(B2BResult.receiverUnresolved, `PartyB ${t.partyB} is not a shortcode in this emulator.`);
  if (!t.receiverKinds.includes(receiver.kind)) {
    return fail(
      B2BResult.notPermitted,
      `${t.label} pays a ${t.receiverKinds.join(' or ')} shortcode, but ${receiver.shortcode} is a ${receiver.kind}.`,
    );
  }
  const from = { type: 'org' as const, shortcode: payer.shortcode, account: debitAccountOf(payer) };
  const to = { type: 'org' as const, shortcode: receiver.shortcode, account: creditAccountOf(receiver) };
  const receipt = ids.receipt(now);
  const amountCents = toCents(t.amount);
  const moved = ledger.transfer({ from, to, amountCents, reason: t.label, transactionId, receipt });
  if (!moved.ok) {
    const held = toShillings(payer.accounts[from.account] ?? 0);
    return fail(
      B2BResult.insufficientFunds,
      `The ${from.account} of ${payer.shortcode} holds ${held}, less than ${t.amount}.`,
    );
  }
  const balanceCents = ledger.balanceCents(from) ?? 0;
  notes.push(
    `${t.amount} moved from ${payer.shortcode}'s ${from.account} to ${receiver.shortcode}'s ${to.account} (receipt ${receipt}).`,
  );
  return {
    result: B2BResult.success,
    receipt,
    parameters: paidParameters({
      account: from.account,
      balanceCents,
      amountCents,
      at: now,
      receiver: `${receiver.shortcode} - ${receiver.name}`,
    }),
    references: t.references,
  };
}
