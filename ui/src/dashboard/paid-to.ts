import type { TransactionView } from 'daraja-client/emulator';

/** The receiving organisation of a B2B or tax payment; undefined for every other kind of transaction. */
export const paidTo = (t: TransactionView): string | undefined =>
  t.type === 'b2b' || t.type === 'tax-remittance' ? t.partyB : undefined;
