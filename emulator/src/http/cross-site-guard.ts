import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import { ControlError } from '../control/control-error.js';

/** Content types a page on another site may POST without the browser asking first (a "simple" request). */
const SIMPLE_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Why a request comes from a page on another site, or undefined when it does not: an `Origin` that is not
 * the emulator's own (the scheme and host:port the request was sent to) nor a configured one, or a
 * `Sec-Fetch-Site` other than same-origin or none (typed in, or not a browser). Clients that are not
 * browsers send neither header.
 */
export function foreignOrigin(req: IncomingMessage, allowedOrigins: readonly string[]): string | undefined {
  const origin = req.headers.origin;
  const configured = origin !== undefined && allowedOrigins.includes(origin);
  if (origin !== undefined && !configured && !isOwnOrigin(origin, req.headers.host)) {
    return `its Origin ${origin} is not the emulator's own`;
  }
  const site = req.headers['sec-fetch-site'];
  if (typeof site === 'string' && site !== 'same-origin' && site !== 'none' && !configured) {
    return `the browser says it comes from a ${site} page`;
  }
  return undefined;
}

function isOwnOrigin(origin: string, host: string | undefined): boolean {
  if (host === undefined) return false;
  try {
    const o = new URL(origin);
    const h = new URL(`${o.protocol}//${host}`);
    return o.hostname === h.hostname && o.port === h.port;
  } catch {
    return false;
  }
}

/**
 * Refuses state-changing control requests that a page on another site could have made a browser send: from
 * a foreign origin, or with a body type a page may send without a preflight (a form or plain text; the
 * control API reads JSON and YAML). Reads need no guard: the browser keeps their answers from other sites.
 */
export function crossSiteGuard(allowedOrigins: readonly string[]): RequestHandler {
  return (req, _res, next) => {
    if (READS.has(req.method)) return next();
    const foreign = foreignOrigin(req, allowedOrigins);
    if (foreign) {
      return next(
        new ControlError(
          403,
          'cross_site',
          `Refused: ${foreign}, and a page on another site may not change the emulator. Add the page's origin with --cors-origin to allow it.`,
        ),
      );
    }
    const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (SIMPLE_TYPES.includes(type)) {
      return next(
        new ControlError(
          415,
          'unsupported_media_type',
          `The control API takes JSON (Content-Type: application/json), not ${type}.`,
        ),
      );
    }
    next();
  };
}
