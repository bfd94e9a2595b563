import type { DeliveryFilter, TransactionFilter } from './control.js';
import type { DeliveryView, TransactionView } from './records.js';

/**
 * Which records a history filter keeps: the emulator answers list requests with these, and the dashboard
 * applies the same to live events so that a record joins or leaves a filtered list as the server would.
 */

/** A case-insensitive search: true when any of the texts contains `q` (or when there is no `q`). */
export function matchesText(q: string | undefined, texts: readonly (string | undefined)[]): boolean {
  const needle = q?.trim().toLowerCase();
  if (!needle) return true;
  return texts.some((text) => text !== undefined && text.toLowerCase().includes(needle));
}

/** Payments between organisations belong to both: the payer (shortcode) and the receiver (partyB). */
const sidesOf = (t: TransactionView) =>
  t.type === 'b2b' || t.type === 'tax-remittance' ? [t.shortcode, t.partyB] : [t.shortcode];

/**
 * Type, status, phone and shortcode (either side of a B2B or tax payment) are exact; `q` searches the ids,
 * phone, account reference and shortcode.
 */
export function transactionMatches(t: TransactionView, filter: TransactionFilter): boolean {
  const { type, status, phone, shortcode, q } = filter;
  return (
    (!type || t.type === type) &&
    (!status || t.status === status) &&
    (!phone || t.phone === phone) &&
    (!shortcode || sidesOf(t).includes(shortcode)) &&
    matchesText(q, [
      t.id,
      t.merchantRequestId,
      t.receipt,
      t.conversationId,
      t.originatorConversationId,
      t.phone,
      t.accountReference,
      t.shortcode,
    ])
  );
}

/** Transaction, status and kind are exact; `q` searches the delivery's id, transaction and URL. */
export function deliveryMatches(d: DeliveryView, filter: DeliveryFilter): boolean {
  const { transactionId, status, kind, q } = filter;
  return (
    (!transactionId || d.transactionId === transactionId) &&
    (!status || d.status === status) &&
    (!kind || d.kind === kind) &&
    matchesText(q, [d.id, d.transactionId, d.url])
  );
}
