import { DarajaValidationError } from '../errors/daraja-validation-error.js';

/** Kenyan mobile numbers on M-Pesa: 254 then 7XXXXXXXX (classic ranges) or 1XXXXXXXX (newer ranges). */
const KENYAN_MSISDN = /^254[17]\d{8}$/;

/** Strips the separators people type and the international prefix forms, leaving digits. */
function digitsOf(input: string): string {
  return input
    .replace(/[\s\-.()]/g, '')
    .replace(/^\+/, '')
    .replace(/^00254/, '254');
}

/**
 * Normalises a Kenyan mobile number (`0712 345 678`, `+254-712-345678`, `712345678`, `0112…`) to the
 * 12-digit `2547XXXXXXXX` / `2541XXXXXXXX` form Daraja requires; throws DarajaValidationError naming `field` otherwise.
 */
export function normalizePhone(input: string | number, field = 'phoneNumber'): string {
  if (typeof input !== 'string' && typeof input !== 'number') {
    throw new DarajaValidationError(
      field,
      'is required: a Kenyan mobile number such as 0712345678 or 254712345678',
    );
  }
  let digits = digitsOf(String(input));
  if (/^2540\d{9}$/.test(digits)) digits = `254${digits.slice(4)}`;
  else if (/^0\d{9}$/.test(digits)) digits = `254${digits.slice(1)}`;
  else if (/^\d{9}$/.test(digits)) digits = `254${digits}`;
  if (!KENYAN_MSISDN.test(digits)) {
    throw new DarajaValidationError(
      field,
      `must be a Kenyan mobile number (07XXXXXXXX, 01XXXXXXXX, 2547XXXXXXXX or 2541XXXXXXXX); got "${String(input)}"`,
    );
  }
  return digits;
}
