import { DarajaPaths } from '../wire/index.js';
import type { FetchLike } from '../http/transport.js';

/** A request the fake received, decoded for assertions. */
export interface RecordedRequest {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body: unknown;
  signal: AbortSignal | undefined;
}

export type FakeHandler = (request: RecordedRequest) => Response | Promise<Response>;

/** Builds a JSON response. */
export function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

/** Builds a non-JSON response (HTML pages, empty bodies). */
export function text(status: number, body: string, contentType = 'text/html'): Response {
  return new Response(body, { status, headers: { 'Content-Type': contentType } });
}

/** A response that never arrives until the request is aborted, like a stalled gateway. */
export function hang(request: RecordedRequest): Promise<Response> {
  return new Promise((_resolve, reject) => {
    request.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')), {
      once: true,
    });
  });
}

export interface FakeDarajaOptions {
  /** Answers every non-OAuth request; default: an initiator-style ack. */
  api?: FakeHandler | undefined;
  /** Answers OAuth; default: `token-<n>` with `expires_in` "3599". */
  oauth?: FakeHandler | undefined;
}

/** A stand-in for Daraja behind an injected fetch: records every request and counts tokens issued. */
export function fakeDaraja(options: FakeDarajaOptions = {}) {
  const requests: RecordedRequest[] = [];
  let tokensIssued = 0;
  const fetch: FetchLike = async (url, init) => {
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    const request: RecordedRequest = {
      url: new URL(url),
      method: init.method ?? 'GET',
      headers,
      body: typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
      signal: init.signal ?? undefined,
    };
    requests.push(request);
    if (request.url.pathname === DarajaPaths.oauth) {
      if (options.oauth !== undefined) return options.oauth(request);
      tokensIssued += 1;
      return json(200, { access_token: `token-${tokensIssued}`, expires_in: '3599' });
    }
    if (options.api !== undefined) return options.api(request);
    return json(200, {
      ConversationID: 'AG_20261006_2010a1b2c3d4e5f6a7b8',
      OriginatorConversationID: 'b0f3c8a2-5d1e-4a8b-9c77-2f1e6d3a9b10',
      ResponseCode: '0',
      ResponseDescription: 'Accept the service request successfully.',
    });
  };
  return {
    fetch,
    requests,
    oauthRequests: () => requests.filter((request) => request.url.pathname === DarajaPaths.oauth),
    apiRequests: () => requests.filter((request) => request.url.pathname !== DarajaPaths.oauth),
  };
}
