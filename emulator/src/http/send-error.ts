import { statusForErrorCode, type DarajaErrorBody } from 'daraja-client/wire';
import type { DarajaError } from './daraja-error.js';
import type { Exchange } from './exchange.js';

/** Serialises a DarajaError as Daraja does: the camelCase envelope, status from the code's first digits. */
export function sendDarajaError(exchange: Exchange, error: DarajaError): void {
  const { ctx, res } = exchange;
  ctx.explanation.push(...error.explanation);
  res.statusCode = error.status ?? statusForErrorCode(error.code);
  res.setHeader('Cache-Control', 'no-store');
  // An answer that could not be sent (its writes failed to commit) may have left its headers behind.
  res.removeHeader('Content-Length');
  if (error.emptyBody) {
    ctx.responseBody = '';
    res.removeHeader('Content-Type');
    exchange.beforeAnswer();
    res.end();
    return;
  }
  const envelope: DarajaErrorBody = {
    requestId: ctx.requestId,
    errorCode: error.code,
    errorMessage: error.message,
  };
  const body = error.body ? error.body(ctx.requestId) : envelope;
  ctx.responseBody = body;
  res.setHeader('Content-Type', 'application/json;charset=UTF-8');
  exchange.beforeAnswer();
  res.end(JSON.stringify(body));
}
