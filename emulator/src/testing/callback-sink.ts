import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_WAIT_MS, withDeadline } from './deadline.js';

/** One request the sink received. */
export interface SinkRequest {
  method: string;
  /** Path and query, e.g. `/stk`. */
  path: string;
  headers: IncomingHttpHeaders;
  /** Parsed JSON, or the raw text when the body is not JSON. */
  body: unknown;
  raw: string;
}

/** The answer the sink gives: a status and an optional JSON body, or (`hang`) no answer at all. */
export interface SinkReply {
  status: number;
  body?: unknown;
  /** Never answer: the caller times out (the connection is closed when the sink closes). */
  hang?: boolean;
}

/** What a merchant's endpoint usually answers; C2B validation reads it as "accept". */
export const ACCEPTED: SinkReply = { status: 200, body: { ResultCode: 0, ResultDesc: 'Accepted' } };

export interface CallbackSinkOptions {
  /** A status, a reply, or a function choosing the reply per request; default `ACCEPTED`. */
  reply?: number | SinkReply | ((request: SinkRequest) => SinkReply);
  /** Called for every request with the reply chosen, e.g. to print it. */
  onRequest?: (request: SinkRequest, reply: SinkReply) => void;
}

/**
 * A local HTTP server that records every body posted to it and answers 200 with `ACCEPTED` (or what it is
 * told), so a test needs no callback server of its own. Any path works: `sink.url + '/stk'` and
 * `sink.url + '/c2b'` both record.
 */
export class CallbackSink {
  /** Everything received, oldest first. */
  readonly requests: SinkRequest[] = [];
  #reply: NonNullable<CallbackSinkOptions['reply']>;
  readonly #onRequest: CallbackSinkOptions['onRequest'];
  #taken = 0;
  #waiters: (() => void)[] = [];
  readonly #server: Server;
  #url = '';

  constructor(options: CallbackSinkOptions = {}) {
    this.#reply = options.reply ?? ACCEPTED;
    this.#onRequest = options.onRequest;
    this.#server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const request: SinkRequest = {
          method: req.method ?? 'POST',
          path: req.url ?? '/',
          headers: req.headers,
          body: parse(raw),
          raw,
        };
        this.requests.push(request);
        const reply = this.#replyFor(request);
        this.#onRequest?.(request, reply);
        if (!reply.hang) {
          res.writeHead(reply.status, { 'Content-Type': 'application/json' });
          res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
        }
        const waiters = this.#waiters;
        this.#waiters = [];
        for (const w of waiters) w();
      });
    });
  }

  /** Base URL, e.g. `http://127.0.0.1:41234`; append any path. */
  get url(): string {
    return this.#url;
  }

  /** Changes the answer for the requests that follow (e.g. 500 to make deliveries fail). */
  replyWith(reply: NonNullable<CallbackSinkOptions['reply']>): void {
    this.#reply = reply;
  }

  /** The oldest request not yet returned by `next`, waiting for one if needed. */
  async next(timeoutMs = DEFAULT_WAIT_MS): Promise<SinkRequest> {
    const arrived = async (): Promise<SinkRequest> => {
      while (this.#taken >= this.requests.length)
        await new Promise<void>((resolve) => this.#waiters.push(resolve));
      return this.requests[this.#taken++] as SinkRequest;
    };
    return withDeadline(
      arrived(),
      timeoutMs,
      () => `The callback sink at ${this.#url} received nothing within ${timeoutMs} ms.`,
    );
  }

  /** Forgets what was received (the emulator's reset does this for its sinks). */
  clear(): void {
    this.requests.length = 0;
    this.#taken = 0;
  }

  /** Listens on `port` (default a free one) of `host` (default 127.0.0.1). */
  async listen(port = 0, host = '127.0.0.1'): Promise<this> {
    await new Promise<void>((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(port, host, () => resolve());
    });
    const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
    this.#url = `http://${shown}:${(this.#server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    if (!this.#server.listening) return;
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #replyFor(request: SinkRequest): SinkReply {
    const reply = this.#reply;
    if (typeof reply === 'number') return { status: reply };
    return typeof reply === 'function' ? reply(request) : reply;
  }
}

function parse(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}
