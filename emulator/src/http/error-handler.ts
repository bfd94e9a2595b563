import type { ErrorRequestHandler } from 'express';
import { ControlError, sendControlError } from '../control/control-error.js';
import { isClientError, type ClientError } from './failure.js';
import { StoreWriteError } from '../store/store.js';

/** The control API's one place where anything thrown becomes an answer: never an HTML page or a stack trace. */
export function controlErrorHandler(log: (line: string) => void): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    if (res.headersSent) return;
    if (err instanceof ControlError) return sendControlError(res, err);
    const e = err as ClientError;
    if (e?.type === 'entity.too.large')
      return sendControlError(res, new ControlError(413, 'too_large', e.message));
    if (e?.type === 'entity.parse.failed')
      return sendControlError(res, new ControlError(400, 'invalid_json', 'The body is not valid JSON.'));
    if (isClientError(e)) return sendControlError(res, new ControlError(e.status, 'invalid_body', e.message));
    if (err instanceof StoreWriteError)
      return sendControlError(res, new ControlError(503, 'not_saved', `Not saved: ${err.message}.`));
    log(
      `control API error on ${req.method} ${req.path.slice(0, 200)}: ${(err as Error)?.message ?? String(err)}`,
    );
    return sendControlError(
      res,
      new ControlError(500, 'internal', 'The emulator failed to handle this request.'),
    );
  };
}
