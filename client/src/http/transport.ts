import { statusForErrorCode } from '../wire/index.js';
import { DarajaError, NetworkError, ServerError, TimeoutError } from '../errors/daraja-error.js';
import { errorFromResponse } from '../errors/error-from-response.js';

/** The subset of `fetch` the client uses; pass your own to add logging, proxies or test doubles. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** Per-call options accepted by every API method. */
export interface RequestOptions {
  /** Aborts the call; the abort reason is rethrown unchanged. */
  signal?: AbortSignal | undefined;
  /** Overrides the client's timeout for this call. */
  timeoutMs?: number | undefined;
}

/** One HTTP exchange with Daraja. */
export interface TransportRequest extends RequestOptions {
  method: 'GET' | 'POST';
  path: string;
  query?: Record<string, string>;
  authorization: string;
  /** Extra headers some APIs need (Bill Manager's `appKey`). */
  headers?: Record<string, string>;
  body?: unknown;
  endpoint: 'oauth' | 'api';
}

export interface TransportOptions {
  baseUrl: string;
  fetch: FetchLike;
  timeoutMs: number;
}

/** Parses a body as JSON when it is JSON; otherwise keeps the text (gateways answer with HTML or nothing). */
function parseBody(text: string): unknown {
  if (text.trim() === '') return '';
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Sends one request to Daraja and turns every failure into a DarajaError; it never retries. */
export class Transport {
  readonly #options: TransportOptions;

  /** Creates a transport for one base URL. */
  constructor(options: TransportOptions) {
    this.#options = { ...options, baseUrl: options.baseUrl.replace(/\/+$/, '') };
  }

  /** Sends the request and resolves with the parsed JSON body of a 2xx answer. */
  async send<T>(request: TransportRequest): Promise<T> {
    const url = new URL(this.#options.baseUrl + request.path);
    for (const [key, value] of Object.entries(request.query ?? {})) url.searchParams.set(key, value);
    const controller = new AbortController();
    const timeoutMs = request.timeoutMs ?? this.#options.timeoutMs;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const forwardAbort = () => controller.abort(request.signal?.reason);
    request.signal?.addEventListener('abort', forwardAbort, { once: true });
    try {
      if (request.signal?.aborted) throw request.signal.reason;
      const headers: Record<string, string> = {
        ...request.headers,
        Authorization: request.authorization,
        Accept: 'application/json',
      };
      if (request.body !== undefined) headers['Content-Type'] = 'application/json';
      const response = await this.#options.fetch(url.toString(), {
        method: request.method,
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: controller.signal,
      });
      // The body is read under the same timer: a gateway can stall after sending headers.
      const body = parseBody(await response.text());
      return this.#accept<T>(response.status, body, request.endpoint);
    } catch (error) {
      if (timedOut) {
        throw new TimeoutError(
          `No answer from Daraja within ${timeoutMs} ms (${request.method} ${request.path})`,
          {
            cause: error,
          },
        );
      }
      if (request.signal?.aborted) throw request.signal.reason;
      if (error instanceof DarajaError) throw error;
      throw new NetworkError(`Could not reach Daraja (${request.method} ${request.path})`, { cause: error });
    } finally {
      clearTimeout(timer);
      request.signal?.removeEventListener('abort', forwardAbort);
    }
  }

  /** Accepts a 2xx JSON object; anything else, including a 200 carrying an error envelope, becomes an error. */
  #accept<T>(httpStatus: number, body: unknown, endpoint: 'oauth' | 'api'): T {
    if (httpStatus < 200 || httpStatus >= 300) throw errorFromResponse({ httpStatus, body, endpoint });
    if (typeof body !== 'object' || body === null) {
      throw new ServerError(`Daraja answered HTTP ${httpStatus} with a body that is not a JSON object`, {
        httpStatus,
        errorMessage: typeof body === 'string' ? body.slice(0, 200) : undefined,
      });
    }
    const errorCode = (body as Record<string, unknown>)['errorCode'];
    if (typeof errorCode === 'string') {
      throw errorFromResponse({ httpStatus: statusForErrorCode(errorCode), body, endpoint });
    }
    return body as T;
  }
}
