import type { Request } from 'express';
import { ControlError } from './control-error.js';

/** A single string query parameter, or undefined. */
export function queryText(req: Request, name: string): string | undefined {
  const v = req.query[name];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

export function queryLimit(req: Request, fallback = 200): number {
  const v = queryText(req, 'limit');
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 10_000)
    throw new ControlError(400, 'invalid_limit', 'limit must be a whole number from 1 to 10000.');
  return n;
}

/** The JSON body as an object, or a 400. */
export function bodyObject(req: Request): Record<string, unknown> {
  const body: unknown = req.body;
  if (body === undefined) return {};
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw new ControlError(400, 'invalid_body', 'The body must be a JSON object.');
  }
  return body as Record<string, unknown>;
}
