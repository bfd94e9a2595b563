import type { DeliveryView, TransactionView } from 'daraja-client/emulator';

/** A delivery view is newer when its revision is at least as high (views without one are the oldest). */
export function deliveryFresher(incoming: DeliveryView, current: DeliveryView): boolean {
  return (incoming.revision ?? 0) >= (current.revision ?? 0);
}

/** A transaction moves only forward: a decided one never goes back to pending, and time never runs back. */
export function transactionFresher(incoming: TransactionView, current: TransactionView): boolean {
  if (current.status !== 'pending' && incoming.status === 'pending') return false;
  return incoming.updatedAt >= current.updatedAt;
}
