import { CallbackParseError } from './callback-parse-error.js';

/** A JSON object, as callbacks arrive. */
export type JsonRecord = Record<string, unknown>;

/** Requires a plain JSON object at `path`. */
export function requireRecord(value: unknown, path: string): JsonRecord {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new CallbackParseError(path, `must be an object; got ${describe(value)}`);
  }
  return value as JsonRecord;
}

/** Requires a string; numbers are accepted and stringified because Daraja's XML bridge turns digit strings into numbers. */
export function requireString(record: JsonRecord, key: string, path: string): string {
  const value = record[key];
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  throw new CallbackParseError(`${path}.${key}`, `must be a string; got ${describe(value)}`);
}

/** Like requireString, but a missing key or null gives `fallback`. */
export function optionalString(record: JsonRecord, key: string, path: string, fallback = ''): string {
  return record[key] === undefined || record[key] === null ? fallback : requireString(record, key, path);
}

/** Requires a finite number, accepting numeric strings (`"5.00"`) as Daraja sends both. */
export function toNumber(value: unknown, path: string): number {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isFinite(number)) {
    throw new CallbackParseError(path, `must be a number; got ${describe(value)}`);
  }
  return number;
}

/** Requires a number or a non-empty string, as result codes are (`0`, `2001`, `"R000002"`). */
export function requireCode(record: JsonRecord, key: string, path: string): number | string {
  const value = record[key];
  if ((typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && value !== '')) {
    return value;
  }
  throw new CallbackParseError(`${path}.${key}`, `must be a number or a string code; got ${describe(value)}`);
}

/** Describes a value briefly for error messages, without echoing long or nested content. */
export function describe(value: unknown): string {
  if (value === undefined) return 'nothing (missing)';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string')
    return value.length > 40 ? `a ${value.length}-character string` : JSON.stringify(value);
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}
