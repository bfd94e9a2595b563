import { describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  BadRequestError,
  NetworkError,
  ServerError,
  TimeoutError,
  WrongCredentialsError,
} from '../errors/daraja-error.js';
import { hang, json, text } from '../test-support/fake-daraja.js';
import type { FetchLike } from './transport.js';
import { Transport } from './transport.js';

const post = {
  method: 'POST',
  path: '/mpesa/stkpush/v1/processrequest',
  authorization: 'Bearer t',
  body: {},
  endpoint: 'api',
} as const;

function transportWith(fetch: FetchLike, timeoutMs = 1000): Transport {
  return new Transport({ baseUrl: 'https://sandbox.safaricom.co.ke/', fetch, timeoutMs });
}

describe('Transport', () => {
  it('sends JSON with the authorization header to the base URL plus path', async () => {
    let seen: { url: string; init: RequestInit } | undefined;
    const transport = transportWith(async (url, init) => {
      seen = { url, init };
      return json(200, { ResponseCode: '0' });
    });
    await expect(transport.send({ ...post, body: { Amount: 1 } })).resolves.toEqual({ ResponseCode: '0' });
    expect(seen?.url).toBe('https://sandbox.safaricom.co.ke/mpesa/stkpush/v1/processrequest');
    expect(seen?.init.body).toBe('{"Amount":1}');
    expect(new Headers(seen?.init.headers).get('content-type')).toBe('application/json');
    expect(new Headers(seen?.init.headers).get('authorization')).toBe('Bearer t');
  });

  it('never reports an HTTP 500 as success', async () => {
    const transport = transportWith(async () =>
      json(500, {
        requestId: 'r',
        errorCode: '500.001.1001',
        errorMessage: '[MerchantValidate] - Wrong credentials',
      }),
    );
    await expect(transport.send(post)).rejects.toBeInstanceOf(WrongCredentialsError);
  });

  it('turns an HTML 503 into a ServerError', async () => {
    const transport = transportWith(async () => text(503, '<html><h1>503 Service Unavailable</h1></html>'));
    const error = await transport.send(post).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({
      httpStatus: 503,
      errorMessage: '<html><h1>503 Service Unavailable</h1></html>',
    });
  });

  it('turns an empty OAuth 400 into an AuthenticationError', async () => {
    const transport = transportWith(async () => text(400, '', 'text/plain'));
    await expect(
      transport.send({
        method: 'GET',
        path: '/oauth/v1/generate',
        authorization: 'Basic x',
        endpoint: 'oauth',
      }),
    ).rejects.toBeInstanceOf(AuthenticationError);
  });

  it('treats a 200 carrying an error envelope as the error it describes', async () => {
    const transport = transportWith(async () =>
      json(200, { requestId: 'r', errorCode: '400.002.02', errorMessage: 'Bad Request - Invalid Amount' }),
    );
    const error = await transport.send(post).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ field: 'Amount', httpStatus: 400 });
  });

  it('treats a 200 whose body is not JSON as a ServerError', async () => {
    const transport = transportWith(async () => text(200, '<html>maintenance</html>'));
    await expect(transport.send(post)).rejects.toBeInstanceOf(ServerError);
  });

  it('wraps a failed connection in a NetworkError that keeps the cause', async () => {
    const cause = new TypeError('fetch failed');
    const transport = transportWith(async () => {
      throw cause;
    });
    const error = await transport.send(post).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as Error).cause).toBe(cause);
  });

  it('aborts a stalled request after the timeout with a TimeoutError', async () => {
    const transport = transportWith(
      (_url, init) => hang({ signal: init.signal ?? undefined } as Parameters<typeof hang>[0]),
      20,
    );
    await expect(transport.send(post)).rejects.toBeInstanceOf(TimeoutError);
  });

  it('lets a per-call timeout override the default', async () => {
    const transport = transportWith(
      (_url, init) => hang({ signal: init.signal ?? undefined } as Parameters<typeof hang>[0]),
      60_000,
    );
    await expect(transport.send({ ...post, timeoutMs: 10 })).rejects.toBeInstanceOf(TimeoutError);
  });

  it('rethrows the caller’s abort reason unchanged', async () => {
    const controller = new AbortController();
    const reason = new Error('user gave up');
    const transport = transportWith((_url, init) =>
      hang({ signal: init.signal ?? undefined } as Parameters<typeof hang>[0]),
    );
    const pending = transport.send({ ...post, signal: controller.signal });
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
  });
});
