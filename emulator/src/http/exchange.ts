import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseQuery, type ParsedUrlQuery } from 'node:querystring';
import { endpointKey } from './endpoint-key.js';
import type { RequestContext } from './request-context.js';

/**
 * One Daraja request on its way through the gateway: node's request and response, the path it was sent
 * to, its parsed body, and what the journal learns about it. Daraja traffic is served on node's own
 * objects rather than a framework's, so that the cost per request stays close to that of node:http.
 */
export class Exchange {
  readonly method: string;
  /** The path as sent, without the query string (case and trailing slash kept, for the journal). */
  readonly path: string;
  /** Which endpoint the path designates (see endpointKey): routing, faults and the journal all use it. */
  readonly route: string;
  /** The JSON object the client sent; `{}` when the body was missing or not a JSON object. */
  body: Record<string, unknown> = {};
  /** Why the body, sent as JSON, is not a JSON object (a syntax error, an array); unset otherwise. */
  malformed: string | undefined;
  /** The whole JSON value sent, whatever its type (Bill Manager's bulk calls post arrays); undefined when not JSON. */
  json: unknown = undefined;
  readonly ctx: RequestContext;
  /**
   * Runs when the answer is complete (status, headers and body set) and just before it is handed to node:
   * the gateway journals the exchange and makes the request's writes durable there. When it throws,
   * nothing was sent.
   */
  beforeAnswer: () => void = noop;
  readonly #search: string;
  #query: ParsedUrlQuery | undefined;

  constructor(
    readonly req: IncomingMessage,
    readonly res: ServerResponse,
    ctx: RequestContext,
  ) {
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    this.method = req.method ?? 'GET';
    this.path = q === -1 ? url : url.slice(0, q);
    this.#search = q === -1 ? '' : url.slice(q + 1);
    this.route = endpointKey(this.path);
    this.ctx = ctx;
  }

  /** The query string's parameters (a repeated one is an array). */
  get query(): ParsedUrlQuery {
    return (this.#query ??= parseQuery(this.#search));
  }
}

const noop = () => undefined;

/** Answers with a JSON body, as Daraja's gateway does for every success. */
export function sendJson(exchange: Exchange, body: unknown, status = 200): void {
  exchange.ctx.responseBody = body;
  sendText(exchange, status, 'application/json; charset=utf-8', JSON.stringify(body));
}

/**
 * Answers with a whole body in one `end` call, headers set (not yet written) until then, so that a fault
 * rule wrapping `end` can still cut the body and correct its length.
 */
export function sendText(exchange: Exchange, status: number, type: string, text: string): void {
  const { res } = exchange;
  res.statusCode = status;
  res.setHeader('Content-Type', type);
  res.setHeader('Content-Length', Buffer.byteLength(text));
  exchange.beforeAnswer();
  res.end(text);
}
