import {
  B2C_RESULT_KEYS,
  B2C_RESULT_KEYS_2017,
  type B2CResultKey,
  type ResultKeyValue,
} from 'daraja-client/wire';
import type { Settings } from 'daraja-client/emulator';

/** The values of a paid B2C result; amounts and balances in shillings (numbers on the wire). */
export type B2CResultValues = Record<B2CResultKey, string | number>;

/** Success parameters in the configured order: today's documented order, or the 2017 one. */
export function b2cResultParameters(
  values: B2CResultValues,
  order: Settings['b2c']['resultKeyOrder'],
): ResultKeyValue[] {
  const keys = order === '2017' ? B2C_RESULT_KEYS_2017 : B2C_RESULT_KEYS;
  return keys.map((key) => ({ Key: key, Value: values[key] }));
}
