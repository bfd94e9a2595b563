import { describe, expect, it } from 'vitest';
import type { TokenResponse } from '../wire/index.js';
import { AuthenticationError } from '../errors/daraja-error.js';
import { parseExpiresIn, TokenCache } from './token-cache.js';

function counterFetch(expiresIn: string | number = '3599') {
  let issued = 0;
  const fetchToken = async (): Promise<TokenResponse> => {
    issued += 1;
    await new Promise((resolve) => setTimeout(resolve, 5));
    return { access_token: `token-${issued}`, expires_in: expiresIn as string };
  };
  return { fetchToken, issued: () => issued };
}

describe('TokenCache', () => {
  it('shares one OAuth request among 10 concurrent callers', async () => {
    const oauth = counterFetch();
    const cache = new TokenCache({ fetchToken: oauth.fetchToken, now: () => 0 });
    const tokens = await Promise.all(Array.from({ length: 10 }, () => cache.get()));
    expect(oauth.issued()).toBe(1);
    expect(new Set(tokens)).toEqual(new Set(['token-1']));
  });

  it('reuses the cached token until the refresh margin before expiry', async () => {
    let clock = 0;
    const oauth = counterFetch('3599');
    const cache = new TokenCache({ fetchToken: oauth.fetchToken, now: () => clock, refreshMarginMs: 60_000 });
    await cache.get();
    clock = (3599 - 61) * 1000;
    await expect(cache.get()).resolves.toBe('token-1');
    clock = (3599 - 60) * 1000;
    await expect(cache.get()).resolves.toBe('token-2');
    expect(oauth.issued()).toBe(2);
  });

  it('accepts expires_in as a number as well as a string', async () => {
    let clock = 0;
    const oauth = counterFetch(120);
    const cache = new TokenCache({ fetchToken: oauth.fetchToken, now: () => clock, refreshMarginMs: 10_000 });
    await cache.get();
    clock = 109_999;
    await expect(cache.get()).resolves.toBe('token-1');
    clock = 110_000;
    await expect(cache.get()).resolves.toBe('token-2');
  });

  it('shares one refresh among concurrent callers once the token is stale', async () => {
    let clock = 0;
    const oauth = counterFetch();
    const cache = new TokenCache({ fetchToken: oauth.fetchToken, now: () => clock });
    await cache.get();
    clock = 3600 * 1000;
    await Promise.all(Array.from({ length: 10 }, () => cache.get()));
    expect(oauth.issued()).toBe(2);
  });

  it('lets the next caller try again after a failed refresh', async () => {
    let fail = true;
    const cache = new TokenCache({
      fetchToken: async () => {
        if (fail) throw new AuthenticationError('empty 400');
        return { access_token: 'good', expires_in: '3599' };
      },
      now: () => 0,
    });
    await expect(cache.get()).rejects.toBeInstanceOf(AuthenticationError);
    fail = false;
    await expect(cache.get()).resolves.toBe('good');
  });

  it('only evicts the token a failed call used, so a stale failure cannot evict a fresh token', async () => {
    const oauth = counterFetch();
    const cache = new TokenCache({ fetchToken: oauth.fetchToken, now: () => 0 });
    await cache.get();
    await cache.refresh();
    cache.invalidate('token-1');
    await expect(cache.get()).resolves.toBe('token-2');
    cache.invalidate('token-2');
    await expect(cache.get()).resolves.toBe('token-3');
  });

  it('rejects an OAuth answer without an access_token', async () => {
    const cache = new TokenCache({
      fetchToken: async () => ({ expires_in: '3599' }) as unknown as TokenResponse,
      now: () => 0,
    });
    await expect(cache.get()).rejects.toBeInstanceOf(AuthenticationError);
  });
});

describe('parseExpiresIn', () => {
  it.each([
    ['3599', 3599],
    [3599, 3599],
    [' 120 ', 120],
    ['', 3599],
    ['soon', 3599],
    [undefined, 3599],
    [-5, 3599],
  ])('reads %j as %d seconds', (input, seconds) => {
    expect(parseExpiresIn(input)).toBe(seconds);
  });
});
