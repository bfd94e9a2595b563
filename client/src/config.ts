import { DarajaHosts } from './wire/index.js';
import { DarajaValidationError } from './errors/daraja-validation-error.js';
import type { FetchLike } from './http/transport.js';
import type { RetryOptions } from './http/retry.js';
import { requireText } from './validation/validate-input.js';

/** Safaricom's two environments. */
export type DarajaEnvironment = keyof typeof DarajaHosts;

/** Everything `new DarajaClient(config)` accepts. Only the consumer key and secret are always required. */
export interface DarajaClientConfig {
  consumerKey: string;
  consumerSecret: string;
  /** Picks Safaricom's host (default `sandbox`); `baseUrl` overrides the host. `production` also enforces https callback URLs. */
  environment?: DarajaEnvironment | undefined;
  /** An explicit host, e.g. a local emulator (`http://127.0.0.1:4010`). */
  baseUrl?: string | undefined;
  /** Default business shortcode (STK BusinessShortCode, C2B ShortCode, initiator PartyA). */
  shortcode?: string | number | undefined;
  /** Lipa na M-Pesa Online passkey for `shortcode`; needed for STK push and query. */
  passkey?: string | undefined;
  /** API operator username for B2C, Transaction Status, Account Balance and Reversal. */
  initiatorName?: string | undefined;
  /** API operator password; encrypted with `certificate` to build the SecurityCredential. */
  initiatorPassword?: string | undefined;
  /** Safaricom's certificate for this environment, as a PEM string. */
  certificate?: string | undefined;
  /** A ready SecurityCredential (e.g. from the portal); used instead of password + certificate. */
  securityCredential?: string | undefined;
  /** Replaces the global fetch (Node 20's by default). */
  fetch?: FetchLike | undefined;
  /** Per-request timeout; default 30 000 ms. */
  timeoutMs?: number | undefined;
  /** Clock in milliseconds since the epoch, for Timestamps and token expiry. */
  now?: (() => number) | undefined;
  /** Retries for transient failures; off unless `retries` > 0. */
  retry?: RetryOptions | undefined;
  /** Fetch a fresh token and resend once when Daraja rejects the token; default true. */
  refreshOnInvalidToken?: boolean | undefined;
  /** Refresh the token this long before it expires; default 60 000 ms. */
  tokenRefreshMarginMs?: number | undefined;
  /** Generates B2C v3 OriginatorConversationIDs; default `crypto.randomUUID`. */
  generateId?: (() => string) | undefined;
}

/** The base URL a configuration points at. */
export function resolveBaseUrl(config: Pick<DarajaClientConfig, 'environment' | 'baseUrl'>): string {
  if (config.baseUrl !== undefined) {
    try {
      return new URL(config.baseUrl).toString().replace(/\/+$/, '');
    } catch {
      throw new DarajaValidationError(
        'baseUrl',
        `must be an absolute URL; got ${JSON.stringify(config.baseUrl)}`,
      );
    }
  }
  const environment = config.environment ?? 'sandbox';
  if (!(environment in DarajaHosts)) {
    throw new DarajaValidationError(
      'environment',
      `must be "sandbox" or "production"; got "${String(environment)}"`,
    );
  }
  return DarajaHosts[environment];
}

/** Checks the settings every call needs, so a misconfiguration fails at construction, not at the first payment. */
export function checkConfig(config: DarajaClientConfig): void {
  requireText(config.consumerKey, 'consumerKey', 256);
  requireText(config.consumerSecret, 'consumerSecret', 256);
  if (config.timeoutMs !== undefined && !(config.timeoutMs > 0)) {
    throw new DarajaValidationError('timeoutMs', 'must be a positive number of milliseconds');
  }
  const retries = config.retry?.retries;
  if (retries !== undefined && !(Number.isInteger(retries) && retries >= 0)) {
    throw new DarajaValidationError('retry.retries', 'must be a whole number ≥ 0');
  }
}
