import type { ShortcodeKind } from 'daraja-client/emulator';

/** Internal ledger records: camelCase, money in cents. */
export interface CustomerRecord {
  id: string;
  msisdn: string;
  name: string;
  pin: string;
  balanceCents: number;
  offline: boolean;
  /**
   * Added on the fly for a phone the emulator had not seen (not configured nor added through the control
   * API). Such customers are capped like a history: see Ledger.
   */
  walkIn?: true;
}

export interface InitiatorRecord {
  name: string;
  password: string;
  failures: number;
  locked: boolean;
}

export interface OrgRecord {
  id: string;
  shortcode: string;
  kind: ShortcodeKind;
  name: string;
  passkey?: string;
  /** Cents per account name ("Utility Account", "Working Account", ...). */
  accounts: Record<string, number>;
  initiators: InitiatorRecord[];
  /** C2B payments are sent to the ValidationURL first. */
  externalValidation?: boolean;
  /** Till: the operator's phone that gets B2B Express Checkout prompts. */
  nominatedNumber?: string;
}

/**
 * The secrets of a shortcode's record: its STK passkey and each initiator's password. The store keeps them
 * encrypted on disk (CollectionOptions.secretFields).
 */
export const ORG_SECRET_FIELDS = ['passkey', 'password'] as const satisfies readonly (
  keyof OrgRecord | keyof InitiatorRecord
)[];

export type PartyRef =
  | { type: 'customer'; msisdn: string }
  | { type: 'org'; shortcode: string; account: string }
  | { type: 'world' }
  /** M-Pesa itself: transaction charges are paid to it (SPEC 24.3). */
  | { type: 'operator' };

/** One movement of money; every debit has its credit. */
export interface MovementRecord {
  id: string;
  at: number;
  transactionId?: string;
  receipt?: string;
  from: PartyRef;
  to: PartyRef;
  amountCents: number;
  reason: string;
}

export const toCents = (shillings: number): number => Math.round(shillings * 100);
export const toShillings = (cents: number): number => cents / 100;
