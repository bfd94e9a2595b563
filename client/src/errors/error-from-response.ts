import {
  AuthenticationError,
  BadRequestError,
  DarajaError,
  type DarajaErrorDetails,
  DuplicateRequestError,
  InvalidTokenError,
  MerchantError,
  RateLimitError,
  ServerError,
  SubscriberLockedError,
  TransactionInProgressError,
  WrongCredentialsError,
} from './daraja-error.js';

/** A failed HTTP exchange: the status and the body, parsed as JSON when it was JSON, else the raw text. */
export interface FailedResponse {
  httpStatus: number;
  body: unknown;
  /** OAuth answers wrong credentials with an empty 400, so the same status means different things there. */
  endpoint: 'oauth' | 'api';
}

const INVALID_TOKEN_CODES = new Set(['404.001.03', '401.002.01', '400.003.01', '401.001', '401']);
const RATE_LIMIT_CODES = new Set(['500.003.02', '500.003.03']);
const RATE_LIMIT_TEXT = /spike arrest|quota violation|system is busy/i;
const INVALID_FIELD = /^Bad Request - Invalid (\S+)/;
const MAX_EXCERPT = 200;

/** Reads `requestId`/`errorCode`/`errorMessage` from Daraja's envelope, or an excerpt of a non-JSON body. */
function detailsOf(response: FailedResponse): DarajaErrorDetails {
  const { body, httpStatus } = response;
  if (typeof body === 'object' && body !== null) {
    const record = body as Record<string, unknown>;
    const text = (from: Record<string, unknown>, key: string) =>
      typeof from[key] === 'string' ? from[key] : undefined;
    // Apigee's own faults (gateway timeouts, product errors) nest the message under `fault.faultstring`.
    const fault = typeof record['fault'] === 'object' && record['fault'] !== null ? record['fault'] : {};
    return {
      httpStatus,
      requestId: text(record, 'requestId'),
      errorCode: text(record, 'errorCode'),
      errorMessage: text(record, 'errorMessage') ?? text(fault as Record<string, unknown>, 'faultstring'),
    };
  }
  const excerpt = typeof body === 'string' ? body.trim().slice(0, MAX_EXCERPT) : '';
  return { httpStatus, errorMessage: excerpt === '' ? undefined : excerpt };
}

/**
 * Chooses the one error class for a failed Daraja response. This is the only place that maps
 * status and `errorCode` to a class, so every API reports the same failure the same way.
 */
export function errorFromResponse(response: FailedResponse): DarajaError {
  const details = detailsOf(response);
  const { httpStatus } = response;
  const code = details.errorCode ?? '';
  const text = details.errorMessage ?? '';
  const summary = [`Daraja answered HTTP ${httpStatus}`, code, text].filter((part) => part !== '').join(' ');

  if (
    response.endpoint === 'oauth' &&
    (httpStatus === 400 || httpStatus === 401 || code.startsWith('400.008'))
  ) {
    return new AuthenticationError(
      text === '' ? `${summary}: check the consumer key, secret and environment` : summary,
      details,
    );
  }
  if (code.startsWith('400.008')) return new AuthenticationError(summary, details);
  if (INVALID_TOKEN_CODES.has(code) || /invalid access token/i.test(text)) {
    return new InvalidTokenError(summary, details);
  }
  if (RATE_LIMIT_CODES.has(code) || httpStatus === 429 || RATE_LIMIT_TEXT.test(text)) {
    return new RateLimitError(summary, details);
  }
  if (code === '500.001.1001') {
    if (/wrong credentials/i.test(text)) return new WrongCredentialsError(summary, details);
    if (/merchant does not exist/i.test(text)) return new MerchantError(summary, details);
    if (/unable to lock subscriber/i.test(text)) return new SubscriberLockedError(summary, details);
    if (/being processed/i.test(text)) return new TransactionInProgressError(summary, details);
  }
  if (code === '500.002.1001') return new DuplicateRequestError(summary, details);
  if (code.startsWith('400.') || (httpStatus === 400 && code === '')) {
    return new BadRequestError(summary, { ...details, field: INVALID_FIELD.exec(text)?.[1] });
  }
  if (httpStatus >= 500 || code.startsWith('500.')) return new ServerError(summary, details);
  return new DarajaError(summary, details);
}
