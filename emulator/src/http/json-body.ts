import express, { type RequestHandler } from 'express';
import { maskText } from '../journal/mask.js';
import { context, explain } from './request-context.js';

/**
 * Bodies are kept (journal, transaction records) in full only up to this size; Daraja's requests are well
 * under 1 KB, and a cap keeps a capped journal's memory bounded whatever clients send.
 */
const KEPT_BODY_CHARS = 8 * 1024;

/** A body kept as text: secrets masked (they cannot be masked field by field) and cut to a bounded length. */
function keptText(text: string): string {
  const masked = maskText(text);
  return masked.length > 2000 ? `${masked.slice(0, 2000)}… (${text.length} characters in all)` : masked;
}

/**
 * Reads the body of a Daraja request. Daraja only reads JSON: a body that is not JSON (form-encoded, text,
 * garbage) reaches validation as an empty object, so the first field checked is reported invalid, as on the
 * real gateway.
 */
export function darajaBody(limitBytes: number): RequestHandler[] {
  const raw = express.raw({ type: () => true, limit: limitBytes });
  const parse: RequestHandler = (req, res, next) => {
    const buffer = Buffer.isBuffer(req.body) ? req.body : undefined;
    const ctx = context(res);
    if (!ctx.explanation) ctx.explanation = [];
    req.body = {};
    if (!buffer || buffer.length === 0) {
      if (req.method === 'POST') explain(res, 'The request had no body.');
      return next();
    }
    const type = req.headers['content-type'] ?? '';
    const text = buffer.toString('utf8');
    if (type && !/json/i.test(type)) {
      ctx.body = keptText(text);
      explain(res, `The Content-Type was "${type}"; Daraja reads only JSON bodies (send application/json).`);
      return next();
    }
    try {
      const parsed: unknown = JSON.parse(text);
      ctx.body = text.length > KEPT_BODY_CHARS ? keptText(text) : parsed;
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) req.body = parsed;
      else explain(res, 'The body is JSON but not an object.');
    } catch (error) {
      ctx.body = keptText(text);
      explain(res, `The body is not valid JSON (${(error as Error).message}).`);
    }
    next();
  };
  return [raw, parse];
}
