import type { ServerResponse } from 'node:http';
import type { C2BConfirmationReply } from '../wire/index.js';
import { CallbackParseError } from './callback-parse-error.js';
import { type C2BValidationDecision, validationReply } from './c2b-validation-decision.js';
import { type CallbackKind, classifyCallback } from './classify-callback.js';
import { parseC2BNotification, type ParsedC2BNotification } from './parse-c2b-notification.js';
import {
  type ExpressCheckoutCallbackResult,
  parseExpressCheckoutCallback,
} from './parse-express-checkout-callback.js';
import { parseResultCallback, type ParsedResult } from './parse-result-callback.js';
import { parseStkCallback, type StkCallbackResult } from './parse-stk-callback.js';
import { BodyTooLargeError, type CallbackRequest, readJsonBody } from './read-json-body.js';

type MaybePromise<T> = T | Promise<T>;

/** The app's callbacks; register only those you use. */
export interface CallbackHandlers {
  onStk?: ((callback: StkCallbackResult) => MaybePromise<void>) | undefined;
  /** Return `rejectC2B(code)` to refuse the payment; returning nothing accepts it. */
  onC2BValidation?:
    ((notification: ParsedC2BNotification) => MaybePromise<C2BValidationDecision | void>) | undefined;
  onC2BConfirmation?: ((notification: ParsedC2BNotification) => MaybePromise<void>) | undefined;
  onResult?: ((result: ParsedResult) => MaybePromise<void>) | undefined;
  /** Called for QueueTimeOutURL posts (by convention the same `Result` envelope). */
  onTimeout?: ((result: ParsedResult) => MaybePromise<void>) | undefined;
  /** B2B Express Checkout: the till operator paid, cancelled or did not answer. */
  onExpressCheckout?: ((callback: ExpressCheckoutCallbackResult) => MaybePromise<void>) | undefined;
}

export interface CallbackHandlerOptions {
  /** Fixes the kind this endpoint receives instead of inferring it from the body and path. */
  kind?: CallbackKind | undefined;
  /** Largest body read; default 1 MiB. */
  maxBodyBytes?: number | undefined;
  /** Told about parse failures and handler errors (the request is answered either way). */
  onError?: ((error: unknown) => void) | undefined;
}

/** A Node `http` / Express request handler. */
export type CallbackRequestHandler = (request: CallbackRequest, response: ServerResponse) => void;

const ACCEPTED = { ResultCode: 0, ResultDesc: 'Accepted' } as const;
const CONFIRMED: C2BConfirmationReply = { ResultCode: 0, ResultDesc: 'Success' };

/** Writes a JSON answer unless one was already sent. */
function send(response: ServerResponse, status: number, body: unknown): void {
  if (response.headersSent) return;
  response.writeHead(status, { 'Content-Type': 'application/json' });
  response.end(JSON.stringify(body));
}

/** Parses the body for its kind, calls the app and returns Daraja's expected acknowledgement. */
async function dispatch(kind: CallbackKind, body: unknown, handlers: CallbackHandlers): Promise<unknown> {
  switch (kind) {
    case 'stk':
      await handlers.onStk?.(parseStkCallback(body));
      return ACCEPTED;
    case 'c2bValidation':
      return validationReply(await handlers.onC2BValidation?.(parseC2BNotification(body)));
    case 'c2bConfirmation':
      await handlers.onC2BConfirmation?.(parseC2BNotification(body));
      return CONFIRMED;
    case 'result':
      await handlers.onResult?.(parseResultCallback(body));
      return ACCEPTED;
    case 'timeout':
      await handlers.onTimeout?.(parseResultCallback(body));
      return ACCEPTED;
    case 'expressCheckout':
      await handlers.onExpressCheckout?.(parseExpressCheckoutCallback(body));
      return ACCEPTED;
  }
}

/**
 * Creates a request handler for Daraja's callbacks: it reads the JSON body (or uses Express's parsed
 * `req.body`), validates it, calls your handler and answers as Daraja expects. Invalid bodies get a
 * 400 and a failing handler a 500; the process never crashes on a bad callback.
 */
export function createCallbackHandler(
  handlers: CallbackHandlers,
  options: CallbackHandlerOptions = {},
): CallbackRequestHandler {
  const registered = {
    c2bValidation: handlers.onC2BValidation !== undefined,
    c2bConfirmation: handlers.onC2BConfirmation !== undefined,
    result: handlers.onResult !== undefined,
    timeout: handlers.onTimeout !== undefined,
  };
  const report = (error: unknown) => {
    try {
      options.onError?.(error);
    } catch {
      // A failing error reporter must not turn a handled callback into a crash.
    }
  };
  return (request, response) => {
    void (async () => {
      let stage: 'read' | 'handle' = 'read';
      try {
        const body = await readJsonBody(request, options.maxBodyBytes ?? 1024 * 1024);
        const kind =
          options.kind ?? classifyCallback(body, request.originalUrl ?? request.url ?? '', registered);
        stage = 'handle';
        send(response, 200, await dispatch(kind, body, handlers));
      } catch (error) {
        report(error);
        if (error instanceof BodyTooLargeError) send(response, 413, { error: error.message });
        else if (error instanceof CallbackParseError) send(response, 400, { error: error.message });
        else if (stage === 'read') send(response, 400, { error: 'Could not read the request body' });
        else send(response, 500, { error: 'Callback handler failed' });
      }
    })();
  };
}
