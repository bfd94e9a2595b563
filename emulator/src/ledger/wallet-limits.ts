import { B2CResult, type ResultCodeEntry } from 'daraja-client/wire';
import type { MoneySettings } from 'daraja-client/emulator';
import type { Ledger } from './ledger.js';
import { toCents, toShillings } from './records.js';
import { ksh } from './sms-text.js';

/** A limit that refuses a payment: the result code M-Pesa answers and why, for the journal. */
export interface LimitRefusal {
  result: ResultCodeEntry;
  why: string;
  /** The customer's failure SMS. */
  sms: string;
}

/** A payment a customer makes (`pays`) or receives (`receives`), in shillings. */
export interface WalletMove {
  msisdn: string;
  amount: number;
  direction: 'pays' | 'receives';
  now: number;
}

/**
 * The customer wallet limits (SPEC 15, SPEC 24.1): per transaction (result 3), per East Africa Time day,
 * counting what the customer paid and received (result 4), and the largest balance (result 8). A limit
 * of 0 is off. Result texts are the B2C ones; STK spells them with a final full stop (`results` overrides).
 */
export function walletLimit(
  ledger: Ledger,
  money: MoneySettings,
  move: WalletMove,
  results: Partial<Record<'aboveMaximum' | 'dailyLimit' | 'maxBalance', ResultCodeEntry>> = {},
): LimitRefusal | undefined {
  const { msisdn, amount } = move;
  const perTransaction = money.customerPerTransactionKsh;
  if (move.direction === 'pays' && perTransaction > 0 && amount > perTransaction) {
    return {
      result: results.aboveMaximum ?? B2CResult.aboveMaximum,
      why: `${ksh(amount)} is more than a customer may pay at once (money.customerPerTransactionKsh = ${perTransaction}).`,
      sms: `${ksh(amount)} is more than the most you can pay at once, ${ksh(perTransaction)}.`,
    };
  }
  const daily = money.customerDailyKsh;
  const today = ledger.daily.cents(msisdn, move.now);
  if (daily > 0 && today + toCents(amount) > toCents(daily)) {
    return {
      result: results.dailyLimit ?? B2CResult.dailyLimit,
      why: `${msisdn} has moved ${ksh(toShillings(today))} today (East Africa Time); ${ksh(amount)} more would pass the daily limit of ${ksh(daily)} (money.customerDailyKsh).`,
      sms: `This transaction would exceed your daily M-PESA transaction limit of ${ksh(daily)}.`,
    };
  }
  const max = money.customerMaxBalanceKsh;
  const balance = ledger.customer(msisdn)?.balanceCents ?? 0;
  if (move.direction === 'receives' && max > 0 && balance + toCents(amount) > toCents(max)) {
    return {
      result: results.maxBalance ?? B2CResult.maxBalance,
      why: `${msisdn} holds ${ksh(toShillings(balance))}; receiving ${ksh(amount)} would pass the maximum balance of ${ksh(max)} (money.customerMaxBalanceKsh).`,
      sms: `Receiving ${ksh(amount)} would exceed your maximum M-PESA balance of ${ksh(max)}.`,
    };
  }
  return undefined;
}
