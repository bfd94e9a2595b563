import { InvalidTokenError } from '../errors/daraja-error.js';
import type { OAuthApi } from '../api/oauth-api.js';
import type { RequestOptions, Transport } from './transport.js';
import { type RetryPolicy, withRetry } from './retry.js';

export interface DarajaHttpOptions {
  transport: Transport;
  oauth: OAuthApi;
  retry: RetryPolicy;
  /** On InvalidTokenError, fetch a new token and resend once. */
  refreshOnInvalidToken: boolean;
}

/** Sends authenticated JSON POSTs to Daraja: bearer token, retries, and one token refresh on rejection. */
export class DarajaHttp {
  readonly #options: DarajaHttpOptions;

  /** Creates the HTTP layer shared by every API class. */
  constructor(options: DarajaHttpOptions) {
    this.#options = options;
  }

  /** POSTs `body` to `path` and resolves with the parsed success body. */
  async post<T>(
    path: string,
    body: object,
    options: RequestOptions = {},
    headers?: Record<string, string>,
  ): Promise<T> {
    const { oauth, transport, retry } = this.#options;
    // The body is built once by the caller, so every retry resends identical bytes (same OriginatorConversationID).
    const send = (bearer: string) =>
      withRetry(retry, () =>
        transport.send<T>({
          method: 'POST',
          path,
          body,
          authorization: `Bearer ${bearer}`,
          ...(headers ? { headers } : {}),
          endpoint: 'api',
          signal: options.signal,
          timeoutMs: options.timeoutMs,
        }),
      );
    // The token fetch retries on its own, so it sits outside this call's retry loop (no nested retries).
    const token = await oauth.getAccessToken();
    try {
      return await send(token);
    } catch (error) {
      if (!(error instanceof InvalidTokenError) || !this.#options.refreshOnInvalidToken) throw error;
      // Only evicts the token this call used, so parallel failures trigger one shared refresh, not many.
      oauth.invalidate(token);
      return send(await oauth.getAccessToken());
    }
  }
}
