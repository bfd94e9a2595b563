import type { ParsedResult } from './parse-result-callback.js';
import { dateTimeValue, numberValue, textValue } from './result-values.js';

/** The details of a B2C (or B2Pochi) result; every field is undefined on a failure that carries no parameters. */
export interface B2CResultDetails {
  amount: number | undefined;
  receipt: string | undefined;
  /** `ReceiverPartyPublicName`, e.g. `254705912645 - NICHOLAS JOHN SONGOK`; treat as opaque text. */
  receiverName: string | undefined;
  /** `TransactionCompletedDateTime` (`dd.MM.yyyy HH:mm:ss`, EAT) as an instant. */
  completedAt: Date | undefined;
  /** `B2CRecipientIsRegisteredCustomer` is `Y` or `N`. */
  recipientIsRegistered: boolean | undefined;
  utilityAccountBalance: number | undefined;
  workingAccountBalance: number | undefined;
  chargesPaidAccountBalance: number | undefined;
}

/** Reads a B2C result's parameters by key (their order has changed three times since 2017). */
export function readB2CResult(result: ParsedResult): B2CResultDetails {
  const values = result.parameters;
  const registered = textValue(values, 'B2CRecipientIsRegisteredCustomer');
  return {
    amount: numberValue(values, 'TransactionAmount'),
    receipt: textValue(values, 'TransactionReceipt'),
    receiverName: textValue(values, 'ReceiverPartyPublicName'),
    completedAt: dateTimeValue(values, 'TransactionCompletedDateTime'),
    recipientIsRegistered: registered === undefined ? undefined : registered.toUpperCase() === 'Y',
    utilityAccountBalance: numberValue(values, 'B2CUtilityAccountAvailableFunds'),
    workingAccountBalance: numberValue(values, 'B2CWorkingAccountAvailableFunds'),
    chargesPaidAccountBalance: numberValue(values, 'B2CChargesPaidAccountAvailableFunds'),
  };
}
