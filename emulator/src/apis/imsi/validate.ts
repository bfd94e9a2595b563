import { DarajaErrors } from 'daraja-client/wire';
import { DarajaError } from '../../http/daraja-error.js';
import { readMsisdn } from '../../validation/fields.js';

/** The one field of both checks: `customerNumber`, a 12-digit Kenyan MSISDN (number or string). */
export function validateImsiCheck(body: Record<string, unknown>): { customerNumber: string } {
  const read = readMsisdn(body.customerNumber);
  if (!read.ok) {
    throw new DarajaError(DarajaErrors.invalidField('customerNumber'), `customerNumber: ${read.reason}.`);
  }
  return { customerNumber: read.value };
}
