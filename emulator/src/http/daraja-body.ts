import { maskText } from '../journal/mask.js';
import type { Exchange } from './exchange.js';

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
 * Takes in a Daraja request's body. Daraja only reads JSON: a body that is not JSON (form-encoded, text,
 * garbage) reaches validation as an empty object, so the first field checked is reported invalid, as on the
 * real gateway.
 */
export function takeDarajaBody(exchange: Exchange, buffer: Buffer | undefined): void {
  const { ctx } = exchange;
  if (!buffer || buffer.length === 0) {
    if (exchange.method === 'POST') ctx.explanation.push('The request had no body.');
    return;
  }
  const type = exchange.req.headers['content-type'] ?? '';
  const text = buffer.toString('utf8');
  if (type && !/json/i.test(type)) {
    ctx.body = keptText(text);
    ctx.explanation.push(
      `The Content-Type was "${type}"; Daraja reads only JSON bodies (send application/json).`,
    );
    return;
  }
  try {
    const parsed: unknown = JSON.parse(text);
    ctx.body = text.length > KEPT_BODY_CHARS ? keptText(text) : parsed;
    exchange.json = parsed;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      exchange.body = parsed as Record<string, unknown>;
    else {
      exchange.malformed = 'The body is JSON but not an object.';
      ctx.explanation.push(exchange.malformed);
    }
  } catch (error) {
    ctx.body = keptText(text);
    exchange.malformed = `The body is not valid JSON (${(error as Error).message}).`;
    ctx.explanation.push(exchange.malformed);
  }
}
