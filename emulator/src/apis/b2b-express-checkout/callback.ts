import { ExpressCheckoutResult, type B2bExpressCheckoutCallback } from 'daraja-client/wire';
import type { TransactionView } from 'daraja-client/emulator';

/** "71.0": the callbacks carry the amount as a string with at least one decimal (SPEC 20). */
export function callbackAmount(amount: number): string {
  return Number.isInteger(amount) ? amount.toFixed(1) : String(amount);
}

/**
 * The body POSTed to `callbackUrl`: the success sample's keys after a payment, the cancellation sample's
 * keys (with `paymentReference`) for every other outcome. Every value is a string, as in the samples.
 */
export function expressCheckoutCallbackBody(t: TransactionView): B2bExpressCheckoutCallback {
  const amount = callbackAmount(t.amount ?? 0);
  const requestId = t.originatorConversationId ?? '';
  if (String(t.resultCode) === ExpressCheckoutResult.success.code) {
    return {
      resultCode: '0',
      resultDesc: ExpressCheckoutResult.success.desc,
      amount,
      requestId,
      resultType: '0',
      conversationID: t.conversationId ?? '',
      transactionId: t.receipt ?? '',
      status: 'SUCCESS',
    };
  }
  return {
    resultCode: String(t.resultCode),
    resultDesc: t.resultDesc ?? '',
    requestId,
    amount,
    paymentReference: t.accountReference ?? '',
  };
}
