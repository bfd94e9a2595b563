import { statusForErrorCode, type DarajaErrorBody } from 'daraja-client/wire';
import type { DarajaError } from './daraja-error.js';
import type { Exchange } from './exchange.js';

/** Serialises a DarajaError as Daraja does: the camelCase envelope, status from the code's first digits. */
export function sendDarajaError(x: Exchange, error: DarajaError): void {
  const { ctx, res } = x;
  x.beforeAnswer();
  ctx.explanation.push(...error.explanation);
  const status = error.status ?? statusForErrorCode(error.code);
  res.setHeader('Cache-Control', 'no-store');
  if (error.emptyBody) {
    ctx.responseBody = '';
    res.statusCode = status;
    res.end();
    return;
  }
  const body: DarajaErrorBody = {
    requestId: ctx.requestId,
    errorCode: error.code,
    errorMessage: error.message,
  };
  ctx.responseBody = body;
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json;charset=UTF-8');
  res.end(JSON.stringify(body));
}
