import type { CallbackVariant, ConformanceRun } from 'daraja-emulator/testing';
import type { Order } from '../src/orders.js';

/**
 * What the shop should look like after a variant, compared with what it looks like: one line per
 * difference, empty when the shop did what a correct app does.
 */
export function mismatches(
  variant: CallbackVariant,
  run: ConformanceRun,
  order: Order | undefined,
): string[] {
  if (run.error) return [run.error];
  const out = [...run.problems];
  if (!order) return [...out, 'the order is gone'];
  const expect = variant.expect;
  const code = (c: number | string | undefined) => String(c);
  if (variant.family === 'b2c') {
    const refund = order.refund;
    if (expect.outcome === 'success') {
      if (refund?.status !== 'done') out.push(`refund is ${refund?.status ?? 'missing'}, not done`);
      if (refund?.refunded !== order.amount) out.push(`refunded ${refund?.refunded} of ${order.amount}`);
    } else if (refund?.status !== 'failed' || code(refund.failure?.code) !== code(expect.resultCode)) {
      out.push(
        `refund is ${refund?.status} (${refund?.failure?.code}), not failed with ${expect.resultCode}`,
      );
    }
    return out;
  }
  if (expect.outcome === 'success') {
    if (order.status !== 'paid') out.push(`order is ${order.status}, not paid`);
    if (order.fulfilments !== 1) out.push(`fulfilled ${order.fulfilments} times`);
    // An STK query carries no receipt: an order settled by the app's own query has none yet.
    if (!order.receipt && variant.timeline !== 'app-timeout') out.push('no receipt recorded');
  } else if (expect.outcome === 'failure') {
    if (order.status !== 'failed' || code(order.failure?.code) !== code(expect.resultCode))
      out.push(`order is ${order.status} (${order.failure?.code}), not failed with ${expect.resultCode}`);
    if (order.fulfilments !== 0) out.push(`fulfilled ${order.fulfilments} times`);
  } else if (order.status !== 'pending' || order.fulfilments !== 0) {
    out.push(`order is ${order.status} and fulfilled ${order.fulfilments} times, not left unpaid`);
  }
  return out;
}
