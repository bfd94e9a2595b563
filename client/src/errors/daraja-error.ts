/** What Daraja (or the network) told us about a failed call. Every field may be missing: not every failure has a body. */
export interface DarajaErrorDetails {
  /** Daraja's `requestId`, to quote to Safaricom support. */
  requestId?: string | undefined;
  /** Daraja's `errorCode`, e.g. `400.002.02`. */
  errorCode?: string | undefined;
  /** Daraja's `errorMessage`, or a short excerpt of a non-JSON body. */
  errorMessage?: string | undefined;
  /** HTTP status; undefined when no response arrived. */
  httpStatus?: number | undefined;
  /** The underlying error (network failure, abort), if any. */
  cause?: unknown;
}

/** Base class of every error the client throws for a failed Daraja call. */
export class DarajaError extends Error {
  readonly requestId: string | undefined;
  readonly errorCode: string | undefined;
  readonly errorMessage: string | undefined;
  readonly httpStatus: number | undefined;

  /** Creates an error; `message` is for humans, `details` for code. */
  constructor(message: string, details: DarajaErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = new.target.name;
    this.requestId = details.requestId;
    this.errorCode = details.errorCode;
    this.errorMessage = details.errorMessage;
    this.httpStatus = details.httpStatus;
  }
}

/** OAuth refused the consumer key/secret (empty 400 body) or the request itself (`400.008.xx`). */
export class AuthenticationError extends DarajaError {}

/** The bearer token was rejected (`404.001.03`, `401.002.01`, `400.003.01`): expired, from another environment, or the app lacks the API product. */
export class InvalidTokenError extends DarajaError {}

/** Daraja rejected a field (`400.002.02 Bad Request - Invalid <Field>`) or the payload. */
export class BadRequestError extends DarajaError {
  /** The field named in `Bad Request - Invalid <Field>`, as Daraja spells it (e.g. `PhoneNumber`). */
  readonly field: string | undefined;

  /** Creates the error, keeping the field Daraja named. */
  constructor(message: string, details: DarajaErrorDetails & { field?: string | undefined } = {}) {
    super(message, details);
    this.field = details.field;
  }
}

/** STK Password does not match shortcode + passkey + timestamp (`500.001.1001 [MerchantValidate] - Wrong credentials`). */
export class WrongCredentialsError extends DarajaError {}

/** The shortcode is not a Lipa na M-Pesa merchant in this environment (`500.001.1001 Merchant does not exist`). */
export class MerchantError extends DarajaError {}

/** The customer's phone already has an open STK/USSD session (`500.001.1001 Unable to lock subscriber…`). */
export class SubscriberLockedError extends DarajaError {}

/** STK query asked before a result exists (legacy `500.001.1001 The transaction is being processed`). */
export class TransactionInProgressError extends DarajaError {}

/** A client-supplied OriginatorConversationID was reused (`500.002.1001`). */
export class DuplicateRequestError extends DarajaError {}

/** Spike arrest, quota or "system is busy" (`500.003.02`, `500.003.03`, HTTP 429): retrying later may succeed. */
export class RateLimitError extends DarajaError {}

/** Any other 5xx, including HTML and empty bodies from the gateway, and unreadable success bodies. */
export class ServerError extends DarajaError {}

/** No HTTP response arrived (DNS, TLS, connection reset). */
export class NetworkError extends DarajaError {}

/** The request took longer than the configured timeout and was aborted. */
export class TimeoutError extends DarajaError {}
