import type { RequestHandler } from 'express';

/**
 * A request filter for Pact's verifier proxy. The proxy parses JSON, form and typed bodies, then forwards
 * whatever it parsed; a request recorded without a Content-Type header is not parsed, so the proxy would
 * forward an empty body under the original Content-Length and the emulator would wait for it forever.
 * Reading such bodies here lets the proxy forward them byte for byte.
 */
export const unparsedBodyFilter: RequestHandler = (req, _res, next) => {
  const length = Number(req.headers['content-length'] ?? 0);
  const body: unknown = req.body;
  if (length === 0 || body !== undefined || req.readableEnded) {
    next();
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    req.body = Buffer.concat(chunks);
    next();
  });
  req.on('error', next);
};
