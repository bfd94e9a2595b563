import { eatParts } from '../time/eat.js';

/**
 * Built once, on first use: toLocaleString with options builds a formatter on every call (a hot spot of
 * every payment), and building one at import time cost start-up about 26 ms (ICU loads its locale data).
 */
let shillings: Intl.NumberFormat | undefined;

/** Ksh1,234.00 */
export function ksh(amount: number): string {
  if (Number.isSafeInteger(amount) && (amount > 0 || Object.is(amount, 0))) {
    return `Ksh${grouped(String(amount))}.00`;
  }
  shillings ??= new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return `Ksh${shillings.format(amount)}`;
}

/**
 * Digits with a comma between groups of three, as en-US writes them: most amounts in SMS are whole
 * shillings, and the formatter costs several times more than this on every payment.
 */
function grouped(digits: string): string {
  let out = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let i = out.length; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return out;
}

/** "6/10/26 at 9:52 AM", the way M-Pesa SMS show dates (East Africa Time). */
export function smsDateTime(ms: number): string {
  const p = eatParts(ms);
  const hour12 = p.hour % 12 === 0 ? 12 : p.hour % 12;
  const ampm = p.hour < 12 ? 'AM' : 'PM';
  return `${p.day}/${p.month}/${String(p.year).slice(2)} at ${hour12}:${String(p.minute).padStart(2, '0')} ${ampm}`;
}

/** The customer's SMS after paying a business (STK push or Pay Bill / Buy Goods). */
export function paidBusinessSms(input: {
  receipt: string;
  amount: number;
  business: string;
  account?: string;
  at: number;
  balance: number;
  /** What the customer paid M-Pesa for the payment (Pay Bill tariff), 0 by default. */
  cost?: number;
}): string {
  const account = input.account ? ` for account ${input.account}` : '';
  return (
    `${input.receipt} Confirmed. ${ksh(input.amount)} sent to ${input.business}${account} on ${smsDateTime(input.at)}. ` +
    `New M-PESA balance is ${ksh(input.balance)}. Transaction cost, ${ksh(input.cost ?? 0)}.`
  );
}

/** The customer's SMS after receiving money from a business (B2C). */
export function receivedFromBusinessSms(input: {
  receipt: string;
  amount: number;
  business: string;
  at: number;
  balance: number;
}): string {
  return (
    `${input.receipt} Confirmed. You have received ${ksh(input.amount)} from ${input.business} on ${smsDateTime(input.at)}. ` +
    `New M-PESA balance is ${ksh(input.balance)}.`
  );
}

/** The customer's SMS after a payment was reversed back to them. */
export function reversedSms(input: {
  receipt: string;
  original: string;
  amount: number;
  at: number;
  balance: number;
}): string {
  return (
    `${input.receipt} Confirmed. Transaction ${input.original} has been reversed. Your account balance now ` +
    `${ksh(input.balance)} on ${smsDateTime(input.at)}. Ksh${input.amount.toFixed(2)} was credited back.`
  );
}

/** The SMS after a failed attempt, e.g. a wrong PIN or too little money. */
export function failedSms(reason: string): string {
  return `Failed. ${reason}`;
}
