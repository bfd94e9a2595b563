import { parseEatDateTime, parseEatTimestamp } from '../time/eat-time.js';
import { CallbackParseError } from './callback-parse-error.js';
import { toNumber } from './read-fields.js';
import type { ResultValues } from './parse-result-callback.js';

/** Reads a numeric parameter (number or numeric string); undefined when absent or empty. */
export function numberValue(values: ResultValues, key: string): number | undefined {
  const value = values[key];
  return value === undefined || value === '' ? undefined : toNumber(value, `Result parameter ${key}`);
}

/** Reads a parameter as text (numbers are stringified); undefined when absent. */
export function textValue(values: ResultValues, key: string): string | undefined {
  const value = values[key];
  return value === undefined ? undefined : String(value);
}

/** Reads a 14-digit EAT timestamp parameter (`20250117170614`, number or string); undefined when absent. */
export function timestampValue(values: ResultValues, key: string): Date | undefined {
  const value = values[key];
  if (value === undefined || value === '') return undefined;
  const date = parseEatTimestamp(value);
  if (date === undefined) {
    throw new CallbackParseError(
      `Result parameter ${key}`,
      `must be 14 digits YYYYMMDDHHmmss; got ${String(value)}`,
    );
  }
  return date;
}

/** Reads a `dd.MM.yyyy HH:mm:ss` EAT parameter (B2C completion time); undefined when absent. */
export function dateTimeValue(values: ResultValues, key: string): Date | undefined {
  const value = values[key];
  if (value === undefined || value === '') return undefined;
  const date = parseEatDateTime(String(value));
  if (date === undefined) {
    throw new CallbackParseError(
      `Result parameter ${key}`,
      `must be dd.MM.yyyy HH:mm:ss; got ${String(value)}`,
    );
  }
  return date;
}
