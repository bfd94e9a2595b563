import { CallbackParseError } from './callback-parse-error.js';

/** The callbacks Daraja sends to a merchant. */
export type CallbackKind =
  'stk' | 'c2bValidation' | 'c2bConfirmation' | 'result' | 'timeout' | 'expressCheckout';

/** Which handlers the app registered, to resolve kinds that share one body shape. */
export interface RegisteredHandlers {
  c2bValidation: boolean;
  c2bConfirmation: boolean;
  result: boolean;
  timeout: boolean;
}

/**
 * Tells the callback kind from the body's shape. Validation and confirmation share one shape, as do
 * result and timeout, so those are told apart by which handlers exist and then by the URL path
 * (`…/validation…`, `…/timeout…` or `…/queue…`), the usual way apps register them.
 */
export function classifyCallback(body: unknown, path: string, handlers: RegisteredHandlers): CallbackKind {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new CallbackParseError('body', 'must be a JSON object');
  }
  if ('Body' in body) return 'stk';
  if ('Result' in body) {
    if (handlers.timeout && !handlers.result) return 'timeout';
    return handlers.timeout && /time-?out|queue/i.test(path) ? 'timeout' : 'result';
  }
  if ('TransID' in body) {
    if (handlers.c2bValidation !== handlers.c2bConfirmation) {
      return handlers.c2bValidation ? 'c2bValidation' : 'c2bConfirmation';
    }
    return /validat/i.test(path) ? 'c2bValidation' : 'c2bConfirmation';
  }
  // B2B Express Checkout's camelCase callback.
  if ('resultCode' in body && 'requestId' in body) return 'expressCheckout';
  throw new CallbackParseError(
    'body',
    'is not an STK callback, a C2B notification, a Result or an Express Checkout callback',
  );
}
