import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { urlToHttpOptions } from 'node:url';
import { realTimers } from '../time/timers.js';

export interface PostResult {
  status?: number;
  body?: string;
  error?: string;
  durationMs: number;
}

/** Sends one JSON POST; never throws. The poster is injectable so that tests can capture deliveries. */
export type HttpPoster = (url: string, body: string, timeoutMs: number) => Promise<PostResult>;

const MAX_RESPONSE_BYTES = 64 * 1024;

/**
 * Connections to merchants' callback URLs are reused: opening one per callback cost more than the rest of
 * an STK flow together. Idle ones are dropped after 1 s, well before a server's own keep-alive timeout
 * (Node's is 5 s), so a connection is rarely reused just as the server closes it; when that happens anyway
 * the callback is sent again on a new connection, as HTTP allows for a request the server never read.
 */
const agents = {
  'http:': new http.Agent({ keepAlive: true, timeout: 1_000, scheduling: 'lifo' }),
  'https:': new https.Agent({ keepAlive: true, timeout: 1_000, scheduling: 'lifo' }),
};

/** Why a callback may not be sent to an address (the URL's, or one its host name resolved to) and port. */
export type TargetGuard = (address: string, port: number) => string | undefined;

/**
 * POSTs with a hard deadline on the whole exchange (connect, send, read). A target that hangs or trickles
 * has its connection destroyed at the deadline, so it costs one bounded socket and never holds up
 * deliveries to other targets. `guard` sees every address before a connection is made to it.
 */
export function httpPoster(guard?: TargetGuard): HttpPoster {
  return (url, body, timeoutMs) => post(url, body, timeoutMs, guard);
}

export const nodeHttpPoster: HttpPoster = httpPoster();

/** dns.lookup, with every address it finds put to the guard first. */
function guardedLookup(guard: TargetGuard, port: number): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...(options as LookupOptions), all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const list = addresses as LookupAddress[];
      for (const a of list) {
        const reason = guard(a.address, port);
        if (reason) return callback(new Error(`refused: ${reason}`), '', 0);
      }
      if ((options as LookupOptions).all)
        return (callback as (e: null, a: LookupAddress[]) => void)(null, list);
      const first = list[0] as LookupAddress;
      callback(null, first.address, first.family);
    });
  };
}

/** A callback URL taken apart once: merchants send every callback of a run to the same few URLs. */
interface Target {
  https: boolean;
  options: http.RequestOptions;
  port: number;
  /** The host when it is an IP address (checked by the guard before connecting), else undefined. */
  literal: string | undefined;
}

const targets = new Map<string, Target | undefined>();
const MAX_TARGETS = 1_000;

/** The request options for a URL (node's own conversion, auth included); undefined for an invalid URL. */
function targetOf(url: string): Target | undefined {
  if (targets.has(url)) return targets.get(url);
  let target: Target | undefined;
  try {
    const parsed = new URL(url);
    const https = parsed.protocol === 'https:';
    const literal = parsed.hostname.replace(/^\[|\]$/g, '');
    target = {
      https,
      options: urlToHttpOptions(parsed),
      port: parsed.port !== '' ? Number(parsed.port) : https ? 443 : 80,
      literal: isIP(literal) !== 0 ? literal : undefined,
    };
  } catch {
    target = undefined;
  }
  if (targets.size >= MAX_TARGETS) targets.clear();
  targets.set(url, target);
  return target;
}

const post = (url: string, body: string, timeoutMs: number, guard: TargetGuard | undefined) =>
  new Promise<PostResult>((resolve) => {
    const started = process.hrtime.bigint();
    const elapsed = () => Number((process.hrtime.bigint() - started) / 1_000_000n);
    let settled = false;
    let req: http.ClientRequest | undefined;
    const finish = (result: Omit<PostResult, 'durationMs'>) => {
      if (settled) return;
      settled = true;
      realTimers.clearTimeout(deadline);
      resolve({ ...result, durationMs: elapsed() });
    };
    // The deadline is real time on purpose: it bounds a socket, not an event on the emulator clock.
    const deadline = realTimers.setTimeout(() => {
      req?.destroy();
      finish({ error: `timed out after ${timeoutMs} ms` });
    }, timeoutMs);
    const target = targetOf(url);
    if (!target) {
      finish({ error: 'invalid URL' });
      return;
    }
    const transport = target.https ? https : http;
    const { port, literal } = target;
    const refused = guard && literal !== undefined ? guard(literal, port) : undefined;
    if (refused) return finish({ error: `refused: ${refused}` });
    const send = (agent: http.Agent | false) => {
      req = transport.request({
        ...target.options,
        method: 'POST',
        agent,
        // An IP address is connected to without a lookup; it was put to the guard above.
        ...(guard && literal === undefined ? { lookup: guardedLookup(guard, port) } : {}),
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(body),
          'User-Agent': 'daraja-emulator',
        },
      });
      const sent = req;
      sent.on('error', (error: NodeJS.ErrnoException) => {
        if (sent.reusedSocket && error.code === 'ECONNRESET' && agent !== false && !settled)
          return send(false);
        finish({ error: error.code ?? error.message });
      });
      sent.on('response', (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          if (size < MAX_RESPONSE_BYTES) chunks.push(chunk.subarray(0, MAX_RESPONSE_BYTES - size));
          size += chunk.length;
        });
        res.on('end', () =>
          finish({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', (error: NodeJS.ErrnoException) =>
          finish({ status: res.statusCode ?? 0, error: error.code ?? error.message }),
        );
      });
      sent.end(body);
    };
    send(target.https ? agents['https:'] : agents['http:']);
  });
