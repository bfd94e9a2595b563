import { type BalanceAccount, parseAccountBalance } from './parse-account-balance.js';
import type { ParsedResult } from './parse-result-callback.js';
import { numberValue, textValue, timestampValue } from './result-values.js';

/** The details of a Reversal result; fields are undefined on failure. */
export interface ReversalDetails {
  /** The new reversal receipt is the result's `transactionId`; this is the one reversed. */
  originalTransactionId: string | undefined;
  amount: number | undefined;
  charge: number | undefined;
  completedAt: Date | undefined;
  creditPartyName: string | undefined;
  debitPartyName: string | undefined;
  /** The debited account after the reversal, from `DebitAccountBalance`. */
  debitAccountBalance: BalanceAccount[];
}

/** Reads a Reversal result's parameters by key. */
export function readReversalResult(result: ParsedResult): ReversalDetails {
  const values = result.parameters;
  const balance = textValue(values, 'DebitAccountBalance');
  return {
    originalTransactionId: textValue(values, 'OriginalTransactionID'),
    amount: numberValue(values, 'Amount'),
    charge: numberValue(values, 'Charge'),
    completedAt: timestampValue(values, 'TransCompletedTime'),
    creditPartyName: textValue(values, 'CreditPartyPublicName'),
    debitPartyName: textValue(values, 'DebitPartyPublicName'),
    debitAccountBalance: balance === undefined ? [] : parseAccountBalance(balance),
  };
}
