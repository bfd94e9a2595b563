import request from 'supertest';
import type { TransactionView } from 'daraja-client/emulator';
import { JOHN } from './initiator.js';
import { PASSKEY, password } from './daraja-requests.js';
import type { Emulator } from '../../emulator/src/internals.js';

/** A customer pays `shortcode` (174379 or the till 373132, which have the sandbox passkey) through an STK push they accept with their PIN; returns the finished transaction. */
export function stkPayment(
  emulator: Emulator,
  amount: number,
  shortcode = '174379',
  phone = JOHN,
  pin = '1234',
): TransactionView {
  const { transaction } = emulator.stk.push(
    {
      shortcode,
      password: password('20260101120000', shortcode, PASSKEY),
      timestamp: '20260101120000',
      transactionType: shortcode === '373132' ? 'CustomerBuyGoodsOnline' : 'CustomerPayBillOnline',
      amount,
      partyA: phone,
      partyB: shortcode,
      phone,
      callbackUrl: 'https://merchant.example/stk',
      accountReference: 'ORDER-1',
      description: 'Payment',
    },
    {},
    undefined,
    [],
  );
  return emulator.stk.accept(transaction.id, pin);
}

/** A customer pays a paybill or till from the phone (C2B, control API). */
export async function c2bPayment(
  emulator: Emulator,
  amount: number,
  shortcode = '600984',
  msisdn = JOHN,
): Promise<TransactionView> {
  const res = await request(emulator.app)
    .post('/_emulator/c2b/payments')
    .send({ shortcode, msisdn, amount, billRefNumber: 'ACC-1' });
  if (res.status !== 201) throw new Error(`C2B payment failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as TransactionView;
}
