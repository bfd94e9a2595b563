import type { Response } from 'express';
import { statusForErrorCode, type DarajaErrorBody } from 'daraja-client/wire';
import type { DarajaError } from './daraja-error.js';
import { context, explain } from './request-context.js';

/** Serialises a DarajaError as Daraja does: the camelCase envelope, status from the code's first digits. */
export function sendDarajaError(res: Response, error: DarajaError): void {
  const ctx = context(res);
  explain(res, ...error.explanation);
  const status = error.status ?? statusForErrorCode(error.code);
  res.setHeader('Cache-Control', 'no-store');
  if (error.emptyBody) {
    ctx.responseBody = '';
    res.status(status).end();
    return;
  }
  const body: DarajaErrorBody = {
    requestId: ctx.requestId,
    errorCode: error.code,
    errorMessage: error.message,
  };
  ctx.responseBody = body;
  res.status(status);
  res.setHeader('Content-Type', 'application/json;charset=UTF-8');
  res.end(JSON.stringify(body));
}
