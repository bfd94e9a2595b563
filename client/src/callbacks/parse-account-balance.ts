import { CallbackParseError } from './callback-parse-error.js';

/** One account from an `AccountBalance` / `DebitAccountBalance` string. */
export interface BalanceAccount {
  /** e.g. `Working Account`, `Utility Account`, `Charges Paid Account`. */
  name: string;
  currency: string;
  current: number;
  available: number;
  reserved: number;
  uncleared: number;
}

/**
 * Parses Daraja's balance string, `Name|KES|current|available|reserved|uncleared` with accounts joined by `&`,
 * e.g. `Working Account|KES|700000.00|700000.00|0.00|0.00&Utility Account|KES|228037.00|…`.
 */
export function parseAccountBalance(value: string): BalanceAccount[] {
  return value
    .split('&')
    .filter((part) => part.trim() !== '')
    .map((part) => {
      const fields = part.split('|').map((field) => field.trim());
      const [name, currency, ...amounts] = fields;
      const numbers = amounts.map(Number);
      if (name === undefined || name === '' || currency === undefined || numbers.length !== 4) {
        throw new CallbackParseError(
          'AccountBalance',
          `has an account that is not Name|Currency|4 amounts: "${part}"`,
        );
      }
      if (numbers.some((number) => !Number.isFinite(number) || amounts.includes(''))) {
        throw new CallbackParseError('AccountBalance', `has a non-numeric amount in "${part}"`);
      }
      const [current, available, reserved, uncleared] = numbers as [number, number, number, number];
      return { name, currency, current, available, reserved, uncleared };
    });
}
