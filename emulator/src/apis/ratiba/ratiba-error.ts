import { DarajaErrors, type RatibaErrorBody } from 'daraja-client/wire';
import { DarajaError } from '../../http/daraja-error.js';

/**
 * A refused Ratiba request. The live sandbox answers HTTP 400 with its own body (SPEC 18.2: `requestRefId`,
 * `responseMessage`, a numeric `responseCode` and an ISO `timestamp`), not Daraja's usual envelope; the
 * journal keeps the plain-English reason.
 */
export function ratibaError(message: string, why: string, now: number): DarajaError {
  const body = (requestId: string): RatibaErrorBody => ({
    requestRefId: requestId,
    responseMessage: message,
    responseCode: 400,
    timestamp: `${new Date(now).toISOString().slice(0, 19)}Z`,
  });
  return new DarajaError(DarajaErrors.invalidField(message), why, { status: 400, body });
}

/** The message Ratiba gives for a field it refuses (the captured one is for BusinessShortCode). */
export function invalidFieldMessage(field: string): string {
  return `Invalid value in field '${field}'`;
}

/** The sandbox's refusal of a shortcode the app was not issued (captured 2026-10-08). */
export function notIssuedMessage(field: string): string {
  return `Value in field '${field}' can only be what was issued for this application`;
}
