import type { StkCallback, StkCallbackItem } from 'daraja-client/wire';
import type { TransactionView } from 'daraja-client/emulator';
import { eatTimestamp } from '../../time/eat.js';

/**
 * The body POSTed to CallBackURL. Items come in the order live callbacks use (Amount, MpesaReceiptNumber,
 * Balance, TransactionDate, PhoneNumber), and Balance has no Value, as on the wire.
 */
export function stkCallbackBody(t: TransactionView, completedAt: number): StkCallback {
  const resultCode = Number(t.resultCode);
  const stkCallback: StkCallback['Body']['stkCallback'] = {
    MerchantRequestID: t.merchantRequestId ?? '',
    CheckoutRequestID: t.id,
    ResultCode: resultCode,
    ResultDesc: t.resultDesc ?? '',
  };
  if (resultCode === 0) {
    const items: StkCallbackItem[] = [
      { Name: 'Amount', Value: t.amount ?? 0 },
      { Name: 'MpesaReceiptNumber', Value: t.receipt ?? '' },
      { Name: 'Balance' },
      { Name: 'TransactionDate', Value: Number(eatTimestamp(completedAt)) },
      { Name: 'PhoneNumber', Value: Number(t.phone) },
    ];
    stkCallback.CallbackMetadata = { Item: items };
  }
  return { Body: { stkCallback } };
}
