import type { TokenResponse } from '../wire/index.js';
import { AuthenticationError } from '../errors/daraja-error.js';

/** Daraja's documented token lifetime, used when `expires_in` is missing or unreadable. */
const DEFAULT_TTL_SECONDS = 3599;

/** A token and the clock reading after which it must not be used. */
interface CachedToken {
  value: string;
  refreshAt: number;
}

export interface TokenCacheOptions {
  /** Fetches a fresh token from OAuth. */
  fetchToken: () => Promise<TokenResponse>;
  /** Milliseconds since the epoch. */
  now: () => number;
  /** Refresh this long before expiry so a token never expires in flight (capped at half the lifetime). */
  refreshMarginMs?: number | undefined;
}

/** Reads `expires_in`, which Daraja sends as a string ("3599") and its docs show as a number. */
export function parseExpiresIn(value: unknown): number {
  const seconds = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0
    ? seconds
    : DEFAULT_TTL_SECONDS;
}

/**
 * Caches one OAuth token and refreshes it ahead of expiry. Concurrent callers share one in-flight
 * refresh, which matters because Daraja revokes the previous token whenever a new one is issued.
 */
export class TokenCache {
  readonly #options: TokenCacheOptions;
  #cached: CachedToken | undefined;
  #inFlight: Promise<string> | undefined;

  /** Creates an empty cache. */
  constructor(options: TokenCacheOptions) {
    this.#options = options;
  }

  /** Returns a valid token, fetching one only when none is cached or it is due for refresh. */
  get(): Promise<string> {
    const cached = this.#cached;
    if (cached !== undefined && this.#options.now() < cached.refreshAt) return Promise.resolve(cached.value);
    return this.refresh();
  }

  /** Fetches a new token now, unless a fetch is already running, in which case its result is shared. */
  refresh(): Promise<string> {
    this.#inFlight ??= this.#fetch().finally(() => {
      this.#inFlight = undefined;
    });
    return this.#inFlight;
  }

  /** Forgets the cached token; with `token`, only if it is still the cached one (so a stale failure cannot evict a fresh token). */
  invalidate(token?: string): void {
    if (token === undefined || this.#cached?.value === token) this.#cached = undefined;
  }

  async #fetch(): Promise<string> {
    // Counted from before the request: Daraja issued the token no earlier, so the lifetime is never overestimated.
    const requestedAt = this.#options.now();
    const response = await this.#options.fetchToken();
    const value = (response as Partial<TokenResponse>).access_token;
    if (typeof value !== 'string' || value === '') {
      throw new AuthenticationError('Daraja OAuth answered without an access_token');
    }
    const ttlMs = parseExpiresIn(response.expires_in) * 1000;
    const margin = Math.min(this.#options.refreshMarginMs ?? 60_000, ttlMs / 2);
    this.#cached = { value, refreshAt: requestedAt + ttlMs - margin };
    return value;
  }
}
