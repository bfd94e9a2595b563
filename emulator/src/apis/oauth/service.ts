/**
 * Emulates Daraja's OAuth: client-credentials tokens for Basic-authenticated apps. Tokens are 28
 * alphanumeric characters, expire on the emulator clock, and belong to the app that got them.
 * Simplified: no API products; any app may call every API.
 */
import { createHash } from 'node:crypto';
import { DarajaErrors, type TokenResponse } from 'daraja-client/wire';
import type { AppConfig, Settings } from 'daraja-client/emulator';
import type { Collection, Store } from '../../store/store.js';
import type { Clock } from '../../time/clock.js';
import type { IdFactory } from '../../ids/ids.js';
import { DarajaError } from '../../http/daraja-error.js';

interface TokenRecord {
  id: string;
  appId: string;
  issuedAt: number;
  expiresAt: number;
  revoked?: boolean;
}

/**
 * Tokens are stored under their SHA-256, never in clear: the data file is not a source of working bearer
 * tokens, and a token still verifies after a restart.
 */
function tokenKey(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/**
 * The keys of recently seen tokens, so that an app calling with the same token again and again is not
 * hashed on every request. Bounded: emptied when full.
 */
const RECENT_KEYS_MAX = 1_024;

export type TokenCheck = { ok: true; appId: string } | { ok: false; reason: string };

export class OAuthService {
  readonly #tokens: Collection<TokenRecord>;
  readonly #latest = new Map<string, string>();
  readonly #recentKeys = new Map<string, string>();

  constructor(
    store: Store,
    private readonly clock: Clock,
    private readonly ids: IdFactory,
    private readonly settings: () => Settings['oauth'],
    private readonly apps: () => AppConfig[],
  ) {
    this.#tokens = store.collection<TokenRecord>('tokens', { cap: 50_000 });
  }

  /** Issues a token for `Authorization: Basic base64(key:secret)` and `grant_type=client_credentials`. */
  issue(authorization: string | undefined, grantType: unknown): { token: TokenResponse; appId: string } {
    if (!authorization) {
      throw new DarajaError(
        DarajaErrors.invalidAuthentication,
        'There is no Authorization header; send "Basic base64(ConsumerKey:ConsumerSecret)".',
      );
    }
    const [scheme, value] = authorization.trim().split(/\s+/, 2);
    if (!scheme || scheme.toLowerCase() !== 'basic') {
      throw new DarajaError(
        DarajaErrors.invalidAuthentication,
        `The Authorization scheme is "${scheme ?? ''}"; OAuth needs "Basic base64(ConsumerKey:ConsumerSecret)".`,
      );
    }
    if (grantType !== 'client_credentials') {
      throw new DarajaError(
        DarajaErrors.invalidGrantType,
        `grant_type is ${JSON.stringify(grantType ?? null)}; the only value Daraja supports is "client_credentials" (watch for trailing spaces in the URL).`,
      );
    }
    const appId = this.#authenticate(value ?? '');
    const now = this.clock.now();
    const settings = this.settings();
    if (settings.revokePrevious) {
      const previous = this.#latest.get(appId);
      const record = previous ? this.#tokens.get(previous) : undefined;
      if (record) this.#tokens.put({ ...record, revoked: true });
    }
    const accessToken = this.ids.accessToken();
    const token: TokenRecord = {
      id: tokenKey(accessToken),
      appId,
      issuedAt: now,
      expiresAt: now + settings.tokenTtlSeconds * 1000,
    };
    this.#tokens.put(token);
    this.#latest.set(appId, token.id);
    return { token: { access_token: accessToken, expires_in: String(settings.tokenTtlSeconds - 1) }, appId };
  }

  #keyOf(token: string): string {
    let key = this.#recentKeys.get(token);
    if (key === undefined) {
      if (this.#recentKeys.size >= RECENT_KEYS_MAX) this.#recentKeys.clear();
      key = tokenKey(token);
      this.#recentKeys.set(token, key);
    }
    return key;
  }

  /** Checks a bearer token: known, not expired, not revoked, and its app still exists. */
  verify(token: string): TokenCheck {
    const record = this.#tokens.get(this.#keyOf(token));
    if (!record)
      return {
        ok: false,
        reason: 'the access token was never issued by this emulator (or was issued before a reset)',
      };
    if (record.revoked)
      return { ok: false, reason: 'the access token was revoked when the app requested a newer one' };
    const now = this.clock.now();
    if (now >= record.expiresAt) {
      const ago = Math.round((now - record.expiresAt) / 1000);
      return {
        ok: false,
        reason: `the access token expired ${ago} s ago; tokens last ${this.settings().tokenTtlSeconds} s`,
      };
    }
    const app = this.apps().find((a) => a.name === record.appId);
    if (!app && !record.appId.startsWith('key:')) {
      return { ok: false, reason: `the app "${record.appId}" that got this token is no longer configured` };
    }
    return { ok: true, appId: record.appId };
  }

  #authenticate(encoded: string): string {
    const invalid = (reason: string) =>
      new DarajaError(
        this.settings().invalidCredentialsBody === 'empty'
          ? { code: '400', message: '' }
          : DarajaErrors.invalidAuthentication,
        reason,
        { emptyBody: this.settings().invalidCredentialsBody === 'empty', status: 400 },
      );
    const decoded = Buffer.from(encoded, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (!encoded || colon <= 0) {
      throw invalid('The Basic credentials do not decode to "ConsumerKey:ConsumerSecret".');
    }
    const key = decoded.slice(0, colon);
    const secret = decoded.slice(colon + 1);
    const app = this.apps().find((a) => a.consumerKey === key);
    if (app) {
      if (app.consumerSecret !== secret) {
        throw invalid(`The consumer secret does not match the one configured for app "${app.name}".`);
      }
      return app.name;
    }
    if (!this.settings().acceptUnknownApps) {
      throw invalid(
        'No configured app has this consumer key, and unknown apps are not accepted (oauth.acceptUnknownApps is off).',
      );
    }
    if (!secret) throw invalid('The consumer secret is empty.');
    return `key:${key}`;
  }
}
