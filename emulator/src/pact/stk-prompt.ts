import type { TransactionView } from 'daraja-client/emulator';
import type { Emulator } from '../emulator.js';
import { validateStkPush } from '../apis/stk-push/validate.js';
import { stkPassword } from '../apis/stk-push/password.js';
import { eatTimestamp } from '../time/eat.js';
import { SANDBOX_SHORTCODE } from '../config/defaults.js';

export interface PromptRequest {
  msisdn: string;
  shortcode?: string;
  amount?: number;
  /** Reproduce this CheckoutRequestID instead of generating one. */
  checkoutRequestId?: string;
  callbackUrl?: string;
}

/** Where provider states send STK callbacks: captured by the session, never sent. */
const STATE_CALLBACK_URL = 'https://provider-state.example/daraja/stk';

/**
 * Opens an STK prompt the way a push request does (the same validation, password check and service),
 * built from the shortcode's own passkey, so provider states get a genuine pending transaction.
 */
export function openStkPrompt(emulator: Emulator, request: PromptRequest): TransactionView {
  const shortcode = request.shortcode ?? SANDBOX_SHORTCODE;
  const org = emulator.ledger.org(shortcode);
  if (!org?.passkey) {
    throw new Error(
      `shortcode ${shortcode} has no passkey; add the state "shortcode ${shortcode} has passkey …"`,
    );
  }
  const timestamp = eatTimestamp(emulator.clock.now());
  const body = {
    BusinessShortCode: shortcode,
    Password: stkPassword(shortcode, org.passkey, timestamp),
    Timestamp: timestamp,
    TransactionType: org.kind === 'till' ? 'CustomerBuyGoodsOnline' : 'CustomerPayBillOnline',
    Amount: request.amount ?? 1,
    PartyA: request.msisdn,
    PartyB: shortcode,
    PhoneNumber: request.msisdn,
    CallBackURL: request.callbackUrl ?? STATE_CALLBACK_URL,
    AccountReference: 'Pact',
    TransactionDesc: 'Provider state',
  };
  const input = validateStkPush(body, emulator.settings.current);
  const given =
    request.checkoutRequestId === undefined ? {} : { checkoutRequestId: request.checkoutRequestId };
  return emulator.stk.push(input, body, undefined, [], given).transaction;
}

/** The customer answers the prompt with their own PIN; the callback is delivered (and captured). */
export async function payStkPrompt(emulator: Emulator, id: string): Promise<TransactionView> {
  const t = emulator.transactions.get(id);
  const pin = emulator.ledger.customer(t?.phone ?? '')?.pin ?? '';
  const paid = emulator.stk.accept(id, pin, 'control');
  await emulator.runAll();
  if (paid.status !== 'completed') {
    throw new Error(`the payment of ${id} failed: ${paid.resultDesc ?? 'unknown result'}`);
  }
  return paid;
}

/** The customer cancels the prompt; the callback is delivered (and captured). */
export async function cancelStkPrompt(emulator: Emulator, id: string): Promise<TransactionView> {
  const cancelled = emulator.stk.decline(id, 'control');
  await emulator.runAll();
  return cancelled;
}
