import { type BalanceAccount, parseAccountBalance } from './parse-account-balance.js';
import type { ParsedResult } from './parse-result-callback.js';
import { numberValue, textValue, timestampValue } from './result-values.js';

/** The details of a B2B or tax remittance result; fields are undefined (lists empty) on failure. */
export interface B2BResultDetails {
  /** The receipt is the result's `transactionId`. */
  amount: number | undefined;
  completedAt: Date | undefined;
  /** `"600000 - Company name"`. */
  receiverPartyPublicName: string | undefined;
  currency: string | undefined;
  /** `DebitPartyCharges` as sent (often empty). */
  debitPartyCharges: string | undefined;
  /** The account debited, after the payment, from `DebitPartyAffectedAccountBalance`. */
  debitAccount: BalanceAccount[];
  /** Shillings available in the debited account, read from `DebitAccountBalance` (`BasicAmount`). */
  debitAccountAvailable: number | undefined;
  /** The AccountReference (PRN for tax), from `ReferenceData`; numeric references arrive as numbers. */
  billReferenceNumber: string | undefined;
}

/** `{Amount={CurrencyCode=KES, MinimumAmount=618683, BasicAmount=6186.83}}` → 6186.83. */
function basicAmount(value: string | undefined): number | undefined {
  const match = value === undefined ? null : /BasicAmount=(-?\d+(?:\.\d+)?)/.exec(value);
  return match ? Number(match[1]) : undefined;
}

/** Reads a B2B (or tax remittance) result's parameters and references by key. */
export function readB2BResult(result: ParsedResult): B2BResultDetails {
  const values = result.parameters;
  const affected = textValue(values, 'DebitPartyAffectedAccountBalance');
  return {
    amount: numberValue(values, 'Amount'),
    completedAt: timestampValue(values, 'TransCompletedTime'),
    receiverPartyPublicName: textValue(values, 'ReceiverPartyPublicName'),
    currency: textValue(values, 'Currency'),
    debitPartyCharges: textValue(values, 'DebitPartyCharges'),
    debitAccount: affected === undefined ? [] : parseAccountBalance(affected),
    debitAccountAvailable: basicAmount(textValue(values, 'DebitAccountBalance')),
    billReferenceNumber: textValue(result.references, 'BillReferenceNumber'),
  };
}
