import { DarajaValidationError } from '../errors/daraja-validation-error.js';
import { requireDigits } from '../validation/validate-input.js';
import type { ApiContext } from './api-context.js';

/** The shortcode for one call: the caller's override, else the configured one; 5–7 digits either way. */
export function resolveShortcode(
  context: ApiContext,
  override: string | number | undefined,
  field: string,
): string {
  if (override !== undefined) return requireDigits(override, field);
  if (context.shortcode === undefined) {
    throw new DarajaValidationError(field, 'is required: pass it or set shortcode in the client config');
  }
  return requireDigits(context.shortcode, 'shortcode');
}
