import { type BalanceAccount, parseAccountBalance } from './parse-account-balance.js';
import type { ParsedResult } from './parse-result-callback.js';
import { textValue, timestampValue } from './result-values.js';

/** The details of an Account Balance result. */
export interface AccountBalanceDetails {
  /** Empty on failure. */
  accounts: BalanceAccount[];
  completedAt: Date | undefined;
  /** Set on some failures, e.g. `API Password is locked. `. */
  errorMessage: string | undefined;
}

/** Reads an Account Balance result, splitting the `AccountBalance` string into accounts. */
export function readAccountBalanceResult(result: ParsedResult): AccountBalanceDetails {
  const values = result.parameters;
  const balance = textValue(values, 'AccountBalance');
  return {
    accounts: balance === undefined ? [] : parseAccountBalance(balance),
    completedAt: timestampValue(values, 'BOCompletedTime'),
    errorMessage: textValue(values, 'ErrorMsg'),
  };
}
