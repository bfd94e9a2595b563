import { DarajaPaths, type TokenResponse } from '../wire/index.js';
import { TokenCache } from '../auth/token-cache.js';
import type { Transport } from '../http/transport.js';
import { type RetryPolicy, withRetry } from '../http/retry.js';

export interface OAuthApiOptions {
  transport: Transport;
  consumerKey: string;
  consumerSecret: string;
  retry: RetryPolicy;
  now: () => number;
  refreshMarginMs?: number | undefined;
}

/** `GET /oauth/v1/generate`: issues bearer tokens and keeps one cached for the other APIs. */
export class OAuthApi {
  readonly #cache: TokenCache;

  /** Creates the API; no request is sent until a token is needed. */
  constructor(options: OAuthApiOptions) {
    // Built once and kept private so the secret never appears on an enumerable property.
    const basic = `Basic ${Buffer.from(`${options.consumerKey}:${options.consumerSecret}`).toString('base64')}`;
    const fetchToken = () =>
      withRetry(options.retry, () =>
        options.transport.send<TokenResponse>({
          method: 'GET',
          path: DarajaPaths.oauth,
          query: { grant_type: 'client_credentials' },
          authorization: basic,
          endpoint: 'oauth',
        }),
      );
    this.#cache = new TokenCache({ fetchToken, now: options.now, refreshMarginMs: options.refreshMarginMs });
  }

  /** Returns a cached access token, fetching a new one when none is cached or it is about to expire. */
  getAccessToken(): Promise<string> {
    return this.#cache.get();
  }

  /** Fetches a new token now (concurrent calls share one request); Daraja then revokes the previous token. */
  refreshAccessToken(): Promise<string> {
    return this.#cache.refresh();
  }

  /** Drops the cached token; with `token`, only if it is still the cached one. */
  invalidate(token?: string): void {
    this.#cache.invalidate(token);
  }
}
