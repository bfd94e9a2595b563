import type { Request, Response } from 'express';
import { TOTAL_COUNT_HEADER } from 'daraja-client/emulator';
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

/** `offset`, `limit` and `q` of a history list (see PageQuery). */
export function queryPage(req: Request): { offset: number; limit: number; q?: string } {
  const v = queryText(req, 'offset');
  const offset = v === undefined ? 0 : Number(v);
  if (!Number.isInteger(offset) || offset < 0)
    throw new ControlError(400, 'invalid_offset', 'offset must be a whole number, 0 or more.');
  const q = queryText(req, 'q');
  return { offset, limit: queryLimit(req), ...(q ? { q } : {}) };
}

/** A yes/no query parameter: `true` or `1` is yes. */
export function queryFlag(req: Request, name: string): boolean {
  const v = queryText(req, name);
  return v === 'true' || v === '1';
}

/** Sends one page of a history list with the number of matching records in the X-Total-Count header. */
export function sendPage(res: Response, page: { items: unknown[]; total: number }): void {
  res.setHeader(TOTAL_COUNT_HEADER, String(page.total));
  res.json(page.items);
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
