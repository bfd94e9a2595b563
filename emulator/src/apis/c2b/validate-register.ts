import { DarajaErrors, type C2BResponseType } from 'daraja-client/wire';
import type { Settings } from 'daraja-client/emulator';
import { DarajaError } from '../../http/daraja-error.js';
import { checkCallbackUrl } from '../../callbacks/url-policy.js';
import { readShortcode } from '../../validation/fields.js';

/** A Register URL request after validation. */
export interface RegisterInput {
  shortcode: string;
  responseType: C2BResponseType;
  confirmationUrl: string;
  validationUrl?: string;
}

const invalid = (field: string, explanation: string) =>
  new DarajaError(DarajaErrors.invalidField(field), explanation);

/**
 * Checks the fields in the order Daraja's docs list them, so the first bad one is reported as
 * `400.002.02 Bad Request - Invalid <Field>`. ValidationURL may be absent (or empty): it is only called
 * when external validation is enabled for the shortcode.
 */
export function validateRegister(body: Record<string, unknown>, settings: Settings): RegisterInput {
  const shortcode = readShortcode(body.ShortCode);
  if (!shortcode.ok) {
    const hint =
      body.ShortCode === undefined && body.Shortcode !== undefined
        ? ' (the key is "ShortCode", capital C)'
        : '';
    throw invalid('ShortCode', `ShortCode: ${shortcode.reason}${hint}.`);
  }
  const responseType = body.ResponseType;
  if (responseType !== 'Completed' && responseType !== 'Cancelled') {
    throw invalid(
      'ResponseType',
      `ResponseType: ${JSON.stringify(responseType ?? null)} is not exactly "Completed" or "Cancelled"${responseTypeHint(responseType)}.`,
    );
  }
  const confirmationUrl = readUrl('ConfirmationURL', body, settings);
  if (confirmationUrl === undefined) {
    throw invalid(
      'ConfirmationURL',
      'ConfirmationURL is missing; it is the URL Daraja POSTs every completed payment to.',
    );
  }
  const validationUrl = readUrl('ValidationURL', body, settings);
  return {
    shortcode: shortcode.value,
    responseType,
    confirmationUrl,
    ...(validationUrl ? { validationUrl } : {}),
  };
}

/** A C2B URL, or undefined when absent or empty; anything present must pass the URL rules. */
function readUrl(
  field: 'ConfirmationURL' | 'ValidationURL',
  body: Record<string, unknown>,
  settings: Settings,
): string | undefined {
  const value = body[field];
  if (value === undefined || value === null || value === '') {
    const lookalike = Object.keys(body).find((k) => k !== field && k.toLowerCase() === field.toLowerCase());
    if (lookalike)
      throw invalid(
        field,
        `${field} is missing: the body has "${lookalike}"; Daraja spells the key "${field}".`,
      );
    return undefined;
  }
  const check = checkCallbackUrl(value, settings.callbacks, { forbidWords: settings.c2b.forbidUrlWords });
  if (!check.ok) {
    const words = settings.c2b.forbidUrlWords
      ? ' (the word rule can be turned off with the setting c2b.forbidUrlWords)'
      : '';
    throw invalid(
      field,
      `${field}: ${check.reason}${/refuses in C2B URLs/.test(check.reason) ? words : ''}.`,
    );
  }
  return value as string;
}

function responseTypeHint(value: unknown): string {
  if (typeof value !== 'string') return '';
  if (value.toLowerCase() === 'canceled') return ' (Daraja spells it "Cancelled", with two l)';
  if (value.toLowerCase() === 'completed' || value.toLowerCase() === 'cancelled')
    return ' (the case must match: sentence case)';
  return '';
}
