import { describe, expect, it } from 'vitest';
import { DarajaHosts, DarajaPaths } from './wire/index.js';
import { DarajaClient } from './daraja-client.js';
import {
  AuthenticationError,
  InvalidTokenError,
  RateLimitError,
  ServerError,
  TimeoutError,
} from './errors/daraja-error.js';
import { DarajaValidationError } from './errors/daraja-validation-error.js';
import { fakeDaraja, hang, json, text } from './test-support/fake-daraja.js';
import { testClient } from './test-support/test-client.js';

const balanceInput = {
  remarks: 'ok',
  resultUrl: 'https://example.com/result',
  queueTimeOutUrl: 'https://example.com/timeout',
};
const invalidToken = () =>
  json(404, { requestId: 'r', errorCode: '404.001.03', errorMessage: 'Invalid Access Token' });

describe('DarajaClient', () => {
  it('asks OAuth with Basic base64(key:secret) and grant_type=client_credentials', async () => {
    const daraja = fakeDaraja();
    await testClient(daraja.fetch).oauth.getAccessToken();
    const request = daraja.oauthRequests()[0];
    expect(request?.method).toBe('GET');
    expect(request?.url.searchParams.get('grant_type')).toBe('client_credentials');
    expect(request?.headers['authorization']).toBe(`Basic ${Buffer.from('key:secret').toString('base64')}`);
  });

  it('sends 10 parallel API calls with one OAuth request', async () => {
    const daraja = fakeDaraja();
    const client = testClient(daraja.fetch);
    await Promise.all(Array.from({ length: 10 }, () => client.accountBalance.query(balanceInput)));
    expect(daraja.oauthRequests()).toHaveLength(1);
    expect(daraja.apiRequests()).toHaveLength(10);
  });

  it('refreshes the token ahead of expiry using the injected clock', async () => {
    let clock = 0;
    const daraja = fakeDaraja();
    const client = testClient(daraja.fetch, { now: () => clock, tokenRefreshMarginMs: 30_000 });
    await client.accountBalance.query(balanceInput);
    clock = 3_568_000;
    await client.accountBalance.query(balanceInput);
    expect(daraja.oauthRequests()).toHaveLength(1);
    clock = 3_569_000;
    await client.accountBalance.query(balanceInput);
    expect(daraja.oauthRequests()).toHaveLength(2);
    expect(daraja.apiRequests().map((request) => request.headers['authorization'])).toEqual([
      'Bearer token-1',
      'Bearer token-1',
      'Bearer token-2',
    ]);
  });

  it('refreshes the token once and resends when Daraja rejects the token', async () => {
    let calls = 0;
    const daraja = fakeDaraja({
      api: async () => ((calls += 1) === 1 ? invalidToken() : json(200, { ResponseCode: '0' })),
    });
    await expect(testClient(daraja.fetch).accountBalance.query(balanceInput)).resolves.toEqual({
      ResponseCode: '0',
    });
    expect(daraja.oauthRequests()).toHaveLength(2);
    expect(daraja.apiRequests().map((request) => request.headers['authorization'])).toEqual([
      'Bearer token-1',
      'Bearer token-2',
    ]);
  });

  it('gives up with InvalidTokenError when the fresh token is rejected too', async () => {
    const daraja = fakeDaraja({ api: async () => invalidToken() });
    await expect(testClient(daraja.fetch).accountBalance.query(balanceInput)).rejects.toBeInstanceOf(
      InvalidTokenError,
    );
    expect(daraja.apiRequests()).toHaveLength(2);
  });

  it('does not refresh on a rejected token when refreshOnInvalidToken is false', async () => {
    const daraja = fakeDaraja({ api: async () => invalidToken() });
    const client = testClient(daraja.fetch, { refreshOnInvalidToken: false });
    await expect(client.accountBalance.query(balanceInput)).rejects.toBeInstanceOf(InvalidTokenError);
    expect(daraja.apiRequests()).toHaveLength(1);
  });

  it('reports wrong consumer credentials (empty OAuth 400) as AuthenticationError without the secret in the message', async () => {
    const daraja = fakeDaraja({ oauth: async () => text(400, '', 'text/plain') });
    const error = await testClient(daraja.fetch, { consumerSecret: 'super-secret-value' })
      .accountBalance.query(balanceInput)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(String((error as Error).message)).not.toContain('super-secret-value');
    expect(JSON.stringify(error)).not.toContain('super-secret-value');
  });

  it('retries a rate-limited call with backoff when retries are enabled', async () => {
    const delays: number[] = [];
    let calls = 0;
    const daraja = fakeDaraja({
      api: async () =>
        (calls += 1) <= 2
          ? json(500, {
              requestId: 'r',
              errorCode: '500.003.02',
              errorMessage: 'Error Occurred: Spike Arrest Violation',
            })
          : json(200, { ResponseCode: '0' }),
    });
    const client = testClient(daraja.fetch, {
      retry: { retries: 3, baseDelayMs: 50, sleep: async (ms) => void delays.push(ms) },
    });
    await expect(client.accountBalance.query(balanceInput)).resolves.toEqual({ ResponseCode: '0' });
    expect(delays).toEqual([50, 100]);
  });

  it('retries a rate-limited OAuth request without nesting retry loops', async () => {
    const daraja = fakeDaraja({ oauth: async () => text(429, '', 'text/plain') });
    const client = testClient(daraja.fetch, { retry: { retries: 2, sleep: async () => undefined } });
    await expect(client.accountBalance.query(balanceInput)).rejects.toBeInstanceOf(RateLimitError);
    expect(daraja.oauthRequests()).toHaveLength(3);
    expect(daraja.apiRequests()).toHaveLength(0);
  });

  it('does not retry by default', async () => {
    const daraja = fakeDaraja({
      api: async () =>
        json(500, { requestId: 'r', errorCode: '500.003.03', errorMessage: 'Quota Violation' }),
    });
    await expect(testClient(daraja.fetch).accountBalance.query(balanceInput)).rejects.toBeInstanceOf(
      RateLimitError,
    );
    expect(daraja.apiRequests()).toHaveLength(1);
  });

  it('never retries a server error, which may already have moved money', async () => {
    const daraja = fakeDaraja({ api: async () => text(503, '<html>down</html>') });
    const client = testClient(daraja.fetch, { retry: { retries: 3, sleep: async () => undefined } });
    await expect(client.accountBalance.query(balanceInput)).rejects.toBeInstanceOf(ServerError);
    expect(daraja.apiRequests()).toHaveLength(1);
  });

  it('times out a stalled call using the configured timeout', async () => {
    const daraja = fakeDaraja({ api: hang });
    await expect(
      testClient(daraja.fetch, { timeoutMs: 20 }).accountBalance.query(balanceInput),
    ).rejects.toBeInstanceOf(TimeoutError);
  });

  it.each([
    [{ environment: 'sandbox' as const }, DarajaHosts.sandbox],
    [{ environment: 'production' as const }, DarajaHosts.production],
    [{ baseUrl: 'http://127.0.0.1:4010/' }, 'http://127.0.0.1:4010'],
  ])('sends requests to the host chosen by %j', async (hostConfig, origin) => {
    const daraja = fakeDaraja();
    await testClient(daraja.fetch, { environment: undefined, ...hostConfig }).oauth.getAccessToken();
    expect(daraja.requests[0]?.url.origin).toBe(new URL(origin).origin);
    expect(daraja.requests[0]?.url.pathname).toBe(DarajaPaths.oauth);
  });

  it.each([
    [{ consumerKey: '' }, 'consumerKey'],
    [{ consumerSecret: undefined as unknown as string }, 'consumerSecret'],
    [{ baseUrl: 'not a url' }, 'baseUrl'],
    [{ environment: 'staging' as never }, 'environment'],
    [{ timeoutMs: 0 }, 'timeoutMs'],
    [{ retry: { retries: -1 } }, 'retry.retries'],
  ])('refuses the configuration %j at construction', (change, field) => {
    expect(() => testClient(fakeDaraja().fetch, change)).toThrow(DarajaValidationError);
    expect(() => testClient(fakeDaraja().fetch, change)).toThrow(
      new RegExp(`^${field.replace('.', '\\.')}:`),
    );
  });

  it('defaults to the sandbox and the global fetch', () => {
    const client = new DarajaClient({ consumerKey: 'k', consumerSecret: 's' });
    expect(client.stk).toBeDefined();
  });
});
