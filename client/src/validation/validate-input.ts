import { DarajaValidationError } from '../errors/daraja-validation-error.js';

/** Requires a whole number of shillings ≥ 1: Daraja rejects 0 and negatives and has no cents. */
export function requireAmount(value: unknown, field = 'amount'): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new DarajaValidationError(
      field,
      `must be a whole number of shillings, at least 1; got ${String(value)}`,
    );
  }
  return value;
}

/** Requires an absolute http(s) URL; `httpsOnly` for production, where Daraja refuses plain http. */
export function requireUrl(value: unknown, field: string, httpsOnly = false): string {
  let url: URL | undefined;
  try {
    url = typeof value === 'string' ? new URL(value) : undefined;
  } catch {
    url = undefined;
  }
  if (
    url === undefined ||
    (url.protocol !== 'https:' && url.protocol !== 'http:') ||
    /\s/.test(String(value))
  ) {
    throw new DarajaValidationError(field, `must be an absolute http(s) URL; got ${JSON.stringify(value)}`);
  }
  if (httpsOnly && url.protocol !== 'https:') {
    throw new DarajaValidationError(field, 'must use https in production');
  }
  return String(value);
}

/** Requires a non-blank string of at most `maxLength` characters. */
export function requireText(value: unknown, field: string, maxLength = 100): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new DarajaValidationError(field, 'is required and must be a non-empty string');
  }
  if (value.length > maxLength) {
    throw new DarajaValidationError(field, `must be at most ${maxLength} characters; got ${value.length}`);
  }
  return value;
}

/** Accepts undefined, else applies requireText. */
export function optionalText(value: unknown, field: string, maxLength = 100): string | undefined {
  return value === undefined ? undefined : requireText(value, field, maxLength);
}

/** Requires a shortcode or identifier of `min`–`max` digits, given as a number or a digit string. */
export function requireDigits(value: unknown, field: string, min = 5, max = 7): string {
  const text = typeof value === 'number' || typeof value === 'string' ? String(value).trim() : '';
  if (!new RegExp(`^\\d{${min},${max}}$`).test(text)) {
    throw new DarajaValidationError(field, `must be ${min}–${max} digits; got ${JSON.stringify(value)}`);
  }
  return text;
}

/** Requires one of the allowed literal values. */
export function requireOneOf<T extends string | number>(
  value: unknown,
  field: string,
  allowed: readonly T[],
): T {
  if (!allowed.includes(value as T)) {
    throw new DarajaValidationError(
      field,
      `must be one of ${allowed.join(', ')}; got ${JSON.stringify(value)}`,
    );
  }
  return value as T;
}
