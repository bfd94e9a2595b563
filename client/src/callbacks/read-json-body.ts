import type { IncomingMessage } from 'node:http';
import { CallbackParseError } from './callback-parse-error.js';

/** An incoming request that a framework (Express's `express.json()`, …) may already have parsed. */
export type CallbackRequest = IncomingMessage & { body?: unknown; originalUrl?: string };

/** The body was larger than allowed. */
export class BodyTooLargeError extends Error {
  /** Creates the error for a limit in bytes. */
  constructor(limit: number) {
    super(`Request body exceeds ${limit} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

/** Parses JSON text, reporting malformed input as a CallbackParseError. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new CallbackParseError('body', 'is not valid JSON');
  }
}

/** True when a framework left an empty placeholder body and did not consume the stream (e.g. a non-JSON content type). */
function isUnparsedPlaceholder(request: CallbackRequest): boolean {
  const body = request.body;
  return (
    typeof body === 'object' &&
    body !== null &&
    !Buffer.isBuffer(body) &&
    Object.keys(body).length === 0 &&
    !request.readableEnded
  );
}

/** Reads the JSON body of a callback, using a body a framework already parsed when there is one. */
export async function readJsonBody(request: CallbackRequest, maxBytes: number): Promise<unknown> {
  const parsed = request.body;
  if (typeof parsed === 'string') return parseJson(parsed);
  if (Buffer.isBuffer(parsed)) return parseJson(parsed.toString('utf8'));
  if (parsed !== undefined && !isUnparsedPlaceholder(request)) return parsed;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > maxBytes) throw new BodyTooLargeError(maxBytes);
    chunks.push(buffer);
  }
  return parseJson(Buffer.concat(chunks).toString('utf8'));
}
