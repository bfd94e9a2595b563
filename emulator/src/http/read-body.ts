import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import type { ClientError } from './failure.js';

function bodyError(status: number, type: string, message: string): ClientError {
  return Object.assign(new Error(message), { status, type });
}

type Done = (error: unknown, body: Buffer | undefined) => void;

/**
 * Reads a request's body, up to `limitBytes`. A plain body with a Content-Length (what every Daraja client
 * sends) is collected here; chunked and compressed bodies go through body-parser, which handles their
 * framing, inflation and errors (loaded with the first such body, so start-up does not pay for Express).
 * Calls `done` with undefined when the request has no body at all.
 */
export function bodyReader(limitBytes: number): (req: IncomingMessage, done: Done) => void {
  let parser: Promise<RequestHandler> | undefined;
  const general: RequestHandler = (req, res, next) => {
    parser ??= import('express').then(({ default: express }) =>
      express.raw({ type: () => true, limit: limitBytes }),
    );
    parser.then((parse) => parse(req, res, next), next);
  };
  return (req, done) => {
    const { headers } = req;
    const encoding = headers['content-encoding'];
    const length = headers['content-length'];
    // Without a length or a transfer coding a request has no body (RFC 9112, 6.3), whatever its other
    // headers say: body-parser would find none either, so a GET (the token request) never loads it.
    if (length === undefined && headers['transfer-encoding'] === undefined) {
      done(undefined, undefined);
      return;
    }
    if (
      length === undefined ||
      headers['transfer-encoding'] !== undefined ||
      (encoding !== undefined && encoding.toLowerCase() !== 'identity')
    ) {
      const holder = req as IncomingMessage & { body?: unknown };
      // body-parser only needs node's request; the response argument is not used by its raw parser.
      general(holder as never, undefined as never, (error?: unknown) =>
        done(error, Buffer.isBuffer(holder.body) ? holder.body : undefined),
      );
      return;
    }
    const expected = Number(length);
    if (expected > limitBytes) {
      req.resume();
      req.once('end', () => done(bodyError(413, 'entity.too.large', 'request entity too large'), undefined));
      return;
    }
    const chunks: Buffer[] = [];
    let received = 0;
    let finished = false;
    const finish = (error: unknown, body: Buffer | undefined) => {
      if (finished) return;
      finished = true;
      done(error, body);
    };
    req.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      received += chunk.length;
    });
    req.once('end', () => {
      if (received !== expected) {
        finish(
          bodyError(400, 'request.size.invalid', 'request size did not match content length'),
          undefined,
        );
        return;
      }
      finish(undefined, chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, received));
    });
    req.once('aborted', () => finish(bodyError(400, 'request.aborted', 'request aborted'), undefined));
    req.once('error', (error) => finish(error, undefined));
  };
}
